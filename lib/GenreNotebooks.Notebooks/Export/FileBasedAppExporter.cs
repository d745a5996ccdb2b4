using System.Text;
using System.Text.RegularExpressions;
using GenreNotebooks.Notebooks.Document;
using GenreNotebooks.Notebooks.Execution;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace GenreNotebooks.Notebooks.Export;

/// <summary>
/// Writes a notebook as a .NET 10 file-based app (<c>dotnet run NN-name.cs</c>), the form Microsoft points C#
/// notebook users to now that Polyglot Notebooks is deprecated. Markdown cells become <c>//</c> comments; a
/// <c>#r</c> of a library built under <c>artifacts/bin/&lt;Project&gt;/</c> becomes <c>#:project</c> of
/// <c>lib/&lt;Project&gt;/&lt;Project&gt;.csproj</c> and <c>#r "nuget: Id, Version"</c> becomes
/// <c>#:package Id@Version</c> (directives and <c>using</c>s move to the top, type declarations to the end, as a
/// C# file needs them); a cell's last expression is displayed; <c>display(...)</c> is
/// <c>GenreNotebooks.FileApps.ConsoleNotebook.display</c>: text on the console, figures and tables as HTML pages in
/// <c>&lt;name&gt;.output/</c>. Nullable warnings stay off, as in the notebook kernel.
/// </summary>
public static partial class FileBasedAppExporter
{
    /// <summary>
    /// The C# file of <paramref name="notebook"/> for the folder <paramref name="outputFolder"/> (paths in the
    /// directives are relative to it). <paramref name="repositoryRoot"/> holds <c>lib/</c> and <c>artifacts/</c>.
    /// </summary>
    /// <exception cref="InvalidOperationException">A cell cannot be expressed in a C# file (another kernel, a <c>#r</c> of a DLL outside the repository's libraries, <c>#i</c>).</exception>
    public static string Export(NotebookDocument notebook, string outputFolder, string repositoryRoot)
    {
        ArgumentNullException.ThrowIfNull(notebook);
        var name = notebook.Path is null ? "notebook" : Path.GetFileNameWithoutExtension(notebook.Path);
        var folder = notebook.Path is null ? Directory.GetCurrentDirectory() : Path.GetDirectoryName(Path.GetFullPath(notebook.Path))!;
        outputFolder = Path.GetFullPath(outputFolder);
        var directives = new List<string>();
        var usings = new List<string>();
        var body = new StringBuilder();
        var types = new StringBuilder();

        int number = 0;
        foreach (var cell in notebook.Cells)
        {
            number++;
            if (!cell.IsCode)
            {
                if (cell.CellType != "markdown") continue;
                body.Append('\n');
                foreach (var line in cell.Source.Replace("\r\n", "\n").TrimEnd().Split('\n')) body.Append(("// " + line).TrimEnd()).Append('\n');
                continue;
            }
            var (code, isMarkdown, unsupported) = CellSource.Prepare(cell.Source, PolyglotMetadata.KernelOf(cell.Metadata), PackageReferences.None);
            if (isMarkdown) continue;
            if (unsupported is not null && !cell.Source.Contains("#r \"nuget:", StringComparison.OrdinalIgnoreCase))
                throw new InvalidOperationException($"{name}, cell {number}: {unsupported}");
            var kept = new List<string>();
            foreach (var raw in (unsupported is null ? code : cell.Source).Replace("\r\n", "\n").Split('\n'))
            {
                var line = raw.Trim();
                if (line.StartsWith("#!", StringComparison.Ordinal)) continue;
                if (line.StartsWith("#r", StringComparison.Ordinal))
                {
                    var directive = Directive(line, folder, outputFolder, repositoryRoot)
                                    ?? throw new InvalidOperationException($"{name}, cell {number}: '{line}' names no library of {repositoryRoot}/lib and no NuGet package; a file-based app references projects (#:project) and packages (#:package) only");
                    if (!directives.Contains(directive)) directives.Add(directive);
                    continue;
                }
                if (UsingDirective().IsMatch(raw))
                {
                    if (!usings.Contains(line)) usings.Add(line);
                    continue;
                }
                kept.Add(raw);
            }
            var source = DisplayTrailingExpression(string.Join('\n', kept));
            var (statements, declarations) = Split(source);
            body.Append($"\n// ---- cell {number} ----\n").Append(statements.Trim('\n')).Append('\n');
            if (declarations.Length > 0) types.Append('\n').Append(declarations.Trim('\n')).Append('\n');
        }

        var file = new StringBuilder();
        file.Append("#!/usr/bin/env dotnet\n");
        file.Append($"// {name}: the notebook notebooks/{name}.ipynb as a .NET file-based app, written by `genre notebooks export --to cs`.\n");
        file.Append($"// Run it with `dotnet run {name}.cs` (GENRE_NOTEBOOKS_PROFILE=quick|standard|paper picks the profile); text goes to\n");
        file.Append($"// the console, figures and tables to HTML pages in {name}.output/. Edit the notebook, not this file.\n");
        foreach (var d in directives) file.Append(d).Append('\n');
        // File-based apps default to native AOT settings, which turn off the reflection-based JSON the figures use.
        file.Append("#:property PublishAot=false\n#:property Nullable=disable\n#:property TreatWarningsAsErrors=false\n#:property WarningLevel=0\n");
        file.Append('\n');
        foreach (var u in NotebookRunner.DefaultImports) file.Append($"using {u};\n");
        file.Append("using static GenreNotebooks.FileApps.ConsoleNotebook;\n");
        foreach (var u in usings) file.Append(u).Append('\n');
        file.Append($"\nStart(\"{name}\");\n");
        file.Append(body);
        file.Append(types);
        return file.ToString();
    }

