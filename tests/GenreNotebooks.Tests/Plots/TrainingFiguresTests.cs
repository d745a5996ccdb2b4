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
        var cm = new ConfusionMatrix(["a", "b"], new[,] { { 3, 1 }, { 0, 2 } });
        var json = Figure.ConfusionMatrix(cm).ToJson();
        Assert.Contains("0.75", json);
        Assert.Contains("predicted", json);
        Assert.DoesNotContain("0.75", Figure.ConfusionMatrix(cm, normalised: false).ToJson());
    }
}
