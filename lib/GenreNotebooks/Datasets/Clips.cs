using GenreNotebooks.Audio;

namespace GenreNotebooks.Datasets;

/// <summary>
/// Cuts tracks into clips (3 s, 9 s, any length) with ids <c>&lt;track&gt;.&lt;k&gt;</c>; the tail shorter than a clip
/// is dropped or zero-padded as <see cref="ClipOptions.Tail"/> says. Taught in notebooks/02-building-the-datasets;
/// slicing a whole song (hop, tail) in notebooks/07-whole-songs-and-remixes.
/// </summary>
public static class Clips
{
    /// <summary>The clips of <paramref name="track"/> given its length in samples.</summary>
    public static IReadOnlyList<Clip> Plan(Track track, int trackSamples, ClipOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(track);
        ArgumentOutOfRangeException.ThrowIfNegative(trackSamples);
        var o = options ?? ClipOptions.ThreeSeconds;
        var clips = new List<Clip>();
        for (int start = 0, k = 0; start < trackSamples; start += o.HopSamples, k++)
        {
            if (o.MaxClipsPerTrack is { } max && k >= max) break;
            bool whole = start + (long)o.LengthSamples <= trackSamples;
            if (!whole && o.Tail == TailPolicy.Drop) break;
            clips.Add(new Clip(track.Id, track.Genre, k, start, o.LengthSamples));
            if (!whole) break;
        }
        return clips;
    }

    /// <summary>The samples of <paramref name="clip"/> from its track's <paramref name="signal"/>, zero-padded past the end.</summary>
    /// <exception cref="ArgumentException">The clip starts beyond the signal.</exception>
    public static AudioSignal Cut(AudioSignal signal, Clip clip)
    {
        ArgumentNullException.ThrowIfNull(signal);
        ArgumentNullException.ThrowIfNull(clip);
        if (clip.Start >= signal.Length)
            throw new ArgumentException($"clip {clip.Id} starts at sample {clip.Start}, past the end of its {signal.Length}-sample track", nameof(clip));
        var y = new float[clip.Length];
        int n = Math.Min(clip.Length, signal.Length - clip.Start);
        signal.Samples.AsSpan(clip.Start, n).CopyTo(y);
        return new AudioSignal(y, signal.SampleRate);
    }

    /// <summary>
    /// Loads every track with <paramref name="loader"/> to learn its length and plans its clips; unreadable tracks are
    /// skipped and named in <paramref name="warnings"/>.
    /// </summary>
    public static IReadOnlyList<Clip> PlanAll(IEnumerable<Track> tracks, TrackAudioLoader loader, ICollection<string> warnings, ClipOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(loader);
        var clips = new List<Clip>();
        foreach (var (track, signal) in loader.LoadEach(tracks, warnings))
        {
            var planned = Plan(track, signal.Length, options);
            if (planned.Count == 0)
                warnings.Add($"track {track.Id} ('{track.Path}') is {signal.DurationSeconds:F2} s, shorter than one clip; no clips");
            clips.AddRange(planned);
        }
        return clips;
    }
}
