using GenreNotebooks.Audio;

namespace GenreNotebooks.Datasets;

/// <summary>
/// Settings of a dataset check (<see cref="CustomGenres.Load"/>, <see cref="ValidatedDataset.Check"/>): the smallest
/// usable genre, the clip length a track must reach, the sample rate the tracks are decoded at, what to do with
/// colliding genre spellings and duplicates across genres.
/// Taught in notebooks/09-new-genres.
/// </summary>
public sealed record DatasetCheckOptions
{
    private readonly int _minTracks = 10;
    private readonly int _sampleRate = 22050;
    private readonly ClipOptions _clips = ClipOptions.ThreeSeconds;

    /// <summary>The defaults: at least 10 tracks per genre, 3-s clips, 22050 Hz, spellings pooled, first copy kept.</summary>
    public static DatasetCheckOptions Default { get; } = new();

    /// <summary>
    /// A genre with fewer usable tracks is excluded (default 10: the smallest genre an 80/10/10 split by track gives
    /// at least one validation and one test track). 1 keeps every non-empty genre.
    /// </summary>
    public int MinTracksPerGenre
    {
        get => _minTracks;
        init => _minTracks = value >= 1 ? value : throw new ArgumentOutOfRangeException(nameof(MinTracksPerGenre), value, "must be at least 1");
    }

    /// <summary>
    /// The clips the tracks will be cut into (default 3 s): a track that gives none is excluded as too short, and the
    /// class-balance table counts these clips. Check with the longest clip length you will train on (e.g.
    /// <see cref="ClipOptions.NineSeconds"/> when comparing 3-s and 9-s clips), so both use the same tracks.
    /// </summary>
    public ClipOptions Clips
    {
        get => _clips;
        init => _clips = value ?? throw new ArgumentNullException(nameof(Clips));
    }

    /// <summary>The rate tracks are decoded at (default 22050 Hz, as the mel cache).</summary>
    public int SampleRate
    {
        get => _sampleRate;
        init => _sampleRate = value > 0 ? value : throw new ArgumentOutOfRangeException(nameof(SampleRate), value, "must be positive");
    }

    /// <summary>
    /// Custom folders whose names collide (<see cref="GenreNames.Key"/>: <c>hip-hop/</c> and <c>hiphop/</c>) are pooled
    /// into one genre when true (default), reported; when false only the first folder (ordinal) is read and the others
    /// are excluded, reported.
    /// </summary>
    public bool MergeGenreSpellings { get; init; } = true;

    /// <summary>Byte-identical files under different genres: keep the first copy (default) or exclude them all.</summary>
    public DuplicatePolicy CrossGenreDuplicates { get; init; } = DuplicatePolicy.KeepFirst;

    /// <summary>
    /// Decodes a file to mono at <see cref="SampleRate"/>; null (default) uses <see cref="AudioFile.Load"/> (WAV and AU
    /// here, other formats through the readers <see cref="AudioFile"/> has, ffmpeg for the rest).
    /// </summary>
    public Func<string, AudioSignal>? Load { get; init; }

    /// <summary>Files hashed and decoded at once; -1 (default) for one per core.</summary>
    public int MaxParallelism { get; init; } = -1;
}
