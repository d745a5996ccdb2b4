using GenreNotebooks.Audio;

namespace GenreNotebooks.Datasets.Synthesis;

/// <summary>
/// Generates GTZAN-shaped synthetic music: one track of a genre, deterministic from (seed, genre, track index) alone,
/// so a track is the same whichever other tracks are generated, in whatever order or on however many threads.
/// Taught in notebooks/02-building-the-datasets.
/// </summary>
public static class SyntheticGenres
{
    /// <summary>GTZAN's sample rate, 22050 Hz.</summary>
    public const int SampleRate = 22050;

    /// <summary>GTZAN's nominal track length, 30 s.</summary>
    public const double TrackSeconds = 30.0;

    /// <summary>
    /// Renders track <paramref name="trackIndex"/> of <paramref name="genre"/> for <paramref name="seed"/>:
    /// mono float32 at <paramref name="sampleRate"/> Hz, <paramref name="durationSeconds"/> long, peaks below 1.
    /// </summary>
    /// <exception cref="ArgumentException">Unknown genre (the message lists the known ones).</exception>
    public static AudioSignal Generate(string genre, int trackIndex, int seed, double durationSeconds = TrackSeconds, int sampleRate = SampleRate)
    {
        var recipe = GenreRecipes.Get(genre);
        return Generate(recipe, trackIndex, seed, durationSeconds, sampleRate);
    }

    /// <summary>Renders a track from an explicit (possibly modified) <paramref name="recipe"/>; see the other overload.</summary>
    public static AudioSignal Generate(GenreRecipe recipe, int trackIndex, int seed, double durationSeconds = TrackSeconds, int sampleRate = SampleRate)
    {
        ArgumentNullException.ThrowIfNull(recipe);
        ArgumentOutOfRangeException.ThrowIfNegative(trackIndex);
        ArgumentOutOfRangeException.ThrowIfLessThan(sampleRate, 8000);
        if (!(durationSeconds > 0 && durationSeconds <= 600))
            throw new ArgumentOutOfRangeException(nameof(durationSeconds), durationSeconds, "duration must be in (0, 600] seconds");
        var rng = new SynthRandom(SynthRandom.DeriveSeed(seed, recipe.Name, trackIndex));
        var renderer = new TrackRenderer(recipe, rng, sampleRate);
        int length = (int)Math.Round(durationSeconds * sampleRate);
        return new AudioSignal(renderer.Render(length), sampleRate);
    }

    /// <summary>
    /// What track <paramref name="trackIndex"/> of <paramref name="genre"/> for <paramref name="seed"/> is made of
    /// (tempo, key, groove, progression, instruments), without rendering it: the same choices <see cref="Generate(string, int, int, double, int)"/> makes.
    /// </summary>
    public static TrackDescription Describe(string genre, int trackIndex, int seed, int sampleRate = SampleRate)
    {
        var recipe = GenreRecipes.Get(genre);
        var rng = new SynthRandom(SynthRandom.DeriveSeed(seed, recipe.Name, trackIndex));
        return new TrackRenderer(recipe, rng, sampleRate).Describe(trackIndex, seed);
    }

    /// <summary>
    /// Track <paramref name="trackIndex"/> of <paramref name="genre"/> as a song that can be rendered in any genre's
    /// style (an original and its remixes); see <see cref="SyntheticSong"/>. Taught in notebooks/07-whole-songs-and-remixes.
    /// </summary>
    public static SyntheticSong Song(string genre, int trackIndex, int seed) => new(genre, trackIndex, seed);

    /// <summary>
    /// The song of track <paramref name="trackIndex"/> of <paramref name="songGenre"/> rendered in the style of
    /// <paramref name="styleGenre"/>: same key, progression, melody and sections, the style's arrangement, drums,
    /// bass and timbres, the tempo by <see cref="SyntheticSong.StyleTempo"/>. Shorthand for
    /// <c>Song(songGenre, trackIndex, seed).Render(styleGenre, ...)</c>.
    /// </summary>
    /// <exception cref="ArgumentException">Unknown genre.</exception>
    public static AudioSignal Remix(string songGenre, int trackIndex, int seed, string styleGenre,
        double durationSeconds = TrackSeconds, int sampleRate = SampleRate) =>
        Song(songGenre, trackIndex, seed).Render(styleGenre, durationSeconds, sampleRate);

    /// <summary>The GTZAN-style track id, e.g. <c>blues.00042</c>.</summary>
    public static string TrackId(string genre, int trackIndex) => $"{genre}.{trackIndex:D5}";
}
