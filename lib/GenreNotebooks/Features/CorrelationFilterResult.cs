using GenreNotebooks.Exploration;

namespace GenreNotebooks.Features;

/// <summary>
/// What <see cref="CorrelationFilter.Fit"/> found: the columns it looked at, their correlation matrix, the
/// threshold, the dropped columns with their reasons and the kept ones.
/// </summary>
public sealed class CorrelationFilterResult
{
    internal CorrelationFilterResult(IReadOnlyList<string> columns, CorrelationMatrix correlation, double threshold, IReadOnlyList<DroppedFeature> dropped)
    {
        Columns = columns;
        Correlation = correlation;
        Threshold = threshold;
        Dropped = dropped;
        var set = dropped.Select(d => d.Column).ToHashSet(StringComparer.Ordinal);
        DroppedColumns = columns.Where(set.Contains).ToArray();
        Kept = columns.Where(c => !set.Contains(c)).ToArray();
    }

    /// <summary>The columns the filter examined, in order.</summary>
    public IReadOnlyList<string> Columns { get; }

    /// <summary>Their Pearson correlation matrix.</summary>
    public CorrelationMatrix Correlation { get; }

    /// <summary>The |r| at or above which the later column of a pair is dropped.</summary>
    public double Threshold { get; }

    /// <summary>The dropped columns with their reasons, in column order.</summary>
    public IReadOnlyList<DroppedFeature> Dropped { get; }

    /// <summary>The dropped column names, in column order (the study's <c>to_drop</c> list).</summary>
    public IReadOnlyList<string> DroppedColumns { get; }

    /// <summary>The examined columns that are kept, in order.</summary>
    public IReadOnlyList<string> Kept { get; }

    /// <summary>
    /// <paramref name="table"/> without the dropped columns; columns the filter did not examine (e.g. the MFCCs)
    /// stay (pandas <c>df.drop(columns=to_drop)</c>).
    /// </summary>
    public FeatureTable Apply(FeatureTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        return table.DropColumns(DroppedColumns);
    }

    /// <inheritdoc/>
    public override string ToString() =>
        $"|r| >= {Threshold}: dropped {DroppedColumns.Count} of {Columns.Count}" +
        (DroppedColumns.Count > 0 ? $" ({string.Join(", ", DroppedColumns)})" : "");
}
