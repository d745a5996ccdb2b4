namespace GenreNotebooks.Datasets;

/// <summary>
/// A track that passed a dataset check, with what the check measured: its length at the check's sample rate and
/// the SHA-256 of the file's bytes (the duplicate test).
/// </summary>
/// <param name="Track">The track (id, genre, path).</param>
/// <param name="RelativePath">Its path relative to the dataset root, with '/' separators.</param>
/// <param name="Samples">Decoded length in samples at <paramref name="SampleRate"/>.</param>
/// <param name="SampleRate">The rate it was decoded at.</param>
/// <param name="Sha256">SHA-256 of the file's bytes, lower-case hex.</param>
public sealed record CheckedTrack(Track Track, string RelativePath, long Samples, int SampleRate, string Sha256)
{
    /// <summary>Length in seconds.</summary>
    public double DurationSeconds => (double)Samples / SampleRate;

    /// <summary>Number of clips <paramref name="clips"/> cuts from it (<see cref="Datasets.Clips.Plan"/>).</summary>
    public int ClipCount(ClipOptions clips) =>
        Datasets.Clips.Plan(Track, (int)Math.Min(Samples, int.MaxValue), clips).Count;
}
