using GenreNotebooks.Audio;

namespace GenreNotebooks.Datasets;

/// <summary>
/// Loads tracks' audio through a replaceable load function (path to mono <see cref="AudioSignal"/> at
/// <see cref="SampleRate"/>) and turns every failure into a skip with a message naming the file, so batch jobs never
/// die on one bad file and never drop it silently. Taught in notebooks/02-building-the-datasets.
/// </summary>
public sealed class TrackAudioLoader
{
    private readonly Func<string, AudioSignal> _load;

    /// <summary>
    /// A loader using <paramref name="load"/> (default: <see cref="AudioFile.Load"/> at <paramref name="sampleRate"/>, mono:
    /// WAV and AU decoded directly, other formats through ffmpeg when installed).
    /// </summary>
    public TrackAudioLoader(Func<string, AudioSignal>? load = null, int sampleRate = 22050)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(sampleRate);
        SampleRate = sampleRate;
        _load = load ?? (path => AudioFile.Load(path, sampleRate, mono: true));
    }

    /// <summary>The sample rate the signals are expected at.</summary>
    public int SampleRate { get; }

    /// <summary>Loads <paramref name="track"/>; false with a message naming the file when it cannot be read.</summary>
    public bool TryLoad(Track track, out AudioSignal? signal, out string? problem)
    {
        ArgumentNullException.ThrowIfNull(track);
        try
        {
            signal = _load(track.Path);
            if (signal.SampleRate != SampleRate)
            {
                problem = $"skipped '{track.Path}' (track {track.Id}): loaded at {signal.SampleRate} Hz, expected {SampleRate} Hz";
                signal = null;
                return false;
            }
            if (signal.Length == 0)
            {
                problem = $"skipped '{track.Path}' (track {track.Id}): no samples";
                signal = null;
                return false;
            }
            problem = null;
            return true;
        }
        catch (Exception e) when (e is not OutOfMemoryException and not OperationCanceledException)
        {
            signal = null;
            problem = $"skipped '{track.Path}' (track {track.Id}): {e.GetType().Name}: {e.Message}";
            return false;
        }
    }

    /// <summary>
    /// Loads each track in turn, yielding the readable ones and adding one message per skipped file to
    /// <paramref name="warnings"/>. Lazy: one track's samples at a time.
    /// </summary>
    public IEnumerable<(Track Track, AudioSignal Signal)> LoadEach(IEnumerable<Track> tracks, ICollection<string> warnings)
    {
        ArgumentNullException.ThrowIfNull(tracks);
        ArgumentNullException.ThrowIfNull(warnings);
        foreach (var t in tracks)
        {
            if (TryLoad(t, out var s, out var problem)) yield return (t, s!);
            else lock (warnings) warnings.Add(problem!);
        }
    }
}
