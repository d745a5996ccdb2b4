namespace GenreNotebooks.Features;

/// <summary>
/// Genre names to class indices and back: the classes are the distinct labels sorted ordinally, so index 0 is
/// the alphabetically first genre (<c>blues</c>), as scikit-learn's <c>LabelEncoder</c> does.
/// </summary>
public sealed class LabelEncoding
{
    private readonly Dictionary<string, int> _index;

    /// <summary>An encoding over the given class names, kept in the given order.</summary>
    /// <exception cref="ArgumentException">A class name is repeated.</exception>
    public LabelEncoding(IEnumerable<string> classes)
    {
        ArgumentNullException.ThrowIfNull(classes);
        Classes = classes.ToArray();
        _index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < Classes.Count; i++)
            if (!_index.TryAdd(Classes[i], i))
                throw new ArgumentException($"class '{Classes[i]}' appears twice", nameof(classes));
    }

    /// <summary>The fitted classes: the distinct labels in ordinal sort order (sklearn <c>LabelEncoder.fit</c>).</summary>
    public static LabelEncoding Fit(IEnumerable<string> labels)
    {
        ArgumentNullException.ThrowIfNull(labels);
        return new LabelEncoding(labels.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal));
    }

    /// <summary>The class names; <c>Classes[i]</c> is the name of index i (sklearn <c>classes_</c>).</summary>
    public IReadOnlyList<string> Classes { get; }

    /// <summary>Number of classes.</summary>
    public int Count => Classes.Count;

    /// <summary>The index of <paramref name="label"/>.</summary>
    /// <exception cref="KeyNotFoundException">The label is not one of <see cref="Classes"/>.</exception>
    public int Encode(string label) =>
        _index.TryGetValue(label, out int i)
            ? i
            : throw new KeyNotFoundException($"label '{label}' is not one of the {Count} classes ({string.Join(", ", Classes)})");

    /// <summary>The indices of <paramref name="labels"/> (sklearn <c>LabelEncoder.transform</c>), shape (n,).</summary>
    public int[] Encode(IEnumerable<string> labels) => labels.Select(Encode).ToArray();

    /// <summary>The class name of <paramref name="index"/> (sklearn <c>inverse_transform</c>).</summary>
    public string Decode(int index)
    {
        if ((uint)index >= (uint)Count)
            throw new ArgumentOutOfRangeException(nameof(index), $"class index {index} outside 0..{Count - 1}");
        return Classes[index];
    }

    /// <summary>True when <paramref name="label"/> is one of the classes.</summary>
    public bool Contains(string label) => _index.ContainsKey(label);

    /// <inheritdoc/>
    public override string ToString() => $"LabelEncoding({string.Join(", ", Classes)})";
}
