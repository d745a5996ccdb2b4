namespace GenreNotebooks.Plots;

/// <summary>
/// How much data a figure writes into its page. A chart is at most about 1000 pixels wide (the exported page is
/// 1000 px) and 500 high, so a spectrogram with more frames than that, or a line with more points, is reduced before
/// it is written: heatmap cells are pooled over blocks of neighbouring frames/bins (<see cref="Pooling"/>), lines keep
/// each block's minimum and maximum (the envelope stays exact). The figure says what was pooled in its axis titles
/// and hover text, so nothing is hidden. <see cref="None"/> keeps every value.
/// </summary>
public sealed record DisplayLimits
{
    /// <summary>The defaults: 1000 columns, 500 rows, 2000 line points, max pooling.</summary>
    public static DisplayLimits Default { get; } = new();

    /// <summary>No reduction: every frame, bin and point is written (large pages).</summary>
    public static DisplayLimits None { get; } = new()
    {
        MaxColumns = int.MaxValue, MaxRows = int.MaxValue, MaxLinePoints = int.MaxValue, DropFlatRuns = false,
    };

    /// <summary>Most heatmap columns written (default 1000); more columns are pooled in blocks of whole frames. At least 1.</summary>
    public int MaxColumns { get; init => field = value >= 1 ? value : throw new ArgumentOutOfRangeException(nameof(MaxColumns), value, "At least one column."); } = 1000;

    /// <summary>Most heatmap rows written (default 500); more rows are pooled (on a log axis only where bins are denser than rows). At least 1.</summary>
    public int MaxRows { get; init => field = value >= 1 ? value : throw new ArgumentOutOfRangeException(nameof(MaxRows), value, "At least one row."); } = 500;

    /// <summary>
    /// Most points of one line trace (default 2000: a minimum and a maximum for each of 1000 pixel columns); longer
    /// lines keep each block's minimum and maximum. At least 2.
    /// </summary>
    public int MaxLinePoints { get; init => field = value >= 2 ? value : throw new ArgumentOutOfRangeException(nameof(MaxLinePoints), value, "At least two points."); } = 2000;

    /// <summary>
    /// Whether a line drops the points inside runs of equal values (a filter's zero tails), keeping each run's ends:
    /// the drawn line is the same (default true).
    /// </summary>
    public bool DropFlatRuns { get; init; } = true;

    /// <summary>How pooled heatmap cells are summarised (default <see cref="DisplayPooling.Max"/>).</summary>
    public DisplayPooling Pooling { get; init; } = DisplayPooling.Max;
}
