namespace GenreNotebooks.Datasets;

/// <summary>
/// Where the parts of a GTZAN copy were found: the audio folder (<c>genres_original/</c> or <c>genres/</c>), and for
/// the Kaggle layout the feature CSVs and spectrogram images when present.
/// </summary>
/// <param name="Layout"><see cref="DatasetSource.GtzanKaggle"/> or <see cref="DatasetSource.GtzanTarball"/>.</param>
/// <param name="DataRoot">The folder holding the audio folder (e.g. <c>datasets/gtzan/Data</c>).</param>
/// <param name="AudioRoot">The folder with one sub-folder per genre.</param>
/// <param name="Features30Sec">Kaggle's <c>features_30_sec.csv</c>, or null.</param>
/// <param name="Features3Sec">Kaggle's <c>features_3_sec.csv</c> (computed on 66149-sample segments), or null.</param>
/// <param name="ImagesRoot">Kaggle's <c>images_original/</c> (<c>&lt;genre&gt;/&lt;genre&gt;000NN.png</c>), or null.</param>
public sealed record GtzanLocation(DatasetSource Layout, string DataRoot, string AudioRoot, string? Features30Sec, string? Features3Sec, string? ImagesRoot);
