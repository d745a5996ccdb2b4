using GenreNotebooks.Datasets;

namespace GenreNotebooks.Segments;

/// <summary>
/// Outcome of a many-track segment extraction: the segments of every track that could be read, in input order, and
/// the tracks that were skipped, each with the reason.
/// </summary>
/// <param name="Tracks">The analysed tracks, in the order they were given (whatever the threads did).</param>
/// <param name="Failures">The skipped tracks with messages naming the file and the problem.</param>
public sealed record SegmentExtractionReport(IReadOnlyList<TrackSegments> Tracks, IReadOnlyList<(Track Track, string Error)> Failures)
{
    /// <summary>
    /// The segments of those of <paramref name="tracks"/> that were analysed, in their order (e.g. one split's
    /// <c>Train</c>); skipped tracks are left out (they are listed in <see cref="Failures"/>).
    /// </summary>
    public IReadOnlyList<TrackSegments> For(IEnumerable<Track> tracks)
    {
        ArgumentNullException.ThrowIfNull(tracks);
        var byId = Tracks.ToDictionary(t => t.TrackId, StringComparer.Ordinal);
        return tracks.Select(t => byId.GetValueOrDefault(t.Id)).OfType<TrackSegments>().ToArray();
    }

    /// <summary>Total segments over the analysed tracks.</summary>
    public long SegmentCount => Tracks.Sum(t => (long)t.Count);

    /// <inheritdoc/>
    public override string ToString() =>
        $"{Tracks.Count} tracks segmented ({SegmentCount} segments), {Failures.Count} skipped";
}
