using GenreNotebooks.Audio;

namespace GenreNotebooks.Datasets.Synthesis;

/// <summary>
/// One synthetic song that can be rendered in any genre's style: the synthetic counterpart of an original and its
/// remixes (the BU paper's "Rude Boy" and its Brazilian funk remix).
/// <para>
/// What belongs to the <b>song</b> is drawn from the song's genre and its seed, exactly as for the generated track
/// <c>SyntheticGenres.Generate(genre, trackIndex, seed)</c>: key, chord progression, meter, melody (notes and register),
/// sections (which parts play in which bars), where in the song the excerpt starts (in beats) and whether it has a melody.
/// What belongs to the <b>style</b> is drawn from the style genre's recipe, with the style genre's own stream for the same
/// track index: drum groove and kit, bass line and timbre, chord part and instrument, second layer, melody instrument,
/// rapped vocal, swing, distortion, side-chain, reverb, brightness, noise and loudness.
/// </para>
/// <para>
/// <b>Tempo rule</b> (<see cref="StyleTempo"/>): the song's tempo when the style's groove allows it; otherwise double
/// or half of it (a half-time or double-time feel) if that falls in the style's range; otherwise the nearest end of the
/// style's range. A pop song at 110 bpm stays at 110 as rock (95-160), becomes 125 as Brazilian funk (125-135, the
/// nearest end) and 92 as reggae (62-92: neither 220 nor 55 fits, 92 is the nearest end). The melody and chords keep their positions in
/// beats, so the song is the same, only faster or slower.
/// </para>
/// <para>
/// <b>Meter</b>: a style groove in the song's meter (4, 3 or 12 beats per bar); when the style has none, the plain
/// groove of that meter (backbeat, waltz, palmas).
/// </para>
/// The rendering in the song's own genre (<see cref="Original"/>) has every choice of the generated track (tempo, key,
/// groove, instruments, mix), but not its samples: a generated track draws melody and arrangement from one stream,
/// which no other style could share, so a song keeps its melody and sections in a stream of their own.
/// Deterministic: the same (genre, track index, seed, style) always gives the same samples.
/// Taught in notebooks/07-whole-songs-and-remixes.
/// </summary>
public sealed class SyntheticSong
{
    /// <summary>The song of track <paramref name="trackIndex"/> of <paramref name="genre"/> for <paramref name="seed"/>.</summary>
    /// <exception cref="ArgumentException">Unknown genre (the message lists the known ones).</exception>
    public SyntheticSong(string genre, int trackIndex, int seed)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(trackIndex);
        Genre = GenreRecipes.Get(genre).Name;
        TrackIndex = trackIndex;
        Seed = seed;
    }

    /// <summary>The song's own genre (its key, progression, melody and sections come from this genre's recipe).</summary>
    public string Genre { get; }

    /// <summary>Track index within the genre.</summary>
    public int TrackIndex { get; }

    /// <summary>Seed.</summary>
    public int Seed { get; }

    /// <summary>The track id of the song, e.g. <c>pop.00003</c>; a remix's is <see cref="RemixId"/>.</summary>
    public string Id => SyntheticGenres.TrackId(Genre, TrackIndex);

    /// <summary>An id for the song in <paramref name="style"/>: <c>pop.00003</c> for its own genre, <c>pop.00003-as-reggae</c> otherwise.</summary>
    public string RemixId(string style) => GenreRecipes.Get(style).Name == Genre ? Id : $"{Id}-as-{GenreRecipes.Get(style).Name}";

    /// <summary>The song in its own genre: the original.</summary>
    public AudioSignal Original(double durationSeconds = SyntheticGenres.TrackSeconds, int sampleRate = SyntheticGenres.SampleRate) =>
        Render(Genre, durationSeconds, sampleRate);

    /// <summary>
    /// The song in the style of <paramref name="style"/> (its own genre gives the original): mono float32 at
    /// <paramref name="sampleRate"/> Hz, <paramref name="durationSeconds"/> long, peaks below 1.
    /// </summary>
    /// <exception cref="ArgumentException">Unknown style genre.</exception>
    public AudioSignal Render(string style, double durationSeconds = SyntheticGenres.TrackSeconds, int sampleRate = SyntheticGenres.SampleRate)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(sampleRate, 8000);
        if (!(durationSeconds > 0 && durationSeconds <= 600))
            throw new ArgumentOutOfRangeException(nameof(durationSeconds), durationSeconds, "duration must be in (0, 600] seconds");
        var (song, styled) = Renderers(style, sampleRate);
        int length = (int)Math.Round(durationSeconds * sampleRate);
        return new AudioSignal(styled.RenderRemix(song, length), sampleRate);
    }

    /// <summary>What the song is made of in <paramref name="style"/> (tempo, key, groove, instruments), without rendering it.</summary>
    public TrackDescription Describe(string style, int sampleRate = SyntheticGenres.SampleRate)
    {
        var (song, styled) = Renderers(style, sampleRate);
        return styled.DescribeRemix(song, TrackIndex, Seed);
    }

    /// <summary>Renders with a log of the melody and of the parts per bar (for tests).</summary>
    internal (AudioSignal Signal, TrackRenderer.RenderLog Log) RenderLogged(string style, double durationSeconds, int sampleRate = SyntheticGenres.SampleRate)
    {
        var (song, styled) = Renderers(style, sampleRate);
        styled.Log = new TrackRenderer.RenderLog();
        var y = styled.RenderRemix(song, (int)Math.Round(durationSeconds * sampleRate));
        return (new AudioSignal(y, sampleRate), styled.Log);
    }

    /// <summary>
    /// The tempo of a song at <paramref name="songTempo"/> bpm in a style whose groove plays from
    /// <paramref name="min"/> to <paramref name="max"/> bpm: the song's tempo if inside; else double it, else half
    /// it, whichever lands inside first; else the nearest end of the range.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">A tempo or range that is not positive, or min above max.</exception>
    public static float StyleTempo(float songTempo, float min, float max)
    {
        if (!(songTempo > 0)) throw new ArgumentOutOfRangeException(nameof(songTempo), songTempo, "tempo must be positive");
        if (!(min > 0) || !(max >= min)) throw new ArgumentOutOfRangeException(nameof(min), $"tempo range [{min}, {max}] is not a positive range");
        bool Inside(float t) => t >= min && t <= max;
        if (Inside(songTempo)) return songTempo;
        if (Inside(songTempo * 2)) return songTempo * 2;
        if (Inside(songTempo / 2)) return songTempo / 2;
        return songTempo < min ? min : max;
    }

    private (TrackRenderer Song, TrackRenderer Styled) Renderers(string style, int sampleRate)
    {
        var styleRecipe = GenreRecipes.Get(style);
        var song = new TrackRenderer(GenreRecipes.Get(Genre), new SynthRandom(SynthRandom.DeriveSeed(Seed, Genre, TrackIndex)), sampleRate);
        song.ChooseSong();
        var styled = new TrackRenderer(styleRecipe, new SynthRandom(SynthRandom.DeriveSeed(Seed, styleRecipe.Name, TrackIndex)), sampleRate);
        return (song, styled);
    }

    /// <inheritdoc/>
    public override string ToString() => $"song {Id} (seed {Seed})";
}
