using GenreNotebooks.Datasets;

namespace GenreNotebooks.Features;

/// <summary>
/// Train/validation/test splits of a feature table's ROWS, as row indices: <see cref="ByTrack"/> keeps all rows of a
/// track (the ten 3-s rows of a song in <c>features_3_sec.csv</c>) in one part, the leaky <see cref="ClipLevelLeaky"/>
/// scatters them, as a plain <c>train_test_split</c> of the CSV does. Both are stratified by genre and seeded, and use
/// the same allocation as <see cref="Splits"/> on clips. Tracks come from the filenames (<see cref="FeatureTable.TrackIds"/>).
/// Taught in notebooks/04-feature-networks-and-cross-validation.
/// </summary>
public static class FeatureSplits
{
    /// <summary>Row indices split by track (default 80/10/10), stratified by genre; same seed, same split.</summary>
    /// <exception cref="ArgumentException">Two rows share a filename, or a track's rows carry different labels.</exception>
    public static SplitResult<int> ByTrack(FeatureTable table, int seed, SplitFractions? fractions = null) =>
        Split(table, SplitKind.GroupedByTrack, seed, fractions);

    /// <summary>Row indices split row by row (the LEAKY way: rows of one song on both sides), stratified by genre.</summary>
    public static SplitResult<int> ClipLevelLeaky(FeatureTable table, int seed, SplitFractions? fractions = null) =>
        Split(table, SplitKind.ClipLevelLeaky, seed, fractions);

    /// <summary>Row indices split the named way.</summary>
    public static SplitResult<int> Split(FeatureTable table, SplitKind kind, int seed, SplitFractions? fractions = null)
    {
        ArgumentNullException.ThrowIfNull(table);
        if (table.RowCount == 0) throw new ArgumentException("the table has no rows to split", nameof(table));
        // Each row becomes a clip of its track so the clip splitters (and their leak bookkeeping) apply unchanged.
        var clips = new Clip[table.RowCount];
        var rowOf = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int r = 0; r < table.RowCount; r++)
        {
            var id = table.TrackIds[r];
            clips[r] = new Clip(id.Track, table.Labels[r], id.Segment ?? 0, 0, table.Lengths[r]);
            if (!rowOf.TryAdd(clips[r].Id, r))
                throw new ArgumentException($"rows {rowOf[clips[r].Id]} and {r} are both '{clips[r].Id}' (filename '{table.Filenames[r]}'); each row needs its own filename", nameof(table));
        }
        var split = Splits.Split(clips, kind, seed, fractions);
        int[] Rows(IReadOnlyList<Clip> part) => part.Select(c => rowOf[c.Id]).Order().ToArray();
        return new SplitResult<int>(Rows(split.Train), Rows(split.Validation), Rows(split.Test));
    }

    /// <summary>
    /// Track ids that have rows in more than one part of <paramref name="split"/>: none for <see cref="ByTrack"/>,
    /// most tracks for the leaky split.
    /// </summary>
    public static IReadOnlyList<string> SharedTracks(FeatureTable table, SplitResult<int> split)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(split);
        return split.SharedTracks(r => table.TrackIds[r].Track);
    }
}