    /// <summary>Exports <paramref name="notebookPath"/> to <c>&lt;outputFolder&gt;/&lt;name&gt;.cs</c> and returns that path.</summary>
    public static string Save(string notebookPath, string outputFolder, string repositoryRoot)
    {
        var notebook = NotebookDocument.Load(notebookPath);
        Directory.CreateDirectory(outputFolder);
        var path = Path.Combine(outputFolder, Path.GetFileNameWithoutExtension(notebookPath) + ".cs");
        File.WriteAllText(path, Export(notebook, outputFolder, repositoryRoot), new UTF8Encoding(false));
        return path;
    }

    private static string? Directive(string line, string notebookFolder, string outputFolder, string root)
    {
        var target = line[2..].Trim().Trim('"');
        if (target.StartsWith("nuget:", StringComparison.OrdinalIgnoreCase))
        {
            var spec = target["nuget:".Length..].Split(',', 2, StringSplitOptions.TrimEntries);
            return spec.Length > 1 && spec[1].Length > 0 ? $"#:package {spec[0]}@{spec[1]}" : $"#:package {spec[0]}@*";
        }
        var dll = Path.GetFullPath(Path.Combine(notebookFolder, target));
        var bin = Path.GetFullPath(Path.Combine(root, "artifacts", "bin")) + Path.DirectorySeparatorChar;
        if (!dll.StartsWith(bin, StringComparison.Ordinal)) return null;
        var project = dll[bin.Length..].Split(Path.DirectorySeparatorChar)[0];
        var csproj = Path.Combine(root, "lib", project, project + ".csproj");
        return File.Exists(csproj) ? "#:project " + Path.GetRelativePath(outputFolder, csproj).Replace('\\', '/') : null;
    }

    // The value of a cell's last expression (no semicolon) is what the notebook shows under the cell.
    private static string DisplayTrailingExpression(string code)
    {
        var tree = CSharpSyntaxTree.ParseText(code, CSharpParseOptions.Default.WithKind(SourceCodeKind.Script));
        if (tree.GetCompilationUnitRoot().Members.LastOrDefault() is not GlobalStatementSyntax
            { Statement: ExpressionStatementSyntax { SemicolonToken.IsMissing: true } statement })
            return code;
        var span = statement.Expression.Span;
        return code[..span.Start] + "Result(() => " + code[span.Start..span.End] + ");" + code[span.End..];
    }

    // Type declarations must follow a file's top-level statements.
    private static (string Statements, string Declarations) Split(string code)
    {
        var root = CSharpSyntaxTree.ParseText(code).GetCompilationUnitRoot();
        var declarations = root.Members.Where(m => m is BaseTypeDeclarationSyntax or DelegateDeclarationSyntax).ToList();
        if (declarations.Count == 0) return (code, "");
        var statements = new StringBuilder();
        int at = 0;
        foreach (var d in declarations)
        {
            var span = d.FullSpan;
            statements.Append(code[at..span.Start]);
            at = span.End;
        }
        statements.Append(code[at..]);
        return (statements.ToString(), string.Join("\n", declarations.Select(d => d.ToFullString().Trim('\n'))));
    }

    [GeneratedRegex(@"^\s*using\s+(static\s+)?[A-Za-z_][\w.]*(\s*=\s*[A-Za-z_][\w.<>, ]*)?\s*;\s*$")]
    private static partial Regex UsingDirective();
}
