using System.Text.Json.Nodes;
using GenreNotebooks.Notebooks.Execution;

namespace GenreNotebooks.Notebooks.Tests;

/// <summary>Every notebook under notebooks/ runs through the runner in the quick profile without a failing cell.</summary>
public class AllNotebooksTests
{
    public static TheoryData<string> Notebooks()
    {
        var data = new TheoryData<string>();
        var folder = Path.Combine(ProjectPaths.FindRoot(AppContext.BaseDirectory), "notebooks");
        var found = Directory.Exists(folder)
            ? Directory.GetFiles(folder, "*.ipynb").Order(StringComparer.Ordinal).ToList()
            : [];
        // Before the first notebook exists, a test notebook keeps this path exercised.
        if (found.Count == 0) found.Add(TestData.Path("shared-state.ipynb"));
        foreach (var path in found) data.Add(path);
        return data;
    }

    [Theory]
    [MemberData(nameof(Notebooks))]
    public async Task Notebook_runs_in_the_quick_profile_without_errors(string path)
    {
        var result = await NotebookRunner.RunFileAsync(path, new NotebookRunOptions { Profile = "quick", CellTimeout = TimeSpan.FromMinutes(5) });
        Assert.True(result.Succeeded, string.Join("\n", result.Failures.Select(f => f.Describe())));
        Assert.NotEmpty(result.Cells);
        // Figures reference plotly.js (CDN / require.js); the executed notebook holds only their data, pooled for display.
        var json = result.Document.ToJson();
        Assert.DoesNotContain("* plotly.js v", json);
        Assert.True(json.Length < 3_000_000, $"{Path.GetFileName(path)} executed is {json.Length:N0} characters; figures should be reduced for display");
    }

    [Theory]
    [MemberData(nameof(Notebooks))]
    public void Committed_notebook_is_nbformat_4_5_with_unique_cell_ids_polyglot_metadata_and_no_outputs(string path)
    {
        var nb = JsonNode.Parse(File.ReadAllText(path))!.AsObject();
        var name = Path.GetFileName(path);
        Assert.Equal(4, (int)nb["nbformat"]!);
        Assert.True((int)nb["nbformat_minor"]! >= 5, $"{name}: nbformat_minor below 5 has no cell ids");
        Assert.Equal("csharp", (string?)nb["metadata"]?["polyglot_notebook"]?["kernelInfo"]?["defaultKernelName"]);
        var cells = nb["cells"]!.AsArray().Select(c => c!.AsObject()).ToList();
        // nbformat 4.5: every cell has an id of 1-64 letters, digits, '-' or '_', unique in the notebook.
        var ids = cells.Select(c => (string?)c["id"]).ToList();
        Assert.All(ids, id => Assert.Matches("^[A-Za-z0-9_-]{1,64}$", id ?? ""));
        Assert.Equal(ids.Count, ids.Distinct().Count());
        foreach (var code in cells.Where(c => (string?)c["cell_type"] == "code"))
        {
            Assert.Empty(code["outputs"]!.AsArray());
            Assert.Null((int?)code["execution_count"]);
        }
    }
}
