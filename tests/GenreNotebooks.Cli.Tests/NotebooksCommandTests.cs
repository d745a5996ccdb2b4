using GenreNotebooks.Cli;
using GenreNotebooks.Notebooks.Document;

namespace GenreNotebooks.Cli.Tests;

public class NotebooksCommandTests
{
    private static string Data(string name) => Path.Combine(AppContext.BaseDirectory, "Data", "notebooks", name);

    private static (int Code, string Out, string Err) Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        int code = GenreCli.Run(args, output, error);
        return (code, output.ToString(), error.ToString());
    }

    private static string TempOut() => Directory.CreateTempSubdirectory("genre-cli-nb").FullName;

    [Fact]
    public void Run_writes_the_executed_notebook_and_html_page_and_exits_zero()
    {
        var outDir = TempOut();
        var (code, stdout, stderr) = Run("notebooks", "run", Data("working.ipynb"), "--profile", "quick", "--out", outDir, "--plotly", "cdn");
        Assert.True(code == 0, stdout + stderr);
        Assert.Contains("ok     working.ipynb", stdout);
        Assert.Contains("1 notebook(s): 1 ok, 0 failed", stdout);

        var executed = NotebookDocument.Load(Path.Combine(outDir, "working.ipynb"));
        var last = executed.Cells[^1];
        Assert.Equal("quick", NotebookText.Join(last.Outputs[1]!["data"]!["text/plain"]));
        Assert.Equal(".net-csharp", executed.Metadata["kernelspec"]!["name"]!.GetValue<string>());
        var html = File.ReadAllText(Path.Combine(outDir, "working.html"));
        Assert.Contains("<h1 id=\"shared-state\">Shared state</h1>", html);
        Assert.Contains("<p class='from-display'>shown</p>", html);
    }

    [Fact]
    public void A_failing_notebook_exits_non_zero_and_names_the_cell()
    {
        var outDir = TempOut();
        var (code, stdout, stderr) = Run("notebooks", "run", Data("failing.ipynb"), Data("working.ipynb"), "--profile", "quick", "--out", outDir, "--plotly", "cdn");
        Assert.Equal(1, code);
        Assert.Contains("FAILED failing.ipynb", stdout);
        Assert.Contains("ok     working.ipynb", stdout);
        Assert.Contains("failing.ipynb: cell 4 of 5", stderr);
        Assert.Contains("boom at step 3", stderr);
        Assert.True(File.Exists(Path.Combine(outDir, "failing.html")));
    }

    [Fact]
    public void Missing_notebook_and_bad_options_are_reported()
    {
        var (code, _, stderr) = Run("notebooks", "run", "/no/such.ipynb", "--out", TempOut());
        Assert.Equal(1, code);
        Assert.Contains("/no/such.ipynb", stderr);

        var bad = Run("notebooks", "run", Data("working.ipynb"), "--profile", "turbo");
        Assert.NotEqual(0, bad.Code);
        Assert.Contains("turbo", bad.Out + bad.Err);

        var timeout = Run("notebooks", "run", Data("working.ipynb"), "--timeout", "0");
        Assert.Equal(1, timeout.Code);
        Assert.Contains("--timeout", timeout.Err);
    }

    [Fact]
    public void Non_notebook_file_empty_folder_and_missing_checkout_are_reported_without_a_crash()
    {
        var dir = Directory.CreateTempSubdirectory("genre-cli-nb-in").FullName;
        var text = Path.Combine(dir, "notes.txt");
        File.WriteAllText(text, "hello");
        var notNotebook = Run("notebooks", "run", text, "--out", TempOut());
        Assert.Equal(1, notNotebook.Code);
        Assert.Contains($"'{text}' is not a notebook", notNotebook.Err);

        var empty = Run("notebooks", "run", dir, "--out", TempOut());
        Assert.Equal(1, empty.Code);
        Assert.Contains($"no .ipynb files in '{dir}'", empty.Err);

        // A notebook outside any checkout has no artifacts/ folder to default to: the message asks for --out.
        var copy = Path.Combine(dir, "working.ipynb");
        File.Copy(Data("working.ipynb"), copy);
        if (Environment.GetEnvironmentVariable("GENRE_NOTEBOOKS_ROOT") is not null) return; // the override finds a checkout
        var outside = Run("notebooks", "run", copy);
        Assert.Equal(1, outside.Code);
        Assert.Contains("Give the output folder with --out", outside.Err);
    }
}
