using GenreNotebooks.Notebooks.Document;
using GenreNotebooks.Notebooks.Execution;

namespace GenreNotebooks.Notebooks.Tests;

internal static class TestData
{
    public static string Path(string name) => System.IO.Path.Combine(AppContext.BaseDirectory, "Data", name);

    public static Task<NotebookRunResult> Run(string name, NotebookRunOptions? options = null) =>
        NotebookRunner.RunFileAsync(Path(name), options ?? new NotebookRunOptions { Profile = "quick" });

    public static string TempFolder()
    {
        var dir = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "genre-nb-tests", Guid.NewGuid().ToString("N")[..10]);
        Directory.CreateDirectory(dir);
        return dir;
    }

    public static string Text(System.Text.Json.Nodes.JsonNode? node) => NotebookText.Join(node);
}
