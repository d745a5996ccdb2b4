using System.Globalization;
using System.Text;

namespace GenreNotebooks.Evaluation;

/// <summary>
/// Precision, recall, F1 and support per genre with accuracy, macro and weighted averages: sklearn's
/// <c>classification_report</c>, with the same numbers and the same text layout (<see cref="ToString()"/>).
/// <para>
/// Zero division is handled as sklearn's default <c>zero_division="warn"</c>: the precision of a class that was never
/// predicted (TP + FP = 0) is set to 0, the recall of a class with no true samples is set to 0, an F1 whose denominator
/// 2 TP + FP + FN is 0 is set to 0; the class is flagged (<see cref="ClassMetrics.PrecisionUndefined"/>,
/// <see cref="ClassMetrics.RecallUndefined"/>) and a message like sklearn's <c>UndefinedMetricWarning</c> is added to
/// <see cref="Warnings"/>. The zero-division value may be set to 1 instead (sklearn <c>zero_division=1</c>); the
/// flags and warnings are the same.
/// </para>
/// The Göttingen paper reports these per-genre precision/recall/F1 figures.
/// </summary>
public sealed class ClassificationReport
{
    private ClassificationReport(IReadOnlyList<ClassMetrics> classes, double accuracy, AverageMetrics macro, AverageMetrics weighted,
        IReadOnlyList<string> warnings, ConfusionMatrix confusion)
    {
        Classes = classes;
        Accuracy = accuracy;
        MacroAverage = macro;
        WeightedAverage = weighted;
        Warnings = warnings;
        Confusion = confusion;
    }

    /// <summary>One line per class, in label order.</summary>
    public IReadOnlyList<ClassMetrics> Classes { get; }

    /// <summary>Fraction of samples predicted correctly (the report's "accuracy" line).</summary>
    public double Accuracy { get; }

    /// <summary>Unweighted mean over classes ("macro avg").</summary>
    public AverageMetrics MacroAverage { get; }

    /// <summary>Support-weighted mean over classes ("weighted avg").</summary>
    public AverageMetrics WeightedAverage { get; }

    /// <summary>Total number of samples.</summary>
    public int Support => MacroAverage.Support;

    /// <summary>sklearn-style messages for every metric that was ill-defined and set to the zero-division value; empty when none.</summary>
    public IReadOnlyList<string> Warnings { get; }

    /// <summary>True when some metric was ill-defined (see <see cref="Warnings"/>).</summary>
    public bool HasUndefinedMetrics => Warnings.Count > 0;

    /// <summary>The confusion matrix the report was computed from.</summary>
    public ConfusionMatrix Confusion { get; }

    /// <summary>
    /// The report of predictions <paramref name="yPred"/> against <paramref name="yTrue"/> (class indices into
    /// <paramref name="labels"/>; sklearn <c>classification_report(y_true, y_pred, labels=range(C), target_names=labels)</c>).
    /// Every label gets a line even when it has no samples.
    /// </summary>
    /// <param name="yTrue">True class indices.</param>
    /// <param name="yPred">Predicted class indices.</param>
    /// <param name="labels">Class names in index order; defaults to "0".."C-1".</param>
    /// <param name="zeroDivision">Value for ill-defined metrics: 0 (sklearn's default) or 1.</param>
    public static ClassificationReport Compute(IReadOnlyList<int> yTrue, IReadOnlyList<int> yPred, IReadOnlyList<string>? labels = null, double zeroDivision = 0)
        => FromConfusionMatrix(ConfusionMatrix.Compute(yTrue, yPred, labels), zeroDivision);

    /// <summary>The report computed from a confusion matrix (for example one aggregated over cross-validation folds).</summary>
    /// <exception cref="ArgumentException">The matrix is empty, or <paramref name="zeroDivision"/> is not 0 or 1.</exception>
    public static ClassificationReport FromConfusionMatrix(ConfusionMatrix confusion, double zeroDivision = 0)
    {
        ArgumentNullException.ThrowIfNull(confusion);
        if (zeroDivision is not (0 or 1))
            throw new ArgumentException($"zeroDivision must be 0 or 1 (as sklearn's zero_division), got {zeroDivision}", nameof(zeroDivision));
        int total = confusion.Total;
        if (total == 0) throw new ArgumentException("the confusion matrix holds no samples", nameof(confusion));
        int c = confusion.ClassCount;
        var support = confusion.Support;
        var predicted = confusion.PredictedCounts;
        var classes = new ClassMetrics[c];
        var noPredictions = new List<string>();
        var noTrue = new List<string>();
        var noF = new List<string>();
        int correct = 0;
        for (int k = 0; k < c; k++)
        {
            int tp = confusion[k, k];
            correct += tp;
            int fp = predicted[k] - tp, fn = support[k] - tp;
            bool pUndef = tp + fp == 0, rUndef = tp + fn == 0, fUndef = 2 * tp + fp + fn == 0;
            double p = pUndef ? zeroDivision : (double)tp / (tp + fp);
            double r = rUndef ? zeroDivision : (double)tp / (tp + fn);
            double f = fUndef ? zeroDivision : 2.0 * tp / (2 * tp + fp + fn);
            if (pUndef) noPredictions.Add(confusion.Labels[k]);
            if (rUndef) noTrue.Add(confusion.Labels[k]);
            if (fUndef) noF.Add(confusion.Labels[k]);
            classes[k] = new ClassMetrics(confusion.Labels[k], p, r, f, support[k], pUndef, rUndef);
        }
        var macro = new AverageMetrics("macro avg",
            classes.Average(m => m.Precision), classes.Average(m => m.Recall), classes.Average(m => m.F1), total);
        var weighted = new AverageMetrics("weighted avg",
            classes.Sum(m => m.Precision * m.Support) / total, classes.Sum(m => m.Recall * m.Support) / total,
            classes.Sum(m => m.F1 * m.Support) / total, total);
        var warnings = new List<string>();
        string z = zeroDivision.ToString("0.0", CultureInfo.InvariantCulture);
        if (noPredictions.Count > 0)
            warnings.Add($"Precision is ill-defined and being set to {z} in labels with no predicted samples: {string.Join(", ", noPredictions)}");
        if (noTrue.Count > 0)
            warnings.Add($"Recall is ill-defined and being set to {z} in labels with no true samples: {string.Join(", ", noTrue)}");
        if (noF.Count > 0)
            warnings.Add($"F-score is ill-defined and being set to {z} in labels with no true nor predicted samples: {string.Join(", ", noF)}");
        return new ClassificationReport(classes, (double)correct / total, macro, weighted, warnings, confusion);
    }

