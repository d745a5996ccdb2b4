namespace GenreNotebooks.Segments;

/// <summary>
/// Windows and thresholds of <see cref="PeakPick"/> (librosa's <c>peak_pick</c> keyword arguments), in frames.
/// <see cref="OnsetDefaults"/> gives the values <c>librosa.onset.onset_detect</c> 0.10.2 passes, found by its authors
/// with a large hyper-parameter search over an onset database: a peak must be the maximum within 30 ms before it
/// (and of its own frame after), at least 0.07 above the mean of the 100 ms before and after it (on the envelope
/// normalised to [0, 1]), and 30 ms after the previous peak.
/// </summary>
public sealed record PeakPickOptions
{
    /// <summary>Frames before n over which the maximum is taken (librosa <c>pre_max</c>, &gt;= 0).</summary>
    public int PreMax { get; init; }

    /// <summary>Frames after n, n included, over which the maximum is taken (librosa <c>post_max</c>, &gt;= 1).</summary>
    public int PostMax { get; init; } = 1;

    /// <summary>Frames before n over which the mean is taken (librosa <c>pre_avg</c>, &gt;= 0).</summary>
    public int PreAvg { get; init; }

    /// <summary>Frames after n, n included, over which the mean is taken (librosa <c>post_avg</c>, &gt;= 1).</summary>
    public int PostAvg { get; init; } = 1;

    /// <summary>How far above the local mean a peak must be (librosa <c>delta</c>, &gt;= 0).</summary>
    public float Delta { get; init; }

    /// <summary>Frames skipped after a peak before the next one may be picked (librosa <c>wait</c>, &gt;= 0).</summary>
    public int Wait { get; init; }

    /// <summary>
    /// <c>onset_detect</c>'s defaults for <paramref name="sampleRate"/> and <paramref name="hopLength"/>:
    /// pre_max = 0.03 sr // hop, post_max = 0.00 sr // hop + 1, pre_avg = 0.10 sr // hop, post_avg = 0.10 sr // hop + 1,
    /// wait = 0.03 sr // hop, delta = 0.07 (Python's floor division on floats). At 22050 Hz and hop 512:
    /// pre_max 1, post_max 1, pre_avg 4, post_avg 5, wait 1.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The rate or hop is not positive.</exception>
    public static PeakPickOptions OnsetDefaults(int sampleRate = 22050, int hopLength = 512)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(sampleRate);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(hopLength);
        int Frames(double seconds) => (int)Math.Floor(seconds * sampleRate / hopLength);
        return new PeakPickOptions
        {
            PreMax = Frames(0.03),
            PostMax = Frames(0.00) + 1,
            PreAvg = Frames(0.10),
            PostAvg = Frames(0.10) + 1,
            Wait = Frames(0.03),
            Delta = 0.07f,
        };
    }

    /// <summary>Checks the settings as librosa does.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A window is negative (pre_max, pre_avg, wait), not positive (post_max, post_avg), or delta is negative or not a number.</exception>
    public void Validate()
    {
        if (PreMax < 0) throw new ArgumentOutOfRangeException(nameof(PreMax), PreMax, "pre_max must be non-negative");
        if (PreAvg < 0) throw new ArgumentOutOfRangeException(nameof(PreAvg), PreAvg, "pre_avg must be non-negative");
        if (!(Delta >= 0) || float.IsInfinity(Delta)) throw new ArgumentOutOfRangeException(nameof(Delta), Delta, "delta must be a non-negative number");
        if (Wait < 0) throw new ArgumentOutOfRangeException(nameof(Wait), Wait, "wait must be non-negative");
        if (PostMax <= 0) throw new ArgumentOutOfRangeException(nameof(PostMax), PostMax, "post_max must be positive");
        if (PostAvg <= 0) throw new ArgumentOutOfRangeException(nameof(PostAvg), PostAvg, "post_avg must be positive");
    }
}
