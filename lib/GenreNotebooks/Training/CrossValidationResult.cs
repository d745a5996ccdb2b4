using System.Globalization;
using GenreNotebooks.Evaluation;

namespace GenreNotebooks.Training;

/// <summary>
/// The result of a k-fold cross-validation: per-fold accuracies, their mean and standard deviation, and the
/// confusion matrix aggregated over all folds' validation predictions (every sample validated once), as the features
/// paper reports (5 folds: 69.0, 69.5, 77.0, 67.5, 75.5, mean 71.7 %).
/// Taught in notebooks/04-feature-networks-and-cross-validation.
/// </summary>
public sealed class CrossValidationResult
{
    internal CrossValidationResult(IReadOnlyList<FoldResult> folds)
    {
        Folds = folds;
        Confusion = ConfusionMatrix.Sum(folds.Select(f => f.Confusion));
    }

    /// <summary>One result per fold, in fold order.</summary>
    public IReadOnlyList<FoldResult> Folds { get; }

    /// <summary>Per-fold validation accuracies.</summary>
    public double[] Accuracies => Folds.Select(f => f.Accuracy).ToArray();

    /// <summary>Mean of the per-fold accuracies (what <c>cross_val_score(...).mean()</c> prints).</summary>
    public double MeanAccuracy => Accuracies.Average();

    /// <summary>Population standard deviation of the per-fold accuracies (numpy's default <c>std()</c>, ddof = 0).</summary>
    public double StdAccuracy
    {
        get
        {
            double m = MeanAccuracy;
            return Math.Sqrt(Accuracies.Sum(a => (a - m) * (a - m)) / Folds.Count);
        }
    }

    /// <summary>The confusion matrix summed over the folds.</summary>
    public ConfusionMatrix Confusion { get; }

    /// <summary>The classification report of all validation predictions together.</summary>
    public ClassificationReport Report => ClassificationReport.FromConfusionMatrix(Confusion);

    /// <summary>A text table: one line per fold (fold, train, validation, accuracy in percent with one decimal), then mean and std.</summary>
    public override string ToString() => TextTable.Text(["fold", "train", "validation", "accuracy"], Rows());

    /// <summary>The per-fold table as HTML, for a notebook cell.</summary>
    public string ToHtml() => TextTable.Html(["fold", "train", "validation", "accuracy"], Rows(), "cross-validation accuracy per fold");

    private List<IReadOnlyList<string>> Rows()
    {
        var ci = CultureInfo.InvariantCulture;
        // Percentages with one decimal, as the papers report folds (69.0, 69.5, 77.0, ...).
        string Pct(double a) => double.IsNaN(a) ? "-" : (100 * a).ToString("0.0", ci) + " %";
        var rows = Folds.Select(f => (IReadOnlyList<string>)[(f.Index + 1).ToString(ci), f.TrainCount.ToString(ci),
            f.ValidationCount.ToString(ci), Pct(f.Accuracy)]).ToList();
        rows.Add(["mean", "", "", Pct(MeanAccuracy)]);
        rows.Add(["std", "", "", Pct(StdAccuracy)]);
        return rows;
    }
}
