namespace GenreNotebooks.Segments;

/// <summary>
/// The segments of one track, in time order, with what identifies the track in a data set. Made by
/// <see cref="SegmentAnalyzer"/> (one signal) or <see cref="SegmentExtraction"/> (many tracks); turned into fixed-length
/// sequences by <see cref="SegmentSequences"/>.
/// </summary>
public sealed class TrackSegments
{
    /// <summary>Wraps <paramref name="segments"/> (not copied); <paramref name="options"/> are the settings they were made with, if known.</summary>
    /// <exception cref="ArgumentException">There are no segments, or their pitch or MFCC lengths differ.</exception>
    public TrackSegments(string trackId, string? genre, int sampleRate, double duration, IReadOnlyList<Segment> segments, SegmentOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(trackId);
        ArgumentNullException.ThrowIfNull(segments);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(sampleRate);
        if (segments.Count == 0) throw new ArgumentException($"track '{trackId}' has no segments", nameof(segments));
        int nMfcc = segments[0].Mfcc.Length;
        foreach (var s in segments)
        {
            if (s.Pitch.Length != 12) throw new ArgumentException($"track '{trackId}': a segment at {s.Start:0.###} s has {s.Pitch.Length} pitch values, not 12", nameof(segments));
            if (s.Mfcc.Length != nMfcc) throw new ArgumentException($"track '{trackId}': segments have {nMfcc} and {s.Mfcc.Length} MFCCs", nameof(segments));
        }
        TrackId = trackId;
        Genre = genre;
        SampleRate = sampleRate;
        Duration = duration;
        Segments = segments;
        Options = options;
    }

    /// <summary>The track's id (<see cref="Datasets.Track.Id"/>, or the file name for a single file).</summary>
    public string TrackId { get; }

    /// <summary>The genre label, or null when unknown.</summary>
    public string? Genre { get; }

    /// <summary>Sample rate of the analysed signal in Hz.</summary>
    public int SampleRate { get; }

    /// <summary>Length of the analysed signal in seconds; the segments' durations add up to it.</summary>
    public double Duration { get; }

    /// <summary>The settings the segments were made with (null when unknown, e.g. for hand-made segments).</summary>
    public SegmentOptions? Options { get; }

    /// <summary>The segments, in time order.</summary>
    public IReadOnlyList<Segment> Segments { get; }

    /// <summary>Number of segments.</summary>
    public int Count => Segments.Count;

    /// <summary>MFCCs per segment (the timbre model's input size).</summary>
    public int MfccCount => Segments[0].Mfcc.Length;

    /// <summary>The pitch vectors as a matrix, shape (segments, 12).</summary>
    public FloatMatrix PitchMatrix()
    {
        var m = new FloatMatrix(Count, 12);
        for (int i = 0; i < Count; i++) Segments[i].Pitch.CopyTo(m.Row(i));
        return m;
    }

    /// <summary>The mean MFCCs as a matrix, shape (segments, n_mfcc).</summary>
    public FloatMatrix MfccMatrix()
    {
        var m = new FloatMatrix(Count, MfccCount);
        for (int i = 0; i < Count; i++) Segments[i].Mfcc.CopyTo(m.Row(i));
        return m;
    }

    /// <inheritdoc/>
    public override string ToString() => $"{TrackId}{(Genre is null ? "" : $" ({Genre})")}: {Count} segments over {Duration:0.##} s";
}
