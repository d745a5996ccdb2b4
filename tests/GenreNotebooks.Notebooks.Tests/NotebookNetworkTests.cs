using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using GenreNotebooks.Models;
using GenreNotebooks.Notebooks.Document;
using GenreNotebooks.Notebooks.Execution;

using static GenreNotebooks.Notebooks.Tests.NotebookOutputs;

namespace GenreNotebooks.Notebooks.Tests;

/// <summary>
/// The networks notebooks 04 and 05 write in their cells are the ones the model catalogue saves (same parameter
/// names and shapes), the notebook's hand-written loop and the Trainer agree, and editing a network cell changes what
/// the notebook trains. Each test runs the real notebook in the quick profile, with extra cells appended (or one cell
/// edited) in memory.
/// </summary>
public class NotebookNetworkTests
{
    private const string Nb04 = "04-feature-networks-and-cross-validation.ipynb";
    private const string Nb05 = "05-cnn-on-mel-spectrograms.ipynb";

    private static string NotebookPath(string name) => Path.Combine(ProjectPaths.FindRoot(AppContext.BaseDirectory), "notebooks", name);

    // One line per tensor of the state dict: "name:shape", the signature two definitions must share.
    private const string SignatureFunction =
        "string Signature(GenreNotebooks.Nn.Modules.Module m) => string.Join(\";\", m.StateDict().Select(kv => kv.Key + \":\" + string.Join(\"x\", kv.Value.Shape)));";

    private static async Task<NotebookRunResult> Run(NotebookDocument doc)
    {
        var result = await NotebookRunner.RunAsync(doc, new NotebookRunOptions { Profile = "quick", CellTimeout = TimeSpan.FromMinutes(5) });
        Assert.True(result.Succeeded, string.Join("\n", result.Failures.Select(f => f.Describe())));
        return result;
    }

