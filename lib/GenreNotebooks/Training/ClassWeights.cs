namespace GenreNotebooks.Training;

/// <summary>
/// Class weights for an imbalanced training set, for the weighted cross-entropy loss
/// (PyTorch <c>CrossEntropyLoss(weight=...)</c>, Keras <c>fit(class_weight=...)</c>).
/// </summary>
public static class ClassWeights
{
    /// <summary>
    /// sklearn's <c>compute_class_weight("balanced")</c>: weight of class c = N / (C x count of c), so every class
    /// contributes the same total weight. A class absent from <paramref name="labels"/> gets weight 0.
    /// </summary>
    /// <exception cref="ArgumentException">No labels.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A label is outside 0..classCount-1.</exception>
    public static float[] Balanced(IReadOnlyList<int> labels, int classCount)
    {
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentOutOfRangeException.ThrowIfLessThan(classCount, 1);
        if (labels.Count == 0) throw new ArgumentException("no labels to weigh", nameof(labels));
        var counts = new int[classCount];
        for (int i = 0; i < labels.Count; i++)
        {
            if ((uint)labels[i] >= (uint)classCount)
                throw new ArgumentOutOfRangeException(nameof(labels), $"labels[{i}] = {labels[i]} is not a class index in 0..{classCount - 1}");
            counts[labels[i]]++;
        }
        var w = new float[classCount];
        for (int c = 0; c < classCount; c++) w[c] = counts[c] == 0 ? 0f : (float)((double)labels.Count / (classCount * (double)counts[c]));
        return w;
    }
}
