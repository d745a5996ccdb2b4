using System.Text.Json.Nodes;
using GenreNotebooks.Evaluation;
using GenreNotebooks.Training;

namespace GenreNotebooks.Plots;

public sealed partial class Figure
{
    private const string TrainColour = "#1f77b4";
    private const string ValidationColour = "#ff7f0e";

    /// <summary>
    /// Training curves side by side, as Keras' <c>history.history</c> is usually plotted: loss per epoch (train and
    /// validation) on the left, accuracy per epoch on the right; validation lines only where there was validation data.
    /// Taught in notebooks/04-feature-networks-and-cross-validation and notebooks/05-cnn-on-mel-spectrograms.
    /// </summary>
    public static Figure TrainingCurves(IEnumerable<EpochReport> epochs, string? title = null)
    {
        ArgumentNullException.ThrowIfNull(epochs);
        var list = epochs.ToList();
        var x = list.Select(e => (double)e.Epoch).ToArray();
        bool hasVal = list.Any(e => !double.IsNaN(e.ValLoss));
        Figure Panel(Func<EpochReport, double> train, Func<EpochReport, double> val, string what, bool legend)
        {
            var fig = Curve(x, list.Select(train), "train", TrainColour, legend);
            if (hasVal) fig.Add(Curve(x, list.Select(val), "validation", ValidationColour, legend));
            return fig.WithXAxis("epoch").WithYAxis(what);
        }
        var grid = Grid(1, 2,
        [
            Panel(e => e.TrainLoss, e => e.ValLoss, "loss", legend: true),
            Panel(e => e.TrainAccuracy, e => e.ValAccuracy, "accuracy", legend: false),
        ], ["loss", "accuracy"]);
        return title is null ? grid : grid.WithTitle(title);
    }

    /// <summary>The curves of a finished run; see <see cref="TrainingCurves(IEnumerable{EpochReport}, string?)"/>.</summary>
    public static Figure TrainingCurves(TrainingHistory history, string? title = null)
    {
        ArgumentNullException.ThrowIfNull(history);
        return TrainingCurves(history.Epochs, title);
    }

    /// <summary>
    /// A confusion matrix as an annotated heatmap, true genres down the side (first at the top), predicted across:
    /// row fractions (<paramref name="normalised"/>, the diagonal is the per-genre accuracy) or counts.
    /// Taught in notebooks/04-feature-networks-and-cross-validation and notebooks/05-cnn-on-mel-spectrograms.
    /// </summary>
    public static Figure ConfusionMatrix(ConfusionMatrix matrix, bool normalised = true, string? title = null)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        double[,] z;
        if (normalised) z = matrix.RowNormalised();
        else
        {
            var counts = matrix.Counts;
            z = new double[matrix.ClassCount, matrix.ClassCount];
            for (int i = 0; i < matrix.ClassCount; i++)
                for (int j = 0; j < matrix.ClassCount; j++) z[i, j] = counts[i, j];
        }
        int size = Math.Clamp(120 + 55 * matrix.ClassCount, 360, 800);
        return Heatmap(z, matrix.Labels, matrix.Labels, normalised ? "fraction of row" : "count", "Blues", annotate: true)
            .WithXAxis("predicted").WithYAxis("true")
            .WithTitle(title ?? (normalised ? "Confusion matrix (each row sums to 1)" : "Confusion matrix (counts)"))
            .WithSize(size + 80, size);
    }

    private static Figure Curve(double[] x, IEnumerable<double> y, string name, string colour, bool legend)
    {
        var fig = Line(x, y, name);
        var trace = fig._data[^1]!.AsObject();
        trace["line"] = new JsonObject { ["color"] = colour };
        trace["legendgroup"] = name;
        trace["showlegend"] = legend;
        trace["mode"] = "lines+markers";
        return fig;
    }
}
