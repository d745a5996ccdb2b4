using System.CommandLine;
using System.Diagnostics;
using GenreNotebooks.Notebooks.Document;
using GenreNotebooks.Notebooks.Execution;
using GenreNotebooks.Notebooks.Export;
using GenreNotebooks.Plots;

namespace GenreNotebooks.Cli.Commands;

/// <summary>
/// <c>genre notebooks run [notebooks...]</c>: executes notebooks headless with the project's runner and writes the
/// executed .ipynb and an HTML page of each to the output folder. <c>genre notebooks export --to cs [notebooks...]</c>:
/// writes each notebook as a .NET file-based app.
/// </summary>
internal static class NotebooksCommand
{
    public static Command Create()
    {
        var notebooks = new Command("notebooks", "Run the notebooks headless and export them.");
        notebooks.Subcommands.Add(CreateRun());
        notebooks.Subcommands.Add(CreateExport());
        return notebooks;
    }

    private static Command CreateExport()
    {
        var paths = new Argument<string[]>("notebooks")
        {
            Description = "Notebook files or folders (default: every notebook under notebooks/, in name order).",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var to = new Option<string>("--to")
        {
            Description = "The format: cs (a .NET 10 file-based app, run with `dotnet run <name>.cs`).",
            Required = true,
        };
        to.AcceptOnlyFromAmong("cs");
        var output = new Option<string?>("--out") { Description = "Folder for the .cs files (default: artifacts/apps)." };
        var export = new Command("export", "Write notebooks as .NET file-based apps: markdown as comments, display(...) to the console and HTML pages.")
        {
            paths, to, output,
        };
        export.SetAction(parse => Export(parse.GetValue(paths) ?? [], parse.GetValue(output),
            parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error));
        return export;
    }

    private static int Export(string[] paths, string? outDir, TextWriter stdout, TextWriter stderr)
    {
        List<string> files;
        string root;
        try
        {
            files = Resolve(paths);
            if (files.Count == 0)
            {
                stderr.WriteLine($"genre notebooks export: no .ipynb files in {string.Join(", ", paths.Select(p => $"'{p}'"))}.");
                return ExitCodes.Failed;
            }
            // The libraries the apps reference: the checkout holding the notebooks, else the one of this command.
            try { root = ProjectPaths.FindRoot(Path.GetDirectoryName(files[0])); }
            catch (DirectoryNotFoundException) { root = ProjectPaths.FindRoot(); }
            outDir = Path.GetFullPath(outDir ?? Path.Combine(root, "artifacts", "apps"));
        }
        catch (IOException e)
        {
            stderr.WriteLine($"genre notebooks export: {e.Message}");
            return ExitCodes.Failed;
        }
        int failed = 0;
        foreach (var file in files)
        {
            try
            {
                stdout.WriteLine($"wrote {FileBasedAppExporter.Save(file, outDir, root)}");
            }
            catch (Exception e) when (e is InvalidOperationException or FormatException or IOException or UnauthorizedAccessException)
            {
                stderr.WriteLine($"skipped {file}: {e.Message}");
                failed++;
            }
        }
        if (failed == 0) return ExitCodes.Ok;
        return failed == files.Count ? ExitCodes.Failed : ExitCodes.Partial;
    }

    private static Command CreateRun()
    {
        var paths = new Argument<string[]>("notebooks")
        {
            Description = "Notebook files or folders (default: every notebook under notebooks/, in name order).",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var profile = new Option<string>("--profile")
        {
            Description = "Parameter profile passed to the notebooks: quick, standard or paper.",
            DefaultValueFactory = _ => "standard",
        };
        profile.AcceptOnlyFromAmong([.. NotebookRunOptions.Profiles]);
        var output = new Option<string?>("--out")
        {
            Description = "Folder for the executed .ipynb and .html files (default: artifacts/notebooks).",
        };
        var continueOnError = new Option<bool>("--continue-on-error")
        {
            Description = "Keep running the cells after a failing cell (a timed-out cell still stops the notebook).",
        };
        var timeout = new Option<double>("--timeout")
        {
            Description = "Per-cell timeout in seconds.",
            DefaultValueFactory = _ => 1800,
        };
        var plotly = new Option<string>("--plotly")
        {
            Description = "plotly.js for the HTML pages: auto (inline node_modules/plotly.js-dist-min when present, else CDN), cdn, or a path to plotly.min.js.",
            DefaultValueFactory = _ => "auto",
        };
        var run = new Command("run", "Execute notebooks and write the executed .ipynb and a self-contained HTML page of each.")
        {
            paths, profile, output, continueOnError, timeout, plotly,
        };
        run.SetAction(parse =>
        {
            var stdout = parse.InvocationConfiguration.Output;
            var stderr = parse.InvocationConfiguration.Error;
            if (parse.GetValue(timeout) is var seconds && !(seconds > 0))
            {
                stderr.WriteLine($"--timeout must be a positive number of seconds (got {seconds}).");
                return ExitCodes.Failed;
            }
            return Run(parse.GetValue(paths) ?? [], parse.GetValue(profile)!, parse.GetValue(output),
                parse.GetValue(continueOnError), TimeSpan.FromSeconds(seconds), parse.GetValue(plotly)!, stdout, stderr);
        });
        return run;
    }

    private static int Run(string[] paths, string profile, string? outDir, bool continueOnError, TimeSpan timeout,
        string plotly, TextWriter stdout, TextWriter stderr)
    {
        List<string> files;
        try
        {
            files = Resolve(paths);
        }
        catch (IOException e)
        {
            stderr.WriteLine($"genre notebooks run: {e.Message}");
            return ExitCodes.Failed;
        }
        if (files.Count == 0)
        {
            stderr.WriteLine($"genre notebooks run: no notebooks to run: no .ipynb files in {string.Join(", ", paths.Select(p => $"'{p}'"))}.");
            return ExitCodes.Failed;
        }
        string? plotlyPath = plotly switch
        {
            "cdn" => null,
            "auto" => PlotlyJs.FindLocal(Path.GetDirectoryName(files[0])) ?? PlotlyJs.FindLocal(),
            _ => plotly,
        };
        if (plotlyPath is not null && !File.Exists(plotlyPath))
        {
            stderr.WriteLine($"--plotly: file not found: {plotlyPath}");
            return ExitCodes.Failed;
        }
        try
        {
            outDir = Path.GetFullPath(outDir ?? Path.Combine(ProjectPaths.Artifacts(Path.GetDirectoryName(files[0])), "notebooks"));
            Directory.CreateDirectory(outDir);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Outside a checkout there is no artifacts/ folder to default to.
            stderr.WriteLine($"genre notebooks run: {e.Message} Give the output folder with --out.");
            return ExitCodes.Failed;
        }

        var options = new NotebookRunOptions
        {
            Profile = profile, CellTimeout = timeout, ContinueOnError = continueOnError, Log = stdout,
        };
        int failed = 0;
        var all = Stopwatch.StartNew();
        foreach (var file in files)
        {
            stdout.WriteLine($"{Path.GetFileName(file)} (profile {profile})");
            NotebookRunResult result;
            try
            {
                result = NotebookRunner.RunFileAsync(file, options).GetAwaiter().GetResult();
            }
            catch (FormatException e)
            {
                stderr.WriteLine(e.Message.Contains(file, StringComparison.Ordinal) ? $"FAILED {e.Message}" : $"FAILED {file}: {e.Message}");
                failed++;
                continue;
            }
            var name = Path.GetFileNameWithoutExtension(file);
            result.Document.Save(Path.Combine(outDir, name + ".ipynb"));
            HtmlExporter.Save(result.Document, Path.Combine(outDir, name + ".html"),
                new HtmlExportOptions { PlotlyScriptPath = plotlyPath });
            if (result.Succeeded)
                stdout.WriteLine($"ok     {Path.GetFileName(file)}  {result.Elapsed.TotalSeconds:0.0} s");
            else
            {
                failed++;
                stdout.WriteLine($"FAILED {Path.GetFileName(file)}  {result.Elapsed.TotalSeconds:0.0} s");
                foreach (var f in result.Failures) stderr.WriteLine(f.Describe());
            }
        }
        stdout.WriteLine($"{files.Count} notebook(s): {files.Count - failed} ok, {failed} failed, {all.Elapsed.TotalSeconds:0.0} s; output in {outDir}" +
                         (plotlyPath is null ? " (figures load plotly.js from the CDN)" : ""));
        return failed == 0 ? ExitCodes.Ok : ExitCodes.Failed;
    }

    private static List<string> Resolve(string[] paths)
    {
        if (paths.Length == 0)
        {
            var folder = Path.Combine(ProjectPaths.FindRoot(), "notebooks");
            if (!Directory.Exists(folder)) throw new DirectoryNotFoundException($"No notebooks folder: {folder}");
            paths = [folder];
        }
        var files = new List<string>();
        foreach (var p in paths)
        {
            if (Directory.Exists(p))
                files.AddRange(Directory.GetFiles(p, "*.ipynb").Order(StringComparer.Ordinal).Select(Path.GetFullPath));
            else if (File.Exists(p))
            {
                if (!string.Equals(Path.GetExtension(p), ".ipynb", StringComparison.OrdinalIgnoreCase))
                    throw new IOException($"'{Path.GetFullPath(p)}' is not a notebook: expected a .ipynb file.");
                files.Add(Path.GetFullPath(p));
            }
            else throw new FileNotFoundException($"notebook not found: {Path.GetFullPath(p)}", p);
        }
        return files;
    }
}
