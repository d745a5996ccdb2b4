using System.Diagnostics;
using System.Text.Json.Nodes;
using Microsoft.DotNet.Interactive.Events;

namespace GenreNotebooks.Kernel.Tests;

/// <summary>
/// The project's runner renders what the kernel renders: the same small notebooks run in the hosted kernel and in
/// the runner (the genre command, in its own process), and each code cell's outputs must look the same (see
/// <see cref="HtmlShape"/>). Each cell of Data/rendering.ipynb is one rule: a collection of records is an
/// index/value table of tree views, an object a tree view of its properties, more than 20 items end in
/// "... (more)", a dictionary a key/value table, scalars and collections of scalars text, a cell ending in
/// display(x) shows x once. Data/dataframes.ipynb: DataFrames (Head, a per-genre mean, a filter) are HTML tables with
/// one column per DataFrame column in both, and #r "nuget: ..." resolves in both.
/// </summary>
public class RunnerFollowsKernelTests
{
    [Fact]
    public async Task Values_render_in_the_runner_as_in_the_kernel()
    {
        var (kernel, runner) = await RunBoth("rendering.ipynb");
        Assert.Equal(kernel, runner);
        Assert.StartsWith("table [index | value] (0 | Genre { Name = blues, Bpm = 92.5 }) (1 | Genre { Name = metal, Bpm = 140 })", kernel[0].Single());
        Assert.Equal("tree: Genre { Name = jazz, Bpm = 118 } | table [] (Name | jazz) (Bpm | 118)", kernel[1].Single());
        Assert.EndsWith("(19 | Genre { Name = g19, Bpm = 79 }) (... (more))", kernel[2].Single());
        Assert.Equal("table [key | value] (blues | 0.5) (rock | 0.25)", kernel[3].Single());
        Assert.Equal(["text: [ 1.5, 2, 3 ]"], kernel[4]);
        Assert.Equal(["text: 42"], kernel[5]);
        Assert.Equal(["text: a string"], kernel[6]);
        Assert.Single(kernel[7]); // display(x) as the last expression: x, not also the handle
        Assert.Empty(kernel[8]);
    }

    [Fact]
    public async Task DataFrames_render_as_html_tables_in_the_kernel_and_in_the_runner()
    {
        var (kernel, runner) = await RunBoth("dataframes.ipynb");
        Assert.Equal(kernel, runner);
        Assert.Empty(kernel[0]);
        var head = kernel[1].Single();
        Assert.StartsWith("table [index | filename | length | chroma_stft_mean |", head);
        Assert.Contains("(0 | blues.00000.wav | 661794 | 0.16208268702030182 |", head);
        Assert.Equal(3, head.Split(" (").Length - 1);
        Assert.StartsWith("table [index | label | tempo | rms_mean] (0 | blues |", kernel[2].Single());
        Assert.Equal("table [index | filename | tempo | label] (0 | rock.00099.wav | 117.45383522727273 | rock)", kernel[3].Single());
    }

    // Per code cell, the shapes of its displayed and returned values (console text aside), in the kernel and the runner.
    private static async Task<(List<List<string>> Kernel, List<List<string>> Runner)> RunBoth(string name)
    {
        var folder = Directory.CreateTempSubdirectory("genre-kernel-").FullName;
        var path = Path.Combine(folder, name);
        File.WriteAllText(path, File.ReadAllText(Repo.TestData(name)).Replace("{{root}}", Repo.Root().Replace("\\", "/")));

        var run = await KernelNotebookRun.RunAsync(path);
        KernelAssert.AllCellsSucceeded(run);
        var kernel = run.Cells.Select(c => c.Events
            .Where(e => e is DisplayedValueProduced or ReturnValueProduced)
            .Select(e => Shape((DisplayEvent)e)).Where(s => !IsPackageProgress(s)).ToList()).ToList();

        var executed = RunInRunner(path, Path.Combine(folder, "out"));
        var runner = executed["cells"]!.AsArray().Where(c => (string?)c!["cell_type"] == "code")
            .Select(c => c!["outputs"]!.AsArray()
                .Where(o => (string?)o!["output_type"] is "display_data" or "execute_result")
                .Select(o => Shape((JsonObject)o!["data"]!)).ToList()).ToList();
        return (kernel, runner);
    }

    // The kernel's own "Installing/Installed packages" and "Loading extensions" outputs of #r "nuget: ..."; the
    // runner restores nothing, so it has no such output.
    private static bool IsPackageProgress(string shape) =>
        shape.StartsWith("text: Install", StringComparison.Ordinal) || shape.StartsWith("text: Loading extensions", StringComparison.Ordinal);

    private static string Shape(DisplayEvent e)
    {
        var html = e.FormattedValues.FirstOrDefault(f => f.MimeType == "text/html");
        return html is not null ? HtmlShape.Of(html.Value) : "text: " + e.FormattedValues.First(f => f.MimeType == "text/plain").Value.Trim();
    }

    private static string Shape(JsonObject data)
    {
        static string Join(JsonNode? n) => n is JsonArray a ? string.Concat(a.Select(x => (string?)x)) : (string?)n ?? "";
        return data["text/html"] is { } html ? HtmlShape.Of(Join(html)) : "text: " + Join(data["text/plain"]).Trim();
    }

    private static JsonObject RunInRunner(string notebook, string outDir)
    {
        // The CLI builds for the SDK's platform (artifacts/bin/GenreNotebooks.Cli/release_<rid>/): take the newest build.
        var genre = Directory.GetDirectories(Path.Combine(Repo.Root(), "artifacts", "bin", "GenreNotebooks.Cli"), "release*")
            .Select(d => Path.Combine(d, "genre.dll")).Where(File.Exists).OrderByDescending(File.GetLastWriteTimeUtc).FirstOrDefault()
            ?? throw new FileNotFoundException("no built genre.dll under artifacts/bin/GenreNotebooks.Cli/release*/; build the solution in Release");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in new[] { genre, "notebooks", "run", notebook, "--profile", "quick", "--out", outDir }) start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        Assert.True(process.WaitForExit(TimeSpan.FromMinutes(3)), "the runner did not finish in 3 minutes");
        Assert.True(process.ExitCode == 0, $"genre notebooks run exited {process.ExitCode}:\n{stdout.Result}\n{stderr.Result}");
        return JsonNode.Parse(File.ReadAllText(Path.Combine(outDir, Path.GetFileName(notebook))))!.AsObject();
    }
}
