namespace GenreNotebooks.Datasets;

/// <summary>
/// Where a dataset's tracks come from.
/// </summary>
public enum DatasetSource
{
    /// <summary>The real GTZAN, Kaggle layout (<c>genres_original/&lt;genre&gt;/&lt;genre&gt;.000NN.wav</c>).</summary>
    GtzanKaggle,
    /// <summary>The real GTZAN, original marsyas tarball layout (<c>genres/&lt;genre&gt;/&lt;genre&gt;.000NN.au</c>).</summary>
    GtzanTarball,
    /// <summary>The synthetic GTZAN-shaped music of <see cref="SyntheticDataset"/>.</summary>
    Synthetic,
    /// <summary>A user folder with one sub-folder of audio files per genre.</summary>
    Custom,
}
