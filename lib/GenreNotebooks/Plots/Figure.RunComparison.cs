using System.Text.Json.Nodes;
using GenreNotebooks.Training;

namespace GenreNotebooks.Plots;

public sealed partial class Figure
{
    // Plotly's (D3's category10) colours: runs keep one colour in both panels.
    private static readonly string[] RunColours =
        ["#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#17becf"];

    /// <summary>
    /// Several training runs on one figure: validation loss per epoch on the left, validation accuracy on the right
    /// (a fixed 0-100 % axis), one colour per run in both panels and one legend entry each (clicking it hides the run
    /// in both). For comparing variants trained with the same data and recipe, e.g. BU's architecture sweep; runs of
    /// different lengths share the epoch axis. Runs without validation data are drawn with their training curves
    /// instead, and the axis titles say so. Taught in notebooks/06-architecture-sweep-and-tuning.
    /// </summary>
    /// <exception cref="ArgumentException">No runs, or a run without epochs.</exception>
    public static Figure RunComparison(IEnumerable<(string Name, IReadOnlyList<EpochReport> Epochs)> runs, string? title = null)
    {
        ArgumentNullException.ThrowIfNull(runs);
        var list = runs.ToList();
        if (list.Count == 0) throw new ArgumentException("no runs to compare", nameof(runs));
        foreach (var (name, epochs) in list)
            if (epochs is null || epochs.Count == 0) throw new ArgumentException($"run '{name}' has no epochs", nameof(runs));
        bool validation = list.All(r => r.Epochs.Any(e => !double.IsNaN(e.ValLoss)));
        string what = validation ? "validation" : "training";
        var loss = Empty();
        var accuracy = Empty();
        for (int i = 0; i < list.Count; i++)
        {
            var (name, epochs) = list[i];
            var x = epochs.Select(e => (double)e.Epoch).ToArray();
            string colour = RunColours[i % RunColours.Length];
            loss.Add(Curve(x, epochs.Select(e => validation ? e.ValLoss : e.TrainLoss), name, colour, legend: true));
            accuracy.Add(Curve(x, epochs.Select(e => validation ? e.ValAccuracy : e.TrainAccuracy), name, colour, legend: false));
        }
        int longest = list.Max(r => r.Epochs[^1].Epoch);
        foreach (var (panel, axis) in new[] { (loss, "loss"), (accuracy, "accuracy") })
        {
            panel.WithXAxis("epoch").WithYAxis($"{what} {axis}");
            panel._layout["xaxis"]!["dtick"] = Math.Max(1, (int)Math.Ceiling(longest / 10.0));
        }
        accuracy._layout["yaxis"]!["range"] = new JsonArray(0, 1.02);
        accuracy._layout["yaxis"]!["tickformat"] = ".0%";
        var grid = Grid(1, 2, [loss, accuracy], [$"{what} loss", $"{what} accuracy"]);
        return title is null ? grid : grid.WithTitle(title);
    }
}
