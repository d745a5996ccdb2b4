using System.Diagnostics;
using System.Reflection;
using System.Text.Json.Nodes;
using GenreNotebooks.Notebooks.Document;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Scripting;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Scripting;

namespace GenreNotebooks.Notebooks.Execution;

/// <summary>
/// Executes a notebook headless, the way the Polyglot C# kernel does: code cells in order with Roslyn scripting
/// (<c>CSharpScript.RunAsync</c>, then <c>ScriptState.ContinueWithAsync</c>, so variables carry over), with the
/// kernel's default imports and a <c>display(...)</c> global. Console output, <c>display</c> calls and the value of
/// a trailing expression become Jupyter outputs. The working directory is the notebook's folder during the run
/// (as in Jupyter) and the profile is passed in <c>GENRE_NOTEBOOKS_PROFILE</c>; both are restored afterwards.
/// Every notebook gets fresh script state; runs in one process are serialised because the working directory and
/// environment are process-wide.
/// </summary>
public static class NotebookRunner
{
    /// <summary>The namespaces every cell sees, as in the .NET Interactive C# kernel.</summary>
    public static readonly IReadOnlyList<string> DefaultImports =
    [
        "System", "System.Text", "System.Collections", "System.Collections.Generic", "System.Linq",
        "System.Threading.Tasks",
    ];

    private static readonly SemaphoreSlim OneAtATime = new(1, 1);
    private static readonly Lazy<IReadOnlyList<MetadataReference>> FrameworkReferences = new(LoadFrameworkReferences);

    /// <summary>Reads, executes and returns the notebook at <paramref name="path"/> (the file is not modified).</summary>
    public static Task<NotebookRunResult> RunFileAsync(string path, NotebookRunOptions? options = null, CancellationToken cancellationToken = default) =>
        RunAsync(NotebookDocument.Load(path), options, cancellationToken);

