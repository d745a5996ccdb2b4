using System.Text.Json.Nodes;
using GenreNotebooks.Notebooks.Document;

namespace GenreNotebooks.Notebooks.Tests;

public class NotebookDocumentTests
{
    [Fact]
    public void Created_notebook_has_the_Polyglot_metadata_VS_Code_needs()
    {
        var doc = NotebookDocument.Create();
        doc.Cells.Add(NotebookCell.Markdown("# Title"));
        doc.Cells.Add(NotebookCell.Code("var x = 1;"));
        var json = JsonNode.Parse(doc.ToJson())!.AsObject();

        Assert.Equal(4, json["nbformat"]!.GetValue<int>());
        Assert.Equal(5, json["nbformat_minor"]!.GetValue<int>());
        var meta = json["metadata"]!;
        Assert.Equal(".net-csharp", meta["kernelspec"]!["name"]!.GetValue<string>());
        Assert.Equal(".NET (C#)", meta["kernelspec"]!["display_name"]!.GetValue<string>());
        Assert.Equal("C#", meta["kernelspec"]!["language"]!.GetValue<string>());
        Assert.Equal("polyglot-notebook", meta["language_info"]!["name"]!.GetValue<string>());
        Assert.Equal("csharp", meta["polyglot_notebook"]!["kernelInfo"]!["defaultKernelName"]!.GetValue<string>());
        Assert.Equal("csharp", meta["polyglot_notebook"]!["kernelInfo"]!["items"]![0]!["name"]!.GetValue<string>());
        var code = json["cells"]![1]!;
        Assert.Equal("csharp", code["metadata"]!["dotnet_interactive"]!["language"]!.GetValue<string>());
        Assert.Equal("csharp", code["metadata"]!["polyglot_notebook"]!["kernelName"]!.GetValue<string>());
        Assert.All(json["cells"]!.AsArray(), c => Assert.False(string.IsNullOrEmpty(c!["id"]!.GetValue<string>())));
    }

    [Fact]
    public void Source_as_string_or_lines_reads_the_same_and_is_written_as_lines()
    {
        const string text = """
            {"cells":[{"cell_type":"code","metadata":{},"outputs":[],"execution_count":null,"source":"a\nb\n"},
                      {"cell_type":"code","metadata":{},"outputs":[],"execution_count":null,"source":["a\n","b\n"]}],
             "metadata":{},"nbformat":4,"nbformat_minor":4}
            """;
        var doc = NotebookDocument.Parse(text);
        Assert.Equal("a\nb\n", doc.Cells[0].Source);
        Assert.Equal(doc.Cells[0].Source, doc.Cells[1].Source);
        doc.Normalize();
        var written = JsonNode.Parse(doc.ToJson())!;
        Assert.Equal(2, written["cells"]![0]!["source"]!.AsArray().Count);
        Assert.Equal(5, written["nbformat_minor"]!.GetValue<int>());
        Assert.Equal("csharp", written["cells"]![0]!["metadata"]!["polyglot_notebook"]!["kernelName"]!.GetValue<string>());
    }

    [Fact]
    public void Unknown_metadata_and_cell_keys_survive_a_round_trip()
    {
        var doc = NotebookDocument.Load(TestData.Path("shared-state.ipynb"));
        doc.Cells[1].Json["attachments"] = new JsonObject { ["x.png"] = new JsonObject() };
        doc.Cells[1].Metadata["tags"] = new JsonArray("parameters");
        var again = NotebookDocument.Parse(doc.ToJson());
        Assert.Equal("[\"me\",1]", again.Metadata["custom_tool"]!["keep"]!.ToJsonString());
        Assert.NotNull(again.Cells[1].Json["attachments"]);
        Assert.Equal("parameters", again.Cells[1].Metadata["tags"]![0]!.GetValue<string>());
        Assert.Equal(doc.Cells.Select(c => c.Id), again.Cells.Select(c => c.Id));
    }

    [Fact]
    public void Invalid_json_names_the_file()
    {
        var e = Assert.Throws<FormatException>(() => NotebookDocument.Parse("{ not json", "broken.ipynb"));
        Assert.Contains("broken.ipynb", e.Message);
    }

    [Fact]
    public void Old_nbformat_is_refused_with_the_version()
    {
        var e = Assert.Throws<FormatException>(() => NotebookDocument.Parse("""{"nbformat":3,"worksheets":[]}""", "old.ipynb"));
        Assert.Contains("old.ipynb", e.Message);
        Assert.Contains("3", e.Message);
    }

    [Fact]
    public void Missing_file_is_reported_with_its_path()
    {
        var e = Assert.Throws<FileNotFoundException>(() => NotebookDocument.Load("/no/such/notebook.ipynb"));
        Assert.Contains("/no/such/notebook.ipynb", e.Message);
    }
}
