namespace GenreNotebooks.Datasets;

/// <summary>
/// How tracks are cut into clips: clip length and hop in samples, the tail policy and an optional cap per track.
/// Defaults: 3-s clips (66150 samples at 22050 Hz), no overlap, tail dropped.
/// Taught in notebooks/02-building-the-datasets.
/// </summary>
public sealed record ClipOptions
{
    private readonly int _length = 66150;
    private readonly int _hop;
    private readonly int? _max;

    /// <summary>3-s clips, 66150 samples (3 s x 22050 Hz), 10 per 30-s track; the BU paper's clips.</summary>
    public static ClipOptions ThreeSeconds { get; } = new();

    /// <summary>
    /// Kaggle's <c>features_3_sec.csv</c> segments: 66149 samples (one short of 3 s), 10 per track; use these to line
    /// clips up with that CSV's rows.
    /// </summary>
    public static ClipOptions Kaggle3Sec { get; } = new() { LengthSamples = 66149, MaxClipsPerTrack = 10 };

    /// <summary>9-s clips: three consecutive 3-s clips (198450 samples), 3 per 30-s track, as the BU paper's 9-s set.</summary>
    public static ClipOptions NineSeconds { get; } = new() { LengthSamples = 3 * 66150 };

    /// <summary>Clips of <paramref name="seconds"/> at <paramref name="sampleRate"/> Hz, no overlap, tail dropped.</summary>
    public static ClipOptions Seconds(double seconds, int sampleRate = 22050)
    {
        if (!(seconds > 0)) throw new ArgumentOutOfRangeException(nameof(seconds), seconds, "clip length must be positive");
        return new ClipOptions { LengthSamples = (int)Math.Round(seconds * sampleRate) };
    }

    /// <summary>Clip length in samples (positive).</summary>
    public int LengthSamples
    {
        get => _length;
        init => _length = value > 0 ? value : throw new ArgumentOutOfRangeException(nameof(LengthSamples), value, "clip length must be positive");
    }

    /// <summary>Samples between clip starts; 0 (default) means <see cref="LengthSamples"/> (no overlap).</summary>
    public int HopSamples
    {
        get => _hop == 0 ? _length : _hop;
        init => _hop = value >= 0 ? value : throw new ArgumentOutOfRangeException(nameof(HopSamples), value, "hop must be non-negative");
    }

    /// <summary>What to do with a last, partial clip.</summary>
    public TailPolicy Tail { get; init; } = TailPolicy.Drop;

    /// <summary>At most this many clips per track (null: as many as fit).</summary>
    public int? MaxClipsPerTrack
    {
        get => _max;
        init => _max = value is null or > 0 ? value : throw new ArgumentOutOfRangeException(nameof(MaxClipsPerTrack), value, "must be positive");
    }
}
