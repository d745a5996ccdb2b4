using System.Globalization;

namespace GenreNotebooks.Evaluation;

/// <summary>
/// A confusion matrix over a fixed label order: <c>Counts[t, p]</c> is the number of samples of true class t
/// predicted as p (rows = true, columns = predicted, as sklearn <c>confusion_matrix(labels=...)</c>).
/// Matrices over the same labels add up, which is how the cross-validation confusion matrix is aggregated over folds.
/// </summary>
public sealed class ConfusionMatrix
{
    private readonly int[,] _counts;

    /// <summary>A matrix from existing counts (copied); <paramref name="counts"/> must be C x C with C = labels.Count.</summary>
    /// <exception cref="ArgumentException">The shape does not match the labels, a count is negative or labels repeat.</exception>
    public ConfusionMatrix(IReadOnlyList<string> labels, int[,] counts)
    {
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(counts);
        Labels = LabelChecks.Labels(labels, labels.Count);
        int c = Labels.Count;
        if (counts.GetLength(0) != c || counts.GetLength(1) != c)
            throw new ArgumentException($"counts is {counts.GetLength(0)} x {counts.GetLength(1)} but there are {c} labels", nameof(counts));
        foreach (var v in counts)
            if (v < 0) throw new ArgumentException($"counts has a negative entry {v}", nameof(counts));
        _counts = (int[,])counts.Clone();
    }

    /// <summary>
    /// Counts the pairs (yTrue[i], yPred[i]) (sklearn <c>confusion_matrix(y_true, y_pred, labels=range(C))</c>).
    /// Without <paramref name="labels"/>, the classes are 0..max index and named by their number.
    /// </summary>
    /// <exception cref="ArgumentException">Lengths differ or no samples.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A class index is outside the label list.</exception>
    public static ConfusionMatrix Compute(IReadOnlyList<int> yTrue, IReadOnlyList<int> yPred, IReadOnlyList<string>? labels = null)
    {
        LabelChecks.SameLength(yTrue, yPred);
        var names = LabelChecks.Labels(labels, LabelChecks.ClassCountFrom(yTrue, yPred));
        LabelChecks.InRange(yTrue, names.Count, nameof(yTrue));
        LabelChecks.InRange(yPred, names.Count, nameof(yPred));
        var counts = new int[names.Count, names.Count];
        for (int i = 0; i < yTrue.Count; i++) counts[yTrue[i], yPred[i]]++;
        return new ConfusionMatrix(names, counts);
    }

    /// <summary>Element-wise sum of matrices over the same labels (the confusion matrix aggregated over CV folds).</summary>
    /// <exception cref="ArgumentException">No matrices, or their labels differ.</exception>
    public static ConfusionMatrix Sum(IEnumerable<ConfusionMatrix> matrices)
    {
        ArgumentNullException.ThrowIfNull(matrices);
        ConfusionMatrix? total = null;
        foreach (var m in matrices) total = total is null ? m : total + m;
        return total ?? throw new ArgumentException("no confusion matrices to sum", nameof(matrices));
    }

    /// <summary>Element-wise sum of two matrices over the same labels in the same order.</summary>
    public static ConfusionMatrix operator +(ConfusionMatrix a, ConfusionMatrix b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (!a.Labels.SequenceEqual(b.Labels, StringComparer.Ordinal))
            throw new ArgumentException($"cannot add confusion matrices over different labels ({string.Join(",", a.Labels)} vs {string.Join(",", b.Labels)})");
        int c = a.ClassCount;
        var sum = new int[c, c];
        for (int i = 0; i < c; i++)
            for (int j = 0; j < c; j++) sum[i, j] = a._counts[i, j] + b._counts[i, j];
        return new ConfusionMatrix(a.Labels, sum);
    }

    /// <summary>The class names, in row/column order.</summary>
    public IReadOnlyList<string> Labels { get; }

    /// <summary>Number of classes C.</summary>
    public int ClassCount => Labels.Count;

    /// <summary>Count of samples of true class <paramref name="trueClass"/> predicted as <paramref name="predictedClass"/>.</summary>
    public int this[int trueClass, int predictedClass] => _counts[trueClass, predictedClass];

    /// <summary>A copy of the counts, shape (C, C), rows = true class.</summary>
    public int[,] Counts => (int[,])_counts.Clone();

    /// <summary>Total number of samples.</summary>
    public int Total
    {
        get
        {
            int n = 0;
            foreach (var v in _counts) n += v;
            return n;
        }
    }

