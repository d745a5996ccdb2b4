using System.Text.Json.Nodes;
using GenreNotebooks.Models;
using GenreNotebooks.Notebooks.Document;
using GenreNotebooks.Notebooks.Execution;

using static GenreNotebooks.Notebooks.Tests.NotebookOutputs;

namespace GenreNotebooks.Notebooks.Tests;

/// <summary>
/// The eight variants notebook 06 writes as a table of options for its <c>BuNet</c> function, and its final network,
/// are the catalogue's <c>bu-*</c> entries (same parameter names and shapes, same L2 in the recipe), and the
/// notebook's own check says so. The real notebook runs in the quick profile with one cell appended.
/// </summary>
public class Notebook06NetworkTests
{
    private const string Nb06 = "06-architecture-sweep-and-tuning.ipynb";

    private static readonly string[] Variants =
        ["bu-baseline", "bu-fewer-filters", "bu-fewer-layers", "bu-inverted", "bu-5x5", "bu-l2", "bu-bn", "bu-bn-5x5"];

    [Fact]
    public async Task Notebook_06_variants_and_final_network_match_the_catalogue()
    {
        var doc = NotebookDocument.Load(Path.Combine(ProjectPaths.FindRoot(AppContext.BaseDirectory), "notebooks", Nb06));
        doc.Cells.Add(NotebookCell.Code("""
            string Signature(GenreNotebooks.Nn.Modules.Module m) => string.Join(";", m.StateDict().Select(kv => kv.Key + ":" + string.Join("x", kv.Value.Shape)));
            foreach (var v in variants) Console.WriteLine($"{v.Catalogue}=" + Signature(BuNet([1, 128, 130], 10, v.Filters, v.Kernel, v.BatchNorm)));
            foreach (var v in variants) Console.WriteLine($"{v.Catalogue}.l2=" + v.L2.ToString(System.Globalization.CultureInfo.InvariantCulture));
            Console.WriteLine("bu-final=" + Signature(BuNet([1, 128, 130], 10, [8, 16, 32, 64, 128], kernel: 5, batchNorm: true, dropout: 0.2f)));
            Console.WriteLine("trials=" + study.Trials.Count);
            Console.WriteLine("trained=" + string.Join(",", runs.Select(r => r.Variant.Catalogue)));
            """));
        var result = await NotebookRunner.RunAsync(doc, new NotebookRunOptions { Profile = "quick", CellTimeout = TimeSpan.FromMinutes(5) });
        Assert.True(result.Succeeded, string.Join("\n", result.Failures.Select(f => f.Describe())));
        var printed = Output(result.Document.Cells[^1]).Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => l.Split('=', 2)).Where(p => p.Length == 2).ToDictionary(p => p[0], p => p[1]);

        Assert.Equal(Variants.Order(), printed.Keys.Where(k => k.StartsWith("bu-", StringComparison.Ordinal) && !k.Contains('.') && k != "bu-final").Order());
        foreach (var name in Variants.Append("bu-final"))
            Assert.True(Signature(ModelCatalog.Build(name, [1, 128, 130], 10)) == printed[name], $"{name}: the notebook's variant and the catalogue differ");
        foreach (var name in Variants)
            Assert.Equal(ModelCatalog.Get(name).Recipe.L2, double.Parse(printed[name + ".l2"], System.Globalization.CultureInfo.InvariantCulture));
        // The quick profile trains the first and the last variant and runs three trials.
        Assert.Equal("bu-baseline,bu-bn-5x5", printed["trained"]);
        Assert.Equal("3", printed["trials"]);

        // The notebook's own table of the family says every variant is its catalogue entry.
        string family = result.Document.Cells.Select(Output).Single(o => o.Contains("same as the catalogue", StringComparison.Ordinal));
        foreach (var name in Variants) Assert.Contains($"yes ({name})", family);
        Assert.DoesNotContain("NO (", family);
    }
}