    /// <summary>The report in sklearn's <c>classification_report</c> text layout with 2 decimals.</summary>
    public override string ToString() => ToString(2);

    /// <summary>
    /// The report in sklearn's <c>classification_report(digits=...)</c> text layout: a header line, one line per class,
    /// the accuracy line, then macro and weighted averages; columns 9 wide, label column right-aligned. As sklearn, the
    /// accuracy line becomes a "micro avg" line (precision = recall = F1 = accuracy) when some label has neither true
    /// nor predicted samples.
    /// </summary>
    public string ToString(int digits)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(digits);
        int width = Math.Max(Math.Max(Classes.Max(m => m.Label.Length), "weighted avg".Length), digits);
        var sb = new StringBuilder();
        sb.Append(new string(' ', width)).Append(' ');
        foreach (var h in new[] { "precision", "recall", "f1-score", "support" }) sb.Append(' ').Append(h.PadLeft(9));
        sb.Append("\n\n");
        foreach (var m in Classes) Row(sb, m.Label, m.Precision, m.Recall, m.F1, m.Support, width, digits);
        sb.Append('\n');
        if (Classes.Any(m => m.Support == 0 && m.PrecisionUndefined))
        {
            // sklearn prints "micro avg" instead of "accuracy" when a listed label occurs in neither y_true nor y_pred;
            // over a full label list micro precision = recall = F1 = accuracy.
            Row(sb, "micro avg", Accuracy, Accuracy, Accuracy, Support, width, digits);
        }
        else
        {
            sb.Append("accuracy".PadLeft(width)).Append(' ')
              .Append(' ').Append(new string(' ', 9)).Append(' ').Append(new string(' ', 9))
              .Append(' ').Append(Fixed(Accuracy, digits).PadLeft(9))
              .Append(' ').Append(Support.ToString(CultureInfo.InvariantCulture).PadLeft(9)).Append('\n');
        }
        foreach (var a in new[] { MacroAverage, WeightedAverage }) Row(sb, a.Name, a.Precision, a.Recall, a.F1, a.Support, width, digits);
        return sb.ToString();
    }

    /// <summary>
    /// The report as a <see cref="Tables.Table"/> (the rows of the text layout: one per class, then accuracy, macro and
    /// weighted averages), numbers with <paramref name="digits"/> decimals; the warnings become notes.
    /// </summary>
    public Tables.Table ToTable(int digits = 2)
    {
        string f = "F" + digits.ToString(CultureInfo.InvariantCulture);
        var table = new Tables.Table("", "precision", "recall", "f1-score", "support").Format(f, "precision", "recall", "f1-score")
            .WithTitle("classification report");
        foreach (var m in Classes) table.AddRow(m.Label, m.Precision, m.Recall, m.F1, m.Support);
        table.AddRow("accuracy", null, null, Accuracy, Support);
        foreach (var a in new[] { MacroAverage, WeightedAverage }) table.AddRow(a.Name, a.Precision, a.Recall, a.F1, a.Support);
        foreach (var w in Warnings) table.AddNote(w);
        return table;
    }

    /// <summary>The report as an HTML <c>&lt;table&gt;</c> (same rows as the text layout), for a notebook cell.</summary>
    public string ToHtml(int digits = 2) => ToTable(digits).ToHtml();

    private static void Row(StringBuilder sb, string name, double p, double r, double f, int support, int width, int digits)
    {
        sb.Append(name.PadLeft(width)).Append(' ');
        foreach (var v in new[] { p, r, f }) sb.Append(' ').Append(Fixed(v, digits).PadLeft(9));
        sb.Append(' ').Append(support.ToString(CultureInfo.InvariantCulture).PadLeft(9)).Append('\n');
    }

    private static string Fixed(double value, int digits) => value.ToString("F" + digits.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
}
