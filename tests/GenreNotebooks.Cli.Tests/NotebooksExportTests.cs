using System.Diagnostics;
using GenreNotebooks.Cli;

namespace GenreNotebooks.Cli.Tests;

public class NotebooksExportTests
{
    private static (int Code, string Out, string Err) Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        int code = GenreCli.Run(args, output, error);
        return (code, output.ToString(), error.ToString());
    }

    private static string Root => ProjectPaths.FindRoot(AppContext.BaseDirectory);

    // Inside the checkout, so the app finds datasets/ and node_modules/ as the notebooks do; artifacts/ is git-ignored.
    private static string AppsFolder() => Directory.CreateDirectory(Path.Combine(Root, "artifacts", "test-apps", Guid.NewGuid().ToString("N")[..8])).FullName;

    [Fact]
    public async Task Exported_notebook_01_runs_to_the_end_with_dotnet_run_in_the_quick_profile()
    {
        var outDir = AppsFolder();
        var (code, stdout, stderr) = Run("notebooks", "export", "--to", "cs", Path.Combine(Root, "notebooks", "01-from-waveform-to-mel.ipynb"), "--out", outDir);
        Assert.True(code == 0, stdout + stderr);
        var app = Path.Combine(outDir, "01-from-waveform-to-mel.cs");
        Assert.Contains($"wrote {app}", stdout);
        var source = File.ReadAllText(app);
        Assert.StartsWith("#!/usr/bin/env dotnet\n", source);
        Assert.Contains("#:project ../../../lib/GenreNotebooks/GenreNotebooks.csproj\n", source);
        Assert.Contains("// # 01 · From waveform to mel spectrogram\n", source); // markdown as comments
        Assert.DoesNotContain("#r \"", source);

        // Release, so the app reuses the library the solution build made; the app itself compiles here (about 25 s).
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = outDir, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in new[] { "run", "-c", "Release", app }) start.ArgumentList.Add(a);
        start.Environment["GENRE_NOTEBOOKS_PROFILE"] = "quick";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        await process.WaitForExitAsync(timeout.Token);
        string text = await output, err = await errors;
        Assert.True(process.ExitCode == 0, $"dotnet run exited {process.ExitCode}:\n{text}\n{err}");
        Assert.Contains("profile: quick, clip length: 3 s", text);     // the cell's last expression, shown
        // Figures and tables become pages; the last cell's table (with its "mean MFCC 1" column) shows the app ran to the end.
        var pages = Directory.GetFiles(Path.Combine(outDir, "01-from-waveform-to-mel.output"), "*.html").Select(File.ReadAllText).ToList();
        Assert.Contains(pages, p => p.Contains("mean MFCC 1", StringComparison.Ordinal) && p.Contains("<table", StringComparison.Ordinal));
        int figures = pages.Count(p => p.Contains("Plotly.newPlot", StringComparison.Ordinal));
        Assert.True(figures >= 5, $"{figures} figure pages");
        Directory.Delete(outDir, recursive: true);
    }

    [Fact]
    public void Export_moves_usings_and_directives_up_types_down_and_displays_the_last_expression()
    {
        var folder = Directory.CreateTempSubdirectory("genre-export").FullName;
        var nb = GenreNotebooks.Notebooks.Document.NotebookDocument.Create();
        nb.Cells.Add(GenreNotebooks.Notebooks.Document.NotebookCell.Markdown("# Title\nSome *text*."));
        nb.Cells.Add(GenreNotebooks.Notebooks.Document.NotebookCell.Code("#r \"nuget: Microsoft.Data.Analysis, 0.23.1\"\nusing System.IO;\nrecord Genre(string Name);\nvar g = new Genre(\"jazz\");\ng"));
        nb.Cells.Add(GenreNotebooks.Notebooks.Document.NotebookCell.Code("#!csharp\nConsole.WriteLine(g.Name)"));
        var path = Path.Combine(folder, "tiny.ipynb");
        nb.Save(path);
        var (code, stdout, stderr) = Run("notebooks", "export", "--to", "cs", path, "--out", folder);
        Assert.True(code == 0, stdout + stderr);
        var source = File.ReadAllText(Path.Combine(folder, "tiny.cs")).Replace("\r\n", "\n");
        Assert.Contains("#:package Microsoft.Data.Analysis@0.23.1\n", source);
        Assert.True(source.IndexOf("using System.IO;", StringComparison.Ordinal) < source.IndexOf("Start(\"tiny\");", StringComparison.Ordinal));
        Assert.Contains("// # Title\n// Some *text*.\n", source);
        Assert.Contains("Result(() => g);", source);
        Assert.Contains("Result(() => Console.WriteLine(g.Name));", source);
        Assert.True(source.IndexOf("record Genre", StringComparison.Ordinal) > source.IndexOf("Result(() => Console.WriteLine", StringComparison.Ordinal));
        Assert.DoesNotContain("#!csharp", source);
    }

    [Fact]
    public void Export_refuses_another_format_and_a_dll_outside_the_libraries()
    {
        Assert.NotEqual(0, Run("notebooks", "export", "--to", "py").Code);
        var folder = Directory.CreateTempSubdirectory("genre-export").FullName;
        var nb = GenreNotebooks.Notebooks.Document.NotebookDocument.Create();
        nb.Cells.Add(GenreNotebooks.Notebooks.Document.NotebookCell.Code("#r \"/opt/elsewhere/Thing.dll\""));
        var path = Path.Combine(folder, "elsewhere.ipynb");
        nb.Save(path);
        var (code, _, stderr) = Run("notebooks", "export", "--to", "cs", path, "--out", folder);
        Assert.Equal(1, code);
        Assert.Contains("elsewhere, cell 1", stderr);
        Assert.Contains("#:project", stderr);
    }
}