    private static Dictionary<string, string> SignaturesPrinted(NotebookRunResult result)
    {
        var last = result.Document.Cells[^1];
        return Output(last).Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => l.Split('=', 2)).Where(p => p.Length == 2).ToDictionary(p => p[0], p => p[1]);
    }

    [Fact]
    public async Task Notebook_04_networks_match_the_catalogue_and_its_loop_matches_the_trainer()
    {
        var doc = NotebookDocument.Load(NotebookPath(Nb04));
        doc.Cells.Add(NotebookCell.Code(SignatureFunction + "\n" +
            "Console.WriteLine(\"dtu-mlp=\" + Signature(DtuMlp(57, 10)));\n" +
            "Console.WriteLine(\"features-1d-cnn=\" + Signature(FeaturesCnn(50, 10)));\n" +
            "Console.WriteLine(\"difference=\" + largestDifference.ToString(System.Globalization.CultureInfo.InvariantCulture));\n" +
            "Console.WriteLine(\"epochs=\" + handHistory.Count + \",\" + trainerHistory.Epochs.Count);"));
        var printed = SignaturesPrinted(await Run(doc));
        Assert.Equal(Signature(ModelCatalog.Build("dtu-mlp", [57], 10)), printed["dtu-mlp"]);
        Assert.Equal(Signature(ModelCatalog.Build("features-1d-cnn", [1, 50], 10)), printed["features-1d-cnn"]);
        // The hand-written loop and Trainer.Fit, same seed, network and data: identical histories.
        Assert.Equal("0", printed["difference"]);
        Assert.Equal("2,2", printed["epochs"]);
    }

    [Fact]
    public async Task Notebook_05_networks_match_the_catalogue_entries()
    {
        var doc = NotebookDocument.Load(NotebookPath(Nb05));
        var bu = new (string Name, string Call)[]
        {
            ("bu-baseline", "BuNet([1, 128, 130], 10, [8, 16, 32, 64, 128])"),
            ("bu-fewer-filters", "BuNet([1, 128, 130], 10, [4, 8, 16, 32, 64])"),
            ("bu-fewer-layers", "BuNet([1, 128, 130], 10, [8, 16, 32, 64])"),
            ("bu-inverted", "BuNet([1, 128, 130], 10, [128, 64, 32, 16, 8])"),
            ("bu-5x5", "BuNet([1, 128, 130], 10, [4, 8, 16, 32, 64], kernel: 5)"),
            ("bu-l2", "BuNet([1, 128, 130], 10, [4, 8, 16, 32, 64])"),
            ("bu-bn", "BuNet([1, 128, 130], 10, [4, 8, 16, 32, 64], batchNorm: true)"),
            ("bu-bn-5x5", "BuNet([1, 128, 130], 10, [4, 8, 16, 32, 64], kernel: 5, batchNorm: true)"),
            ("bu-final", "BuNet([1, 128, 130], 10, [8, 16, 32, 64, 128], kernel: 5, batchNorm: true, dropout: 0.2f)"),
        };
        var uct = new (string Name, string Call)[]
        {
            ("uct-feedforward", "UctFeedForward([1, 64, 65], 10)"),
            ("uct-cnn4", "UctCnn([1, 64, 65], 10, [32, 64, 64, 128], batchNorm: false)"),
            ("uct-final", "UctCnn([1, 64, 65], 10, [32, 64, 64, 128, 128], batchNorm: true)"),
        };
        doc.Cells.Add(NotebookCell.Code(SignatureFunction + "\n" +
            string.Join("\n", bu.Concat(uct).Select(e => $"Console.WriteLine(\"{e.Name}=\" + Signature({e.Call}));"))));
        var printed = SignaturesPrinted(await Run(doc));
        foreach (var (name, _) in bu)
            Assert.True(Signature(ModelCatalog.Build(name, [1, 128, 130], 10)) == printed[name], $"{name}: the notebook's BuNet and the catalogue differ");
        foreach (var (name, _) in uct)
            Assert.True(Signature(ModelCatalog.Build(name, [1, 64, 65], 10)) == printed[name], $"{name}: the notebook's definition and the catalogue differ");
        // Dropout is part of a network's definition, not of its recipe: the final network's 0.2 is in the notebook call above.
        Assert.Contains("Dropout(p=0.2", ModelCatalog.Build("bu-final", [1, 128, 130], 10).ToString());
    }

    [Fact]
    public async Task Editing_the_network_cell_of_notebook_04_changes_what_it_trains()
    {
        var doc = NotebookDocument.Load(NotebookPath(Nb04));
        var cell = doc.Cells.Single(c => c.IsCode && c.Source.Contains("Sequential DtuMlp(", StringComparison.Ordinal));
        const string firstLayer = "new Linear(features, 1024), new ReLU(), new Dropout(dropout),";
        Assert.Contains(firstLayer, cell.Source);
        // One more hidden layer of 1024 units: 1024 x 1024 weights and 1024 biases more.
        cell.Source = cell.Source.Replace(firstLayer, firstLayer + "\n    new Linear(1024, 1024), new ReLU(), new Dropout(dropout),", StringComparison.Ordinal);
        var result = await Run(doc);
        long original = FeatureNetworks.DtuMlp(57, 10).Parameters().Sum(p => (long)p.Numel);
        long edited = original + 1024 * 1024 + 1024;
        string defined = Output(result.Document.Cells[doc.Cells.IndexOf(cell)]);
        Assert.Contains($"DTU MLP: {edited:N0} parameters", defined);
        // The results table lists the parameters of the networks that were trained: all three are the edited one.
        var table = result.Document.Cells.Select(Output).Single(o => o.Contains("the loop above", StringComparison.Ordinal));
        Assert.Equal(3, Regex.Matches(table, Regex.Escape(edited.ToString("N0", System.Globalization.CultureInfo.InvariantCulture))).Count);
        Assert.DoesNotContain(original.ToString("N0", System.Globalization.CultureInfo.InvariantCulture), table);
    }
}
