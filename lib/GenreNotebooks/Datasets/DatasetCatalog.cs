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
    /// <exception cref="InvalidDataException">A GTZAN folder is there but holds no readable track (an unfinished
    /// download or unpacking); the message names the folder and what the reader found, rather than letting the
    /// notebooks fail later on an empty dataset or silently switching to synthetic data.</exception>
    public static GenreDataset OpenDefault(int syntheticTracksPerGenre, int seed = SyntheticDataset.DefaultSeed,
        IProgress<SynthesisProgress>? progress = null, string? gtzanRoot = null)
    {
        var loc = GtzanReader.Find(gtzanRoot ?? GtzanReader.DefaultRoot());
        if (loc is null) return SyntheticDataset.OpenDefault(syntheticTracksPerGenre, seed, null, progress);
        var gtzan = GtzanReader.Read(loc);
        if (gtzan.Tracks.Count == 0)
            throw new InvalidDataException(
                $"GTZAN folder '{loc.AudioRoot}' holds no readable track ({string.Join("; ", gtzan.Warnings.Take(3))}). " +
                "Complete the download (see datasets/README.md) or remove the folder to use the synthetic dataset.");
        return gtzan;
    }
}
