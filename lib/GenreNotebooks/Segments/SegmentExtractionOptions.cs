using GenreNotebooks.Audio;

namespace GenreNotebooks.Segments;

/// <summary>
/// Settings of a many-track segment extraction (<see cref="SegmentExtraction"/>). Defaults: every core, one track per
/// core, audio loaded with <see cref="AudioFile.Load"/> at 22050 Hz mono, <see cref="SegmentOptions"/>' defaults.
/// </summary>
public sealed record SegmentExtractionOptions
{
    /// <summary>Tracks analysed at once (default: every core). Each track runs on one thread.</summary>
    public int Threads { get; init; } = Environment.ProcessorCount;

    /// <summary>Sample rate the audio is loaded at and every track must have. Default 22050.</summary>
    public int SampleRate { get; init; } = 22050;

    /// <summary>The segmentation settings, the same for every track.</summary>
    public SegmentOptions Segments { get; init; } = new();

    /// <summary>How a file becomes a mono signal at <see cref="SampleRate"/>; null means <c>AudioFile.Load(path, SampleRate, mono: true)</c>.</summary>
    public Func<string, AudioSignal>? Loader { get; init; }

    /// <summary>Checks the settings.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Threads below 1, a rate that is not positive, or invalid segment settings.</exception>
    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(Threads, 1);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(SampleRate);
        ArgumentNullException.ThrowIfNull(Segments);
        Segments.Validate(SampleRate);
    }
}
