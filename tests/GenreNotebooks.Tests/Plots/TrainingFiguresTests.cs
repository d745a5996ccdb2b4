using System.Text.Json.Nodes;
using GenreNotebooks.Evaluation;
using GenreNotebooks.Plots;
using GenreNotebooks.Training;

namespace GenreNotebooks.Tests.Plots;

public class TrainingFiguresTests
{
    private static EpochReport Epoch(int e, double val = 0.5) =>
        new(e, 3, 1.0 / e, 0.3 * e, val, val, 0.001, TimeSpan.FromSeconds(1));

    [Fact]
    public void Training_curves_have_train_and_validation_lines_for_loss_and_accuracy()
    {
        var fig = Figure.TrainingCurves([Epoch(1), Epoch(2)]);
        Assert.Equal(4, fig.Data.Count);
        Assert.Equal(["train", "validation", "train", "validation"], fig.Data.Select(t => (string)t!["name"]!));
        Assert.Equal(2, fig.Data.Count(t => (bool)t!["showlegend"]!));
        var noVal = Figure.TrainingCurves([Epoch(1, double.NaN)]);
        Assert.Equal(2, noVal.Data.Count);
    }

    [Fact]
    public void Monitor_redraws_after_every_epoch_and_reset_starts_a_new_curve()
    {
        var shown = new List<object>();
        var monitor = new TrainingMonitor(shown.Add, "run A");
        monitor.Report(Epoch(1));
        monitor.Report(Epoch(2));
        Assert.Equal(2, shown.Count);
        Assert.Contains("epoch 2/3", ((Figure)shown[1]).ToJson());
        Assert.Contains("run A", ((Figure)shown[1]).ToJson());
        monitor.Reset("run B");
        Assert.Empty(monitor.Epochs);
        monitor.Report(Epoch(1));
        Assert.Contains("run B", ((Figure)shown[^1]).ToJson());
        Assert.Single(monitor.Epochs);
    }

    [Fact]
    public void Confusion_heatmap_shows_row_fractions_or_counts()
    {
        var cm = new ConfusionMatrix(["a", "b", "c"], new[,] { { 3, 1, 0 }, { 0, 2, 0 }, { 0, 0, 0 } });
        var t = JsonNode.Parse(Figure.ConfusionMatrix(cm).ToJson())!["data"]![0]!;
        Assert.Equal(0.75, (double)t["z"]![0]![0]!, 6);
        Assert.Equal("75%<br>(3)", (string)t["text"]![0]![0]!);
        Assert.Equal("25%<br>(1)", (string)t["text"]![0]![1]!);
        Assert.Equal("", (string)t["text"]![1]![0]!);            // nothing predicted there: blank
        Assert.Equal("0%<br>(0)", (string)t["customdata"]![1]![0]!); // but the hover says so
        Assert.Equal("%{text}", (string)t["texttemplate"]!);
        // Fixed 0-1 colour range, so two normalised matrices compare by colour.
        Assert.Equal(0, (double)t["zmin"]!);
        Assert.Equal(1, (double)t["zmax"]!);
        // A genre without samples is an empty row, not a row of 0 % cells.
        Assert.Null(t["z"]![2]![2]);
        Assert.Equal("no samples", (string)t["text"]![2]![0]!);

        var counts = JsonNode.Parse(Figure.ConfusionMatrix(cm, normalised: false).ToJson())!["data"]![0]!;
        Assert.Equal(3, (double)counts["z"]![0]![0]!);
        Assert.Equal("3", (string)counts["text"]![0]![0]!);
        Assert.Null(counts["zmax"]);
        Assert.Contains("predicted", Figure.ConfusionMatrix(cm).ToJson());
    }

    [Fact]
    public void Training_curves_tick_whole_epochs_and_show_accuracy_on_a_fixed_percent_axis()
    {
        var layout = JsonNode.Parse(Figure.TrainingCurves([Epoch(1), Epoch(2)]).ToJson())!["layout"]!;
        Assert.Equal(1, (int)layout["xaxis"]!["dtick"]!);
        Assert.Equal(1, (int)layout["xaxis2"]!["dtick"]!);
        Assert.Equal(".0%", (string)layout["yaxis2"]!["tickformat"]!);
        Assert.Equal(0, (double)layout["yaxis2"]!["range"]![0]!);
        Assert.Null(layout["yaxis"]!["range"]); // loss keeps plotly's range
        var forty = JsonNode.Parse(Figure.TrainingCurves(Enumerable.Range(1, 40).Select(e => Epoch(e))).ToJson())!["layout"]!;
        Assert.Equal(4, (int)forty["xaxis"]!["dtick"]!);
    }
}