    /// <summary>Number of true samples of each class (row sums).</summary>
    public int[] Support => Enumerable.Range(0, ClassCount).Select(RowSum).ToArray();

    /// <summary>Number of predictions of each class (column sums).</summary>
    public int[] PredictedCounts => Enumerable.Range(0, ClassCount).Select(ColumnSum).ToArray();

    /// <summary>Trace / total: the accuracy of the predictions that built the matrix.</summary>
    public double Accuracy
    {
        get
        {
            int total = Total;
            if (total == 0) return double.NaN;
            int diag = 0;
            for (int i = 0; i < ClassCount; i++) diag += _counts[i, i];
            return (double)diag / total;
        }
    }

    /// <summary>
    /// Each row divided by its sum (sklearn <c>confusion_matrix(normalize="true")</c>): entry (t, p) is the fraction of
    /// class t predicted as p, so the diagonal is the per-genre accuracy. A class with no samples gives a row of zeros, as sklearn.
    /// </summary>
    public double[,] RowNormalised()
    {
        int c = ClassCount;
        var result = new double[c, c];
        for (int i = 0; i < c; i++)
        {
            int s = RowSum(i);
            if (s == 0) continue;
            for (int j = 0; j < c; j++) result[i, j] = (double)_counts[i, j] / s;
        }
        return result;
    }

    /// <summary>The diagonal of <see cref="RowNormalised"/>: per-genre accuracy (recall); NaN for a class with no samples.</summary>
    public double[] PerClassAccuracy() =>
        Enumerable.Range(0, ClassCount).Select(i => RowSum(i) == 0 ? double.NaN : (double)_counts[i, i] / RowSum(i)).ToArray();

    /// <summary>
    /// Every pair of genres with how often they were confused in either direction, most confused first (by
    /// <see cref="ConfusedPair.Rate"/>, then count, then label order): the list to compare with the genres' feature
    /// similarity.
    /// </summary>
    public IReadOnlyList<ConfusedPair> ConfusedPairs()
    {
        var support = Support;
        var pairs = new List<(ConfusedPair Pair, int I, int J)>();
        for (int i = 0; i < ClassCount; i++)
            for (int j = i + 1; j < ClassCount; j++)
            {
                int count = _counts[i, j] + _counts[j, i];
                int n = support[i] + support[j];
                pairs.Add((new ConfusedPair(Labels[i], Labels[j], count, n == 0 ? 0 : (double)count / n), i, j));
            }
        return pairs.OrderByDescending(p => p.Pair.Rate).ThenByDescending(p => p.Pair.Count).ThenBy(p => p.I).ThenBy(p => p.J)
            .Select(p => p.Pair).ToArray();
    }

    /// <summary>
    /// The counts (<paramref name="normalised"/> false) or the row fractions as a <see cref="Tables.Table"/>: true
    /// classes down the side, predicted across the top.
    /// </summary>
    public Tables.Table ToTable(bool normalised = false)
    {
        var fractions = normalised ? RowNormalised() : null;
        var table = new Tables.Table(["true \\ pred", .. Labels])
            .WithTitle(normalised ? "confusion matrix (row-normalised: true \\ predicted)" : "confusion matrix (counts: true \\ predicted)");
        if (normalised) table.Format("F2", [.. Labels]);
        for (int i = 0; i < ClassCount; i++)
        {
            var row = new object?[ClassCount + 1];
            row[0] = Labels[i];
            for (int j = 0; j < ClassCount; j++) row[j + 1] = fractions is null ? _counts[i, j] : fractions[i, j];
            table.AddRow(row);
        }
        return table;
    }

    /// <summary>The counts as a text table, true classes down the side, predicted across the top.</summary>
    public override string ToString() => ToTable().ToString();

    /// <summary>A text table of the counts (<paramref name="normalised"/> false) or of the row fractions with 2 decimals.</summary>
    public string ToString(bool normalised) => ToTable(normalised).ToString();

    /// <summary>An HTML <c>&lt;table&gt;</c> of the counts or row fractions, for a notebook cell.</summary>
    public string ToHtml(bool normalised = false) => ToTable(normalised).ToHtml();

    private int RowSum(int i)
    {
        int s = 0;
        for (int j = 0; j < ClassCount; j++) s += _counts[i, j];
        return s;
    }

    private int ColumnSum(int j)
    {
        int s = 0;
        for (int i = 0; i < ClassCount; i++) s += _counts[i, j];
        return s;
    }

}
