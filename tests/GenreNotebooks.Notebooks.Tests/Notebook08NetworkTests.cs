using System.Text.Json.Nodes;
using GenreNotebooks.Models;
using GenreNotebooks.Notebooks.Document;
using GenreNotebooks.Notebooks.Execution;

using static GenreNotebooks.Notebooks.Tests.NotebookOutputs;

namespace GenreNotebooks.Notebooks.Tests;

/// <summary>
/// The c1m1/c1m2 and c2m1 networks notebook 08 writes in its cells are the catalogue's <c>gottingen-1d-cnn</c> and
/// <c>gottingen-2d-cnn</c> (same parameter names and shapes; the Table 1 variant is the library's <c>table1: true</c>),
/// its recipes are the catalogue's, and it trains the three models on the three samples. The real notebook runs in
/// the quick profile with one cell appended.
/// </summary>
public class Notebook08NetworkTests
{
    private const string Nb08 = "08-timbre-and-pitch-sequences.ipynb";

    [Fact]
    public async Task Notebook_08_networks_and_recipes_match_the_catalogue_and_all_nine_runs_happen()
    {
        var doc = NotebookDocument.Load(Path.Combine(ProjectPaths.FindRoot(AppContext.BaseDirectory), "notebooks", Nb08));
        doc.Cells.Add(NotebookCell.Code("""
            string Signature(GenreNotebooks.Nn.Modules.Module m) => string.Join(";", m.StateDict().Select(kv => kv.Key + ":" + string.Join("x", kv.Value.Shape)));
            Console.WriteLine("gottingen-1d-cnn=" + Signature(Gottingen1d([12, 512], 8)));
            Console.WriteLine("table1=" + Signature(Gottingen1d([12, 512], 8, table1: true)));
            Console.WriteLine("gottingen-2d-cnn=" + Signature(Gottingen2d([2, 12, 512], 8)));
            Console.WriteLine("recipe1d=" + recipe1d.ToString());
            Console.WriteLine("recipe2d=" + recipe2d.ToString());
            Console.WriteLine("runs=" + string.Join(",", runs.Keys.Select(k => $"{k.Sample}:{k.Model}").Order()));
            Console.WriteLine("padded=" + padded + "/" + perTrack.Length);
            """));
        var result = await NotebookRunner.RunAsync(doc, new NotebookRunOptions { Profile = "quick", CellTimeout = TimeSpan.FromMinutes(5) });
        Assert.True(result.Succeeded, string.Join("\n", result.Failures.Select(f => f.Describe())));
        var printed = Output(result.Document.Cells[^1]).Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => l.Split('=', 2)).Where(p => p.Length == 2).ToDictionary(p => p[0], p => p[1]);

        Assert.Equal(Signature(ModelCatalog.Build("gottingen-1d-cnn", [12, 512], 8)), printed["gottingen-1d-cnn"]);
        Assert.Equal(Signature(SequenceNetworks.Gottingen1dCnn([12, 512], 8, table1: true)), printed["table1"]);
        Assert.NotEqual(printed["gottingen-1d-cnn"], printed["table1"]);
        Assert.Equal(Signature(ModelCatalog.Build("gottingen-2d-cnn", [2, 12, 512], 8)), printed["gottingen-2d-cnn"]);
        // The notebook only shortens the epochs (quick: 1).
        Assert.Equal((ModelCatalog.Get("gottingen-1d-cnn").Recipe with { Epochs = 1 }).ToString(), printed["recipe1d"]);
        Assert.Equal((ModelCatalog.Get("gottingen-2d-cnn").Recipe with { Epochs = 1 }).ToString(), printed["recipe2d"]);
        var expected = new[] { "Unbalanced", "Downsampled", "Balanced" }.SelectMany(s => new[] { "c1m1", "c1m2", "c2m1" }.Select(m => $"{s}:{m}")).Order();
        Assert.Equal(string.Join(",", expected), printed["runs"]);
        var padded = printed["padded"].Split('/').Select(int.Parse).ToArray();
        Assert.True(padded[1] > 0 && padded[0] == padded[1], "30-s tracks have fewer than 512 segments: " + printed["padded"]);

        // The notebook's own checks say its networks are the library's, and its Table 1 comparison matches every row.
        string all = string.Concat(result.Document.Cells.Select(Output));
        Assert.Contains("same layout as the library's SequenceNetworks.Gottingen1dCnn: True (text), True (Table 1)", all);
        Assert.Contains("same layout as the library's SequenceNetworks.Gottingen2dCnn: True", all);
        Assert.Contains("297528", all);
        Assert.Contains("271928", all);
    }
}
