using System.Text.Json.Nodes;
using GenreNotebooks.Notebooks.Document;
using GenreNotebooks.Notebooks.Execution;

namespace GenreNotebooks.Notebooks.Tests;

/// <summary>
/// The runner renders values as the .NET Interactive kernel does (GenreNotebooks.Kernel.Tests compares the two on
/// the same notebooks; these pin the rules without the kernel).
/// </summary>
public class KernelRenderingTests
{
    private static async Task<List<JsonObject>> Outputs(params string[] cells)
    {
        var doc = NotebookDocument.Create();
        foreach (var c in cells) doc.Cells.Add(NotebookCell.Code(c));
        var result = await NotebookRunner.RunAsync(doc);
        Assert.True(result.Succeeded, string.Join("\n", result.Failures.Select(f => f.Describe())));
        return doc.Cells[^1].Outputs.OfType<JsonObject>().ToList();
    }

    private static string Html(JsonObject output) => TestData.Text(output["data"]!["text/html"]);

    [Fact]
    public async Task A_collection_of_records_is_an_index_value_table_of_tree_views_with_its_text_beside_it()
    {
        var output = Assert.Single(await Outputs("record Genre(string Name, double Bpm);", "new[] { new Genre(\"blues\", 92.5), new Genre(\"metal\", 140) }"));
        var html = Html(output);
        Assert.StartsWith("<table><thead><tr><th><i>index</i></th><th>value</th></tr></thead><tbody><tr><td>0</td><td><details class=\"dni-treeview\">", html);
        Assert.Contains("<code>Genre { Name = blues, Bpm = 92.5 }</code>", html);
        Assert.Contains("<tr><td>Bpm</td><td><div class=\"dni-plaintext\"><pre>140</pre></div></td></tr>", html);
        Assert.Equal("[ Genre { Name = blues, Bpm = 92.5 }, Genre { Name = metal, Bpm = 140 } ]", TestData.Text(output["data"]!["text/plain"]));
    }

    [Fact]
    public async Task More_than_twenty_items_show_twenty_then_more_and_an_object_is_an_open_tree()
    {
        var many = Html(Assert.Single(await Outputs("Enumerable.Range(0, 25).Select(i => new { I = i })")));
        Assert.Contains("<td>19</td>", many);
        Assert.DoesNotContain("<td>20</td>", many);
        Assert.Contains("<i>... (more)</i>", many);
        var one = Html(Assert.Single(await Outputs("new System.Drawing.Point(3, 4)")));
        Assert.StartsWith("<details open=\"open\" class=\"dni-treeview\"><summary><span class=\"dni-code-hint\"><code>{X=3,Y=4}</code>", one);
    }

    [Fact]
    public async Task Scalars_and_collections_of_scalars_stay_text_and_dictionaries_are_key_value_tables()
    {
        var scalars = Assert.Single(await Outputs("new List<int> { 1, 2 }"));
        Assert.Null(scalars["data"]!["text/html"]);
        Assert.Equal("[ 1, 2 ]", TestData.Text(scalars["data"]!["text/plain"]));
        var dict = Html(Assert.Single(await Outputs("new Dictionary<string, int> { [\"a\"] = 1 }")));
        Assert.StartsWith("<table><thead><tr><th><i>key</i></th><th>value</th></tr></thead><tbody><tr><td><div class=\"dni-plaintext\"><pre>a</pre></div></td>", dict);
    }

    [Fact]
    public async Task A_cell_ending_in_display_shows_the_value_once_not_also_the_handle()
    {
        var outputs = await Outputs("display(\"shown once\")");
        var output = Assert.Single(outputs);
        Assert.Equal("display_data", (string?)output["output_type"]);
    }
}
