namespace GenreNotebooks.Datasets;

/// <summary>
/// The dataset a notebook uses: the real GTZAN when <c>datasets/gtzan/</c> holds it, otherwise the synthetic
/// stand-in (generated on first use). Check <see cref="GenreDataset.IsSynthetic"/> and print
/// <see cref="GenreDataset.Description"/> so readers know which one they see.
/// Taught in notebooks/02-building-the-datasets.
/// </summary>
public static class DatasetCatalog
{
    /// <summary>
    /// GTZAN from <c>datasets/gtzan/</c> if present, else <see cref="SyntheticDataset.OpenDefault"/> with
    /// <paramref name="syntheticTracksPerGenre"/> tracks of each GTZAN genre and <paramref name="seed"/>.
    /// </summary>
    public static GenreDataset OpenDefault(int syntheticTracksPerGenre, int seed = SyntheticDataset.DefaultSeed,
        IProgress<SynthesisProgress>? progress = null, string? gtzanRoot = null)
    {
        var loc = GtzanReader.Find(gtzanRoot ?? GtzanReader.DefaultRoot());
        return loc is not null ? GtzanReader.Read(loc) : SyntheticDataset.OpenDefault(syntheticTracksPerGenre, seed, null, progress);
    }
}
