namespace GenreNotebooks.Evaluation;

/// <summary>Validation shared by the metrics: equal lengths, class indices inside the label list.</summary>
internal static class LabelChecks
{
    public static void SameLength(IReadOnlyList<int> yTrue, IReadOnlyList<int> yPred)
    {
        ArgumentNullException.ThrowIfNull(yTrue);
        ArgumentNullException.ThrowIfNull(yPred);
        if (yTrue.Count != yPred.Count)
            throw new ArgumentException($"yTrue has {yTrue.Count} labels but yPred has {yPred.Count}; they must match one to one", nameof(yPred));
        if (yTrue.Count == 0)
            throw new ArgumentException("no samples: yTrue and yPred are empty", nameof(yTrue));
    }

    public static void InRange(IReadOnlyList<int> y, int classCount, string name)
    {
        for (int i = 0; i < y.Count; i++)
            if ((uint)y[i] >= (uint)classCount)
                throw new ArgumentOutOfRangeException(name, $"{name}[{i}] = {y[i]} is not a class index in 0..{classCount - 1}");
    }

    public static int ClassCountFrom(IReadOnlyList<int> yTrue, IReadOnlyList<int> yPred)
    {
        int max = -1;
        for (int i = 0; i < yTrue.Count; i++) max = Math.Max(max, Math.Max(yTrue[i], yPred[i]));
        return max + 1;
    }

    public static IReadOnlyList<string> Labels(IReadOnlyList<string>? labels, int classCount)
    {
        if (labels is null)
            return Enumerable.Range(0, classCount).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        if (labels.Count == 0) throw new ArgumentException("the label list is empty", nameof(labels));
        if (labels.Distinct(StringComparer.Ordinal).Count() != labels.Count)
            throw new ArgumentException($"the label list has duplicates: {string.Join(", ", labels)}", nameof(labels));
        return labels.ToArray();
    }
}
