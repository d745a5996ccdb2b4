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

    /// <summary>
    /// The per-fold table (fold, training and validation sample counts, accuracy as a percentage with one decimal, as
    /// the papers report folds: 69.0, 69.5, 77.0, ...), then the mean and the standard deviation.
    /// </summary>
    public Tables.Table ToTable()
    {
        var table = new Tables.Table("fold", "train", "validation", "accuracy").Percent("accuracy").WithTitle("cross-validation accuracy per fold");
        foreach (var f in Folds) table.AddRow((f.Index + 1).ToString(CultureInfo.InvariantCulture), f.TrainCount, f.ValidationCount, f.Accuracy);
        table.AddRow("mean", null, null, MeanAccuracy);
        table.AddRow("std", null, null, StdAccuracy);
        return table;
    }

    /// <summary>The per-fold table as text.</summary>
    public override string ToString() => ToTable().ToString();

    /// <summary>The per-fold table as HTML, for a notebook cell.</summary>
    public string ToHtml() => ToTable().ToHtml();
}
