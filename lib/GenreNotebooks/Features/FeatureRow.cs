namespace GenreNotebooks.Features;

/// <summary>
/// One row of a <see cref="FeatureTable"/>, as a light view (no copy): filename, label, track id, length, and
/// values by column name. Used by <see cref="FeatureTable.Where"/> predicates.
/// </summary>
public readonly struct FeatureRow
{
    private readonly FeatureTable _table;

    internal FeatureRow(FeatureTable table, int index)
    {
        _table = table;
        Index = index;
    }

    /// <summary>The row's position in its table.</summary>
    public int Index { get; }

    /// <summary>The row's <c>filename</c>.</summary>
    public string Filename => _table.Filenames[Index];

    /// <summary>The row's genre <c>label</c>.</summary>
    public string Label => _table.Labels[Index];

    /// <summary>The row's <c>length</c> in samples.</summary>
    public int Length => _table.Lengths[Index];

    /// <summary>The row's track and segment, from its filename.</summary>
    public TrackId TrackId => _table.TrackIds[Index];

    /// <summary>The row's value in <paramref name="column"/>.</summary>
    public double this[string column] => _table[Index, column];

    /// <summary>The row's values over <paramref name="columns"/> (default: all columns).</summary>
    public double[] Values(IReadOnlyList<string>? columns = null) => _table.Row(Index, columns);

    /// <inheritdoc/>
    public override string ToString() => $"{Filename} ({Label})";
}