    /// <summary>
    /// Executes <paramref name="notebook"/> in place (outputs and execution counts are replaced). Relative
    /// <c>#r</c> paths and the working directory use the notebook's folder (the current directory for a notebook
    /// built in memory). Stops at the first failing cell unless <see cref="NotebookRunOptions.ContinueOnError"/>;
    /// a timed-out cell always stops the run.
    /// </summary>
    public static async Task<NotebookRunResult> RunAsync(NotebookDocument notebook, NotebookRunOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(notebook);
        options ??= new NotebookRunOptions();
        var folder = notebook.Path is null
            ? Directory.GetCurrentDirectory()
            : Path.GetDirectoryName(Path.GetFullPath(notebook.Path))!;
        var name = notebook.Path is null ? "notebook" : Path.GetFileName(notebook.Path);

        await OneAtATime.WaitAsync(cancellationToken).ConfigureAwait(false);
        var savedDirectory = Directory.GetCurrentDirectory();
        var savedProfile = Environment.GetEnvironmentVariable(NotebookRunOptions.ProfileVariable);
        try
        {
            Directory.SetCurrentDirectory(folder);
            Environment.SetEnvironmentVariable(NotebookRunOptions.ProfileVariable, options.Profile);
            ConsoleRouter.EnsureInstalled();
            return await RunCellsAsync(notebook, name, folder, options, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            Directory.SetCurrentDirectory(savedDirectory);
            Environment.SetEnvironmentVariable(NotebookRunOptions.ProfileVariable, savedProfile);
            OneAtATime.Release();
        }
    }

    private static async Task<NotebookRunResult> RunCellsAsync(
        NotebookDocument notebook, string name, string folder, NotebookRunOptions options, CancellationToken cancellationToken)
    {
        var total = Stopwatch.StartNew();
        var results = new List<CellRunResult>();
        var sink = new CellOutputSink();
        var globals = new NotebookGlobals(() => sink);
        var scriptOptions = ScriptOptions.Default
            .WithReferences(FrameworkReferences.Value)
            .AddReferences(typeof(NotebookGlobals).Assembly)
            .WithImports(DefaultImports)
            .WithMetadataResolver(new NotebookReferenceResolver(folder))
            .WithSourceResolver(new SourceFileResolver([], folder))
            .WithOptimizationLevel(OptimizationLevel.Release)
            .WithEmitDebugInformation(true)
            .WithFileEncoding(System.Text.Encoding.UTF8)
            .WithLanguageVersion(LanguageVersion.Latest);
        ScriptState<object>? state = null;
        int executionCount = 0, codeCellNumber = 0;
        var packages = PackageReferences.Scan(notebook.Cells.Where(c => c.IsCode).Select(c => c.Source), folder);

        for (int index = 0; index < notebook.Cells.Count; index++)
        {
            var cell = notebook.Cells[index];
            if (!cell.IsCode) continue;
            codeCellNumber++;
            cancellationToken.ThrowIfCancellationRequested();
            var (code, isMarkdown, unsupported) = CellSource.Prepare(cell.Source, PolyglotMetadata.KernelOf(cell.Metadata), packages);
            cell.Outputs.Clear();
            if (isMarkdown) { cell.ExecutionCount = null; continue; }
            cell.ExecutionCount = ++executionCount;
            int cellNumber = index + 1;
            CellFailure Fail(CellFailureKind kind, string message, Exception? e) =>
                new(name, cellNumber, notebook.Cells.Count, codeCellNumber, cell.FirstLine, kind, message, e);

            var clock = Stopwatch.StartNew();
            CellFailure? failure = null;
            object? returnValue = null;
            if (unsupported is not null)
            {
                failure = Fail(CellFailureKind.Unsupported, unsupported, null);
            }
            else
            {
                var cellOptions = scriptOptions.WithFilePath($"cell {cellNumber}");
                var previous = state;
                var run = Task.Run(() =>
                {
                    ConsoleRouter.Capture(sink);
                    return previous is null
                        ? CSharpScript.RunAsync(code, cellOptions, globals, typeof(NotebookGlobals), cancellationToken)
                        : previous.ContinueWithAsync(code, cellOptions, cancellationToken);
                }, cancellationToken);
                try
                {
                    state = await run.WaitAsync(options.CellTimeout, cancellationToken).ConfigureAwait(false);
                    returnValue = state.ReturnValue;
                    // The kernel's host drops a cell's return value that is a display handle: display(x) shows x once.
                    if (returnValue is not DisplayedValue && TrailingExpressionHasValue(state.Script))
                        sink.Add(CellOutputSink.ExecuteResult(MimeFormatter.Format(returnValue), executionCount));
                }
                catch (TimeoutException)
                {
                    failure = Fail(CellFailureKind.Timeout,
                        $"the cell did not finish within {options.CellTimeout.TotalSeconds:0.###} s; the run stops here.", null);
                }
                catch (CompilationErrorException e)
                {
                    var lines = e.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Select(DescribeDiagnostic);
                    failure = Fail(CellFailureKind.Compilation, string.Join("\n", lines), e);
                }
                catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
                {
                    throw;
                }
                catch (Exception e)
                {
                    var inner = Unwrap(e);
                    failure = Fail(CellFailureKind.Exception, $"{inner.GetType().FullName}: {inner.Message}\n{CellStackTrace(inner)}".TrimEnd(), inner);
                }
            }
            clock.Stop();

            if (failure is not null)
            {
                var ename = failure.Exception is { } ex ? ex.GetType().Name : failure.Kind.ToString();
                sink.Add(CellOutputSink.Error(ename, failure.Message, failure.Describe().Split('\n')));
            }
            foreach (var output in sink.Drain()) cell.Outputs.Add(output);
            results.Add(new CellRunResult(cellNumber, clock.Elapsed, returnValue, failure));
            options.Log?.WriteLine($"  cell {cellNumber,3}/{notebook.Cells.Count} {(failure is null ? "ok    " : "FAILED")} {clock.Elapsed.TotalSeconds,7:0.00} s  {Shorten(cell.FirstLine)}");
            if (failure is not null && (failure.Kind == CellFailureKind.Timeout || !options.ContinueOnError)) break;
        }
        return new NotebookRunResult(notebook, results, total.Elapsed);
    }

    private static string Shorten(string s) => s.Length <= 70 ? s : s[..67] + "...";

    private static string DescribeDiagnostic(Diagnostic d)
    {
        var pos = d.Location.GetLineSpan().StartLinePosition;
        return d.Location.IsInSource
            ? $"line {pos.Line + 1}, column {pos.Character + 1}: error {d.Id}: {d.GetMessage()}"
            : $"error {d.Id}: {d.GetMessage()}";
    }

    private static Exception Unwrap(Exception e)
    {
        while (e is AggregateException { InnerExceptions.Count: 1 } or TargetInvocationException && e.InnerException is not null)
            e = e.InnerException!;
        return e;
    }

    // Only the frames of the notebook's cells and of user libraries: Roslyn's and the runtime's frames say nothing
    // to a reader.
    private static string CellStackTrace(Exception e)
    {
        var lines = (e.StackTrace ?? "").Split('\n').Select(l => l.TrimEnd())
            .Where(l => l.Length > 0 && !l.Contains("Microsoft.CodeAnalysis", StringComparison.Ordinal)
                        && !l.Contains("System.Runtime.CompilerServices", StringComparison.Ordinal)
                        && !l.Contains("System.Threading.", StringComparison.Ordinal));
        return string.Join("\n", lines);
    }

    /// <summary>
    /// True when the cell ends in an expression without a semicolon whose type is not void: the value Polyglot
    /// shows under the cell (a null value shows as &lt;null&gt;).
    /// </summary>
    private static bool TrailingExpressionHasValue(Script script)
    {
        var tree = CSharpSyntaxTree.ParseText(script.Code, CSharpParseOptions.Default.WithKind(SourceCodeKind.Script));
        if (tree.GetCompilationUnitRoot().Members.LastOrDefault() is not GlobalStatementSyntax
            { Statement: ExpressionStatementSyntax { SemicolonToken.IsMissing: true } })
            return false;
        var compilation = script.GetCompilation();
        var compiledTree = compilation.SyntaxTrees.Last();
        var last = compiledTree.GetCompilationUnitRoot().Members.LastOrDefault() as GlobalStatementSyntax;
        if (last?.Statement is not ExpressionStatementSyntax statement) return false;
        var type = compilation.GetSemanticModel(compiledTree).GetTypeInfo(statement.Expression).Type;
        return type is not null && type.SpecialType != SpecialType.System_Void;
    }

    private static IReadOnlyList<MetadataReference> LoadFrameworkReferences()
    {
        // The shared framework (what a reader's Polyglot kernel references) plus IHtmlContent, which figures
        // implement. Not the host's own dependencies: a notebook must #r the library itself, as in VS Code.
        var tpa = ((string?)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") ?? "").Split(Path.PathSeparator);
        var coreDir = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        var refs = new List<MetadataReference>();
        foreach (var path in tpa)
        {
            if (path.Length == 0) continue;
            var file = Path.GetFileName(path);
            bool core = string.Equals(Path.GetDirectoryName(path), coreDir, StringComparison.Ordinal);
            bool html = file is "Microsoft.AspNetCore.Html.Abstractions.dll";
            if ((core || html) && IsManaged(path)) refs.Add(MetadataReference.CreateFromFile(path));
        }
        return refs;
    }

    private static bool IsManaged(string path)
    {
        try { AssemblyName.GetAssemblyName(path); return true; }
        catch (BadImageFormatException) { return false; }
    }
}
