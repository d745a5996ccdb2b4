namespace GenreNotebooks.Features;

/// <summary>
/// Collects feature rows one at a time (e.g. while extracting features from a folder of audio) and builds a
/// <see cref="FeatureTable"/>. Columns default to the 57 GTZAN features in Kaggle's order.
/// </summary>
public sealed class FeatureTableBuilder
{
    private readonly List<double>[] _values;
    private readonly List<string> _filenames = [];
    private readonly List<string> _labels = [];
    private readonly List<int> _lengths = [];

    /// <summary>A builder for rows over <paramref name="columns"/> (default <see cref="GtzanColumns.Features"/>).</summary>
    public FeatureTableBuilder(IReadOnlyList<string>? columns = null)
    {
        Columns = (columns ?? GtzanColumns.Features).ToArray();
        _values = Columns.Select(_ => new List<double>()).ToArray();
    }

    /// <summary>The numeric columns every row must give, in order.</summary>
    public IReadOnlyList<string> Columns { get; }

    /// <summary>Rows added so far.</summary>
    public int RowCount => _filenames.Count;

    /// <summary>Adds a row; <paramref name="values"/> follows <see cref="Columns"/>.</summary>
    /// <exception cref="ArgumentException">The number of values differs from the number of columns.</exception>
    public FeatureTableBuilder Add(string filename, int length, string label, ReadOnlySpan<double> values)
    {
        ArgumentNullException.ThrowIfNull(filename);
        ArgumentNullException.ThrowIfNull(label);
        if (values.Length != Columns.Count)
            throw new ArgumentException($"row '{filename}' has {values.Length} values, the table has {Columns.Count} columns", nameof(values));
        _filenames.Add(filename);
        _labels.Add(label);
        _lengths.Add(length);
        for (int c = 0; c < values.Length; c++) _values[c].Add(values[c]);
        return this;
    }

    /// <summary>The table of all rows added, in order.</summary>
    public FeatureTable Build() =>
        new(Columns, _values.Select(v => v.ToArray()).ToArray(), _filenames, _labels, _lengths);
}
