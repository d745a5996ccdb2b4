using GenreNotebooks.Audio;

namespace GenreNotebooks.Features;

/// <summary>
/// Settings of a folder feature extraction (<see cref="FeatureExtraction"/>). Defaults: 30-s rows (one per file),
/// all cores, labels from the file names, audio loaded with <see cref="AudioFile.Load"/> at 22050 Hz mono.
/// </summary>
public sealed record FeatureExtractionOptions
{
    /// <summary>0 (default): one row per file over the whole file (<c>features_30_sec.csv</c>); n &gt; 0: Kaggle's 3-s rows, n consecutive segments of 66149 samples per file (<c>features_3_sec.csv</c> uses 10).</summary>
    public int Segments { get; init; }

    /// <summary>Files processed at once (default: every core). Each file runs on one thread.</summary>
    public int Threads { get; init; } = Environment.ProcessorCount;

    /// <summary>A label for every row; null (default) takes it from the file name <c>&lt;genre&gt;.&lt;digits&gt;.wav</c> or else the parent folder.</summary>
    public string? Label { get; init; }

    /// <summary>File extensions (lower case, with the dot) picked up when a folder is given.</summary>
    public IReadOnlyList<string> Extensions { get; init; } = [".wav", ".au", ".mp3", ".flac", ".ogg", ".m4a"];

    /// <summary>How a file becomes a 22050-Hz mono signal; null means <c>AudioFile.Load(path, 22050, mono: true)</c>.</summary>
    public Func<string, AudioSignal>? Loader { get; init; }

    /// <summary>Checks the settings.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Segments is negative or Threads below 1.</exception>
    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfNegative(Segments);
        ArgumentOutOfRangeException.ThrowIfLessThan(Threads, 1);
        ArgumentNullException.ThrowIfNull(Extensions);
    }
}
