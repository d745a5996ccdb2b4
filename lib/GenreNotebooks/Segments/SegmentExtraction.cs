using GenreNotebooks.Datasets;

namespace GenreNotebooks.Segments;

/// <summary>
/// Segments many tracks (<see cref="SegmentAnalyzer"/>) on all cores: tracks run in parallel, one per core and each
/// single-threaded; a track that cannot be read or analysed is skipped and reported with a message naming its file,
/// while the others go on; results come back in input order, so a run is deterministic whatever the scheduling.
/// </summary>
public static class SegmentExtraction
{
    /// <summary>Segments <paramref name="tracks"/> (e.g. <see cref="GenreDataset.Tracks"/>); each result carries the track's id and genre.</summary>
    /// <exception cref="ArgumentException">Two tracks share an id.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public static SegmentExtractionReport Run(IEnumerable<Track> tracks, SegmentExtractionOptions? options = null,
        IProgress<SegmentExtractionProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(tracks);
        options ??= new SegmentExtractionOptions();
        options.Validate();
        var list = WithUniqueIds(tracks);

        var loader = new TrackAudioLoader(options.Loader, options.SampleRate);
        var results = new TrackSegments?[list.Length];
        var errors = new string?[list.Length];
        int completed = 0;
        Parallel.For(0, list.Length, new ParallelOptions { MaxDegreeOfParallelism = options.Threads, CancellationToken = cancellationToken }, i =>
        {
            var track = list[i];
            if (!loader.TryLoad(track, out var signal, out var problem))
            {
                errors[i] = problem;
            }
            else
            {
                try
                {
                    results[i] = SegmentAnalyzer.Analyze(signal!.Samples, signal.SampleRate, options.Segments, track.Id, track.Genre);
                }
                catch (Exception e) when (e is ArgumentException or InvalidDataException)
                {
                    errors[i] = $"skipped '{track.Path}' (track {track.Id}): {e.Message}";
                }
            }
            int done = Interlocked.Increment(ref completed);
            progress?.Report(new SegmentExtractionProgress(done, list.Length, track, results[i]?.Count ?? 0, errors[i]));
        });
        var ok = results.OfType<TrackSegments>().ToArray();
        var failures = Enumerable.Range(0, list.Length).Where(i => errors[i] is not null).Select(i => (list[i], errors[i]!)).ToArray();
        return new SegmentExtractionReport(ok, failures);
    }

    // Results are matched to tracks by id (and cached by it), so two tracks with one id would mix.
    internal static Track[] WithUniqueIds(IEnumerable<Track> tracks)
    {
        var list = tracks.ToArray();
        var dup = list.GroupBy(t => t.Id, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (dup is not null) throw new ArgumentException($"track id '{dup.Key}' appears {dup.Count()} times", nameof(tracks));
        return list;
    }
}
