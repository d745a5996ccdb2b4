using System.Text.Json.Nodes;
using GenreNotebooks.Models;
using GenreNotebooks.Notebooks.Document;
using GenreNotebooks.Notebooks.Execution;

using static GenreNotebooks.Notebooks.Tests.NotebookOutputs;

namespace GenreNotebooks.Notebooks.Tests;

/// <summary>
/// The network notebook 07 writes in its cells (<c>BuNet</c> with BU's final options) is the catalogue's
/// <c>bu-final</c> (same parameter names and shapes), the model it trains and packages is that network, and the
/// notebook's own check says so. The real notebook runs in the quick profile with one cell appended.
/// </summary>
public class Notebook07NetworkTests
{
    private const string Nb07 = "07-whole-songs-and-remixes.ipynb";

    [Fact]
    public async Task Notebook_07_network_is_the_catalogues_bu_final_and_is_the_model_it_classifies_with()
    {
        var doc = NotebookDocument.Load(Path.Combine(ProjectPaths.FindRoot(AppContext.BaseDirectory), "notebooks", Nb07));
        doc.Cells.Add(NotebookCell.Code("""
            string Signature(GenreNotebooks.Nn.Modules.Module m) => string.Join(";", m.StateDict().Select(kv => kv.Key + ":" + string.Join("x", kv.Value.Shape)));
            Console.WriteLine("bu-final=" + Signature(BuNet([1, 128, 130], 10, [8, 16, 32, 64, 128], kernel: 5, batchNorm: true, dropout: 0.2f)));
            Console.WriteLine("bu-final-64=" + Signature(BuNet([1, 64, 65], 9, [8, 16, 32, 64, 128], kernel: 5, batchNorm: true, dropout: 0.2f)));
            Console.WriteLine("classifier=" + Signature(classifier.Model) + "|" + classifier.Genres.Count + "|" + classifier.Pool + "|" + input[1] + "x" + input[2]);
            Console.WriteLine("same-object=" + ReferenceEquals(classifier.Model, network));
            Console.WriteLine("remixes=" + string.Join(",", remixTimelines.Keys));
            """));
        var result = await NotebookRunner.RunAsync(doc, new NotebookRunOptions { Profile = "quick", CellTimeout = TimeSpan.FromMinutes(5) });
        Assert.True(result.Succeeded, string.Join("\n", result.Failures.Select(f => f.Describe())));
        var printed = Output(result.Document.Cells[^1]).Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => l.Split('=', 2)).Where(p => p.Length == 2).ToDictionary(p => p[0], p => p[1]);

        Assert.True(Signature(ModelCatalog.Build("bu-final", [1, 128, 130], 10)) == printed["bu-final"], "the notebook's BuNet and bu-final differ");
        Assert.True(Signature(ModelCatalog.Build("bu-final", [1, 64, 65], 9)) == printed["bu-final-64"], "the notebook's BuNet and bu-final differ on pooled inputs");
        // The classifier packages the network the notebook built and trained (quick: 2 x 2 pooling, 10 synthetic genres).
        var parts = printed["classifier"].Split('|');
        Assert.Equal(Signature(ModelCatalog.Build("bu-final", [1, 64, 65], 10)), parts[0]);
        Assert.Equal(["10", "2", "64x65"], parts[1..]);
        Assert.Equal("True", printed["same-object"]);
        Assert.Equal("brazilian_funk,reggae,rock", printed["remixes"]);

        // The notebook's own check of its network.
        Assert.Contains(result.Document.Cells.Select(Output), o => o.Contains("same layout as the library's bu-final: True", StringComparison.Ordinal));
    }
}
