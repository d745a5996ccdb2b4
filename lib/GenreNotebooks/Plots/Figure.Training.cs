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
    /// validation) on the left, accuracy per epoch on the right (on a fixed 0-100 % axis, so runs compare at a glance);
    /// validation lines only where there was validation data.
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
            fig.WithXAxis("epoch").WithYAxis(what);
            // Epochs are whole numbers: without a tick step plotly labels 1, 1.2, 1.4 ... for a two-epoch run.
            fig._layout["xaxis"]!["dtick"] = Math.Max(1, (int)Math.Ceiling(list.Count / 10.0));
            if (what == "accuracy")
            {
                fig._layout["yaxis"]!["range"] = new JsonArray(0, 1.02);
                fig._layout["yaxis"]!["tickformat"] = ".0%";
            }
            return fig;
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
    /// A confusion matrix as an annotated heatmap, true genres down the side (first at the top), predicted across.
    /// With <paramref name="normalised"/> (the default) the colour is the row fraction on a fixed 0-1 scale (the
    /// diagonal is the per-genre accuracy, and two matrices compare at a glance) and each cell reads
    /// "percentage (count)"; otherwise colour and text are the counts. Cells without a prediction are left blank (their
    /// hover text still reads 0), so the diagonal and the real confusions stand out. A genre with no samples gets an empty row
    /// (no colour, "no samples") instead of a row of zeros that would read as 0 % accuracy. sklearn equivalent:
    /// <c>ConfusionMatrixDisplay.from_predictions(..., normalize="true")</c>.
    /// Taught in notebooks/04-feature-networks-and-cross-validation and notebooks/05-cnn-on-mel-spectrograms.
    /// </summary>
    public static Figure ConfusionMatrix(ConfusionMatrix matrix, bool normalised = true, string? title = null)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        int n = matrix.ClassCount;
        var counts = matrix.Counts;
        var support = matrix.Support;
        var fractions = matrix.RowNormalised();
        var z = new double[n, n];
        var text = new JsonArray();
        var hover = new JsonArray();
        for (int i = 0; i < n; i++)
        {
            var row = new JsonArray();
            var hoverRow = new JsonArray();
            for (int j = 0; j < n; j++)
            {
                string cell;
                if (normalised)
                {
                    z[i, j] = support[i] == 0 ? double.NaN : fractions[i, j];
                    cell = support[i] == 0 ? "no samples"
                        : string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{100 * fractions[i, j]:0}%<br>({counts[i, j]})");
                }
                else
                {
                    z[i, j] = counts[i, j];
                    cell = counts[i, j].ToString(System.Globalization.CultureInfo.InvariantCulture);
                }
                hoverRow.Add(cell);
                // Empty cells stay blank, so the errors stand out; the hover text still gives every cell.
                row.Add(support[i] == 0 ? (j == 0 ? "no samples" : "") : counts[i, j] == 0 ? "" : cell);
            }
            text.Add(row);
            hover.Add(hoverRow);
        }
        int size = Math.Clamp(140 + 60 * n, 380, 820);
        var fig = Heatmap(z, matrix.Labels, matrix.Labels, normalised ? "share of the<br>true genre" : "count", "Blues")
            .WithXAxis("predicted genre").WithYAxis("true genre")
            .WithTitle(title ?? (normalised ? "Confusion matrix (each row sums to 100 %)" : "Confusion matrix (counts)"))
            .WithSize(size + 90, size);
        var trace = fig._data[0]!.AsObject();
        trace["text"] = text;
        trace["texttemplate"] = "%{text}";
        trace["customdata"] = hover;
        trace["hovertemplate"] = "true %{y}<br>predicted %{x}<br>%{customdata}<extra></extra>";
        trace["xgap"] = 1;
        trace["ygap"] = 1;
        if (normalised)
        {
            trace["zmin"] = 0;
            trace["zmax"] = 1;
            trace["colorbar"]!["tickformat"] = ".0%";
        }
        else trace["zmin"] = 0;
        // Cells of a 10-genre matrix are about 60 px: two short lines of text fit at 11 px.
        trace["textfont"] = new JsonObject { ["size"] = n > 12 ? 9 : 11 };
        return fig;
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
