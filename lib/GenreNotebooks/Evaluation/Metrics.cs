namespace GenreNotebooks.Evaluation;

/// <summary>
/// Scalar classification metrics over class indices (0..C-1, the positions in a fixed label list):
/// accuracy, per-genre accuracy, top-k accuracy and the row-wise argmax of a probability matrix.
/// </summary>
public static class Metrics
{
    /// <summary>
    /// How many rows of <paramref name="logits"/> (shape (B, C)) have their largest value at the true class
    /// (PyTorch: <c>(logits.argmax(1) == y).sum().item()</c>); used by training loops to count correct predictions per batch.
    /// </summary>
    /// <exception cref="ArgumentException">The logits are not (B, C) or B differs from the number of labels.</exception>
    public static int CountCorrect(GenreNotebooks.Nn.Tensor logits, IReadOnlyList<int> labels)
    {
        ArgumentNullException.ThrowIfNull(logits);
        ArgumentNullException.ThrowIfNull(labels);
        if (logits.Rank != 2 || logits.Shape[0] != labels.Count)
            throw new ArgumentException($"logits of shape {GenreNotebooks.Nn.Tensor.ShapeString(logits.Shape)} do not fit {labels.Count} labels; expected ({labels.Count}, classes)", nameof(logits));
        var pred = logits.Argmax(1);
        int correct = 0;
        for (int i = 0; i < labels.Count; i++) if (pred[i] == labels[i]) correct++;
        return correct;
    }

    /// <summary>
    /// Fraction of samples whose predicted class equals the true class (sklearn <c>accuracy_score</c>).
    /// </summary>
    /// <exception cref="ArgumentException">Lengths differ or there are no samples.</exception>
    public static double Accuracy(IReadOnlyList<int> yTrue, IReadOnlyList<int> yPred)
    {
        LabelChecks.SameLength(yTrue, yPred);
        int hits = 0;
        for (int i = 0; i < yTrue.Count; i++) if (yTrue[i] == yPred[i]) hits++;
        return (double)hits / yTrue.Count;
    }

    /// <summary>
    /// Per-genre accuracy as the papers report it: for each class c, the fraction of its true samples predicted as c
    /// (that is the recall of c, sklearn <c>recall_score(average=None)</c>, the diagonal of the row-normalised confusion matrix).
    /// A class with no true samples gets <see cref="double.NaN"/> (nothing to be accurate on).
    /// </summary>
    /// <param name="yTrue">True class indices.</param>
    /// <param name="yPred">Predicted class indices.</param>
    /// <param name="classCount">Number of classes C; the result has length C.</param>
    public static double[] PerGenreAccuracy(IReadOnlyList<int> yTrue, IReadOnlyList<int> yPred, int classCount)
    {
        LabelChecks.SameLength(yTrue, yPred);
        ArgumentOutOfRangeException.ThrowIfLessThan(classCount, 1);
        LabelChecks.InRange(yTrue, classCount, nameof(yTrue));
        LabelChecks.InRange(yPred, classCount, nameof(yPred));
        var support = new int[classCount];
        var hits = new int[classCount];
        for (int i = 0; i < yTrue.Count; i++)
        {
            support[yTrue[i]]++;
            if (yTrue[i] == yPred[i]) hits[yTrue[i]]++;
        }
        var result = new double[classCount];
        for (int c = 0; c < classCount; c++) result[c] = support[c] == 0 ? double.NaN : (double)hits[c] / support[c];
        return result;
    }

    /// <summary>
    /// Index of the largest value of each row of <paramref name="scores"/> (shape (N, C): probabilities or logits),
    /// the first one on ties, as <c>numpy.argmax(axis=1)</c> / <c>torch.argmax(dim=1)</c>.
    /// </summary>
    public static int[] ArgmaxRows(FloatMatrix scores)
    {
        ArgumentNullException.ThrowIfNull(scores);
        if (scores.Cols == 0) throw new ArgumentException("the score matrix has no columns (no classes)", nameof(scores));
        var result = new int[scores.Rows];
        for (int r = 0; r < scores.Rows; r++) result[r] = Argmax(scores.Row(r));
        return result;
    }

    /// <summary>Index of the largest value (the first on ties; NaN never wins).</summary>
    public static int Argmax(ReadOnlySpan<float> values)
    {
        if (values.IsEmpty) throw new ArgumentException("cannot take the argmax of an empty row", nameof(values));
        int best = 0;
        for (int i = 1; i < values.Length; i++)
            if (values[i] > values[best] || float.IsNaN(values[best])) best = i;
        return best;
    }

    /// <summary>
    /// Top-k accuracy: fraction of samples whose true class is among the k highest scores of its row
    /// (sklearn <c>top_k_accuracy_score</c>). Ties are broken as sklearn does: among equal scores the class with
    /// the higher index ranks first. With k = C every sample counts as a hit.
    /// </summary>
    /// <param name="scores">Shape (N, C): probabilities or logits, one row per sample.</param>
    /// <param name="yTrue">True class indices, length N.</param>
    /// <param name="k">How many top classes count, 1..C.</param>
    public static double TopKAccuracy(FloatMatrix scores, IReadOnlyList<int> yTrue, int k)
    {
        ArgumentNullException.ThrowIfNull(scores);
        ArgumentNullException.ThrowIfNull(yTrue);
        if (scores.Rows != yTrue.Count)
            throw new ArgumentException($"scores has {scores.Rows} rows but yTrue has {yTrue.Count} labels", nameof(yTrue));
        if (scores.Rows == 0) throw new ArgumentException("no samples", nameof(scores));
        if (k < 1 || k > scores.Cols)
            throw new ArgumentOutOfRangeException(nameof(k), $"k = {k} must be in 1..{scores.Cols} (the number of classes)");
        LabelChecks.InRange(yTrue, scores.Cols, nameof(yTrue));
        int hits = 0;
        for (int r = 0; r < scores.Rows; r++)
        {
            var row = scores.Row(r);
            int t = yTrue[r];
            float s = row[t];
            // Rank of the true class: classes scoring higher, plus equal-scoring classes with a higher index.
            int ahead = 0;
            for (int c = 0; c < row.Length; c++)
                if (row[c] > s || (row[c] == s && c > t)) ahead++;
            if (ahead < k) hits++;
        }
        return (double)hits / scores.Rows;
    }
}
