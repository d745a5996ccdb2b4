namespace GenreNotebooks.Segments;

/// <summary>
/// One track's first <c>length</c> segments as a fixed-size sequence, feature-major as PyTorch's 1D convolutions read it:
/// shape (12, length), row = timbre component or pitch class, column = segment (the paper's Keras input (512, 12)
/// transposed). The mixed input stacks timbre and pitch as two channels, shape (2, 12, length). Tracks with more
/// segments are cut after <c>length</c>; shorter ones are padded as <see cref="SequencePadding"/> says.
/// </summary>
public static class SegmentSequences
{
    /// <summary>The paper's sequence length: 512 segments.</summary>
    public const int DefaultLength = 512;

    /// <summary>The pitch sequence, shape (12, <paramref name="length"/>).</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="length"/> is not positive.</exception>
    public static FloatMatrix Pitch(TrackSegments track, int length = DefaultLength, SequencePadding padding = SequencePadding.Zeros)
    {
        ArgumentNullException.ThrowIfNull(track);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(length);
        var m = new FloatMatrix(12, length);
        Fill(m.Data, track.Count, length, padding, (i, c) => track.Segments[i].Pitch[c], 12);
        return m;
    }

    /// <summary>The timbre sequence, shape (k, <paramref name="length"/>) with k = <see cref="SegmentTimbre.ComponentCount"/>.</summary>
    /// <exception cref="ArgumentException">The track's MFCC count does not fit the model.</exception>
    public static FloatMatrix Timbre(TrackSegments track, SegmentTimbre timbre, int length = DefaultLength, SequencePadding padding = SequencePadding.Zeros)
    {
        ArgumentNullException.ThrowIfNull(track);
        ArgumentNullException.ThrowIfNull(timbre);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(length);
        var t = timbre.Transform(track);
        var m = new FloatMatrix(timbre.ComponentCount, length);
        Fill(m.Data, track.Count, length, padding, (i, c) => t[i, c], timbre.ComponentCount);
        return m;
    }

    /// <summary>Timbre (channel 0) and pitch (channel 1), shape (2, 12, <paramref name="length"/>), row-major.</summary>
    /// <exception cref="ArgumentException">The timbre model does not have 12 components.</exception>
    public static float[] Mixed(TrackSegments track, SegmentTimbre timbre, int length = DefaultLength, SequencePadding padding = SequencePadding.Zeros)
    {
        ArgumentNullException.ThrowIfNull(timbre);
        if (timbre.ComponentCount != 12)
            throw new ArgumentException($"the mixed input stacks 12 timbre components on 12 pitch classes; the model has {timbre.ComponentCount}", nameof(timbre));
        var data = new float[2 * 12 * length];
        Timbre(track, timbre, length, padding).Data.CopyTo(data, 0);
        Pitch(track, length, padding).Data.CopyTo(data, 12 * length);
        return data;
    }

    /// <summary>True for the columns that hold the track's own segments (its first pass), shape (<paramref name="length"/>,).</summary>
    public static bool[] Mask(TrackSegments track, int length = DefaultLength)
    {
        ArgumentNullException.ThrowIfNull(track);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(length);
        var mask = new bool[length];
        for (int i = 0; i < Math.Min(track.Count, length); i++) mask[i] = true;
        return mask;
    }

    /// <summary>Whether the track has fewer than <paramref name="length"/> segments, so its sequence is padded.</summary>
    public static bool NeedsPadding(TrackSegments track, int length = DefaultLength)
    {
        ArgumentNullException.ThrowIfNull(track);
        return track.Count < length;
    }

    private static void Fill(float[] dst, int count, int length, SequencePadding padding, Func<int, int, float> value, int rows)
    {
        if (!Enum.IsDefined(padding)) throw new ArgumentOutOfRangeException(nameof(padding), padding, "unknown padding");
        int filled = padding == SequencePadding.Repeat ? length : Math.Min(count, length);
        for (int col = 0; col < filled; col++)
        {
            int i = col % count;
            for (int r = 0; r < rows; r++) dst[r * length + col] = value(i, r);
        }
    }
}
