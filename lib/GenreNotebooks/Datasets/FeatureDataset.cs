using GenreNotebooks.Features;

namespace GenreNotebooks.Datasets;

/// <summary>
/// The two GTZAN feature tables a feature notebook trains on: one row per 30-s track (<c>features_30_sec.csv</c>) and
/// ten rows per track, one per 3-s segment (<c>features_3_sec.csv</c>). <see cref="OpenDefault"/> reads Kaggle's CSVs
/// when <c>datasets/gtzan/</c> has them; otherwise it extracts the same columns from the audio of the default dataset
/// (GTZAN audio, or the synthetic set) with <see cref="FeatureExtraction"/>, the code path of <c>genre features</c>,
/// into CSVs under <c>datasets/cache/features/</c> that later runs reuse (and extend when more tracks are asked for).
/// Taught in notebooks/04-feature-networks-and-cross-validation.
/// </summary>
public sealed class FeatureDataset
{
    private FeatureDataset(FeatureTable thirty, string thirtySource, FeatureTable three, string threeSource, bool synthetic, IReadOnlyList<string> warnings)
    {
        ThirtySeconds = thirty;
        ThreeSeconds = three;
        ThirtySecondsSource = thirtySource;
        ThreeSecondsSource = threeSource;
        IsSynthetic = synthetic;
        Description = thirtySource == threeSource ? thirtySource : $"30-s table: {thirtySource}; 3-s table: {threeSource}";
        Warnings = warnings;
    }

    /// <summary>One row per track (features over the whole track).</summary>
    public FeatureTable ThirtySeconds { get; }

    /// <summary>Rows of 3-s segments (66149 samples each, Kaggle's segmentation), ten per 30-s track.</summary>
    public FeatureTable ThreeSeconds { get; }

    /// <summary>True when the rows come from the synthetic stand-in, not GTZAN.</summary>
    public bool IsSynthetic { get; }

    /// <summary>Where the 30-s rows come from: Kaggle's CSV (its path) or the audio they were extracted from.</summary>
    public string ThirtySecondsSource { get; }

    /// <summary>Where the 3-s rows come from: Kaggle's CSV (its path) or the audio they were extracted from.</summary>
    public string ThreeSecondsSource { get; }

    /// <summary>Where the rows come from, in one line (both tables).</summary>
    public string Description { get; }

    /// <summary>Files that could not be processed, naming each with its reason.</summary>
    public IReadOnlyList<string> Warnings { get; }

    /// <summary>
    /// Each of Kaggle's two CSVs from <paramref name="gtzanRoot"/> (default <c>datasets/gtzan/</c>) that is there, all
    /// its rows; the table whose CSV is missing is extracted from the first <paramref name="tracksPerGenre"/> tracks of
    /// each genre (by id; all when null) of the default dataset (<see cref="DatasetCatalog.OpenDefault"/> with
    /// <paramref name="syntheticTracksPerGenre"/> and <paramref name="seed"/>: GTZAN audio when present, else the
    /// synthetic set). <see cref="ThirtySecondsSource"/> and <see cref="ThreeSecondsSource"/> say which happened.
    /// </summary>
    public static FeatureDataset OpenDefault(int syntheticTracksPerGenre, int? tracksPerGenre = null, int seed = SyntheticDataset.DefaultSeed,
        IProgress<FeatureExtractionProgress>? progress = null, string? gtzanRoot = null, string? cacheRoot = null)
    {
        var loc = GtzanReader.Find(gtzanRoot ?? GtzanReader.DefaultRoot());
        if (loc is { Features30Sec: { } f30, Features3Sec: { } f3 })
            return new FeatureDataset(FeatureTable.ReadCsv(f30), $"Kaggle's GTZAN CSV {f30}, all rows", FeatureTable.ReadCsv(f3), $"Kaggle's GTZAN CSV {f3}, all rows", false, []);
        var dataset = DatasetCatalog.OpenDefault(syntheticTracksPerGenre, seed, gtzanRoot: gtzanRoot);
        // A Kaggle CSV only counts for real GTZAN audio: the synthetic stand-in is never mixed with GTZAN rows.
        string? kaggle30 = dataset.IsSynthetic ? null : loc?.Features30Sec, kaggle3 = dataset.IsSynthetic ? null : loc?.Features3Sec;
        return ExtractCore(dataset, tracksPerGenre, progress, cacheRoot, kaggle30, kaggle3);
    }

    /// <summary>
    /// Feature rows of the first <paramref name="tracksPerGenre"/> tracks of each genre of <paramref name="dataset"/>
    /// (all when null), extracted into cached CSVs (resumable; rows already there are not recomputed).
    /// </summary>
    public static FeatureDataset Extract(GenreDataset dataset, int? tracksPerGenre = null, IProgress<FeatureExtractionProgress>? progress = null,
        string? cacheRoot = null) => ExtractCore(dataset, tracksPerGenre, progress, cacheRoot, null, null);

    // Extracts the tables whose Kaggle CSV is not given; reads the given ones whole.
    private static FeatureDataset ExtractCore(GenreDataset dataset, int? tracksPerGenre, IProgress<FeatureExtractionProgress>? progress,
        string? cacheRoot, string? kaggle30, string? kaggle3)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        if (tracksPerGenre is < 1) throw new ArgumentOutOfRangeException(nameof(tracksPerGenre), tracksPerGenre, "at least one track per genre");
        var tracks = dataset.Genres.SelectMany(g => dataset.Tracks.Where(t => t.Genre == g).Take(tracksPerGenre ?? int.MaxValue)).ToArray();
        string folder = Path.Combine(cacheRoot ?? Path.Combine(ProjectPaths.Datasets(), "cache"), "features",
            dataset.IsSynthetic ? Path.GetFileName(Path.GetDirectoryName(Path.GetFullPath(dataset.Root).TrimEnd(Path.DirectorySeparatorChar))) ?? "synthetic" : "gtzan");
        var files = tracks.Select(t => t.Path).ToArray();
        var warnings = new List<string>();
        int perGenre = tracks.GroupBy(t => t.Genre).Min(g => g.Count());
        string what = dataset.IsSynthetic ? "SYNTHETIC audio (not GTZAN)" : dataset.Source == DatasetSource.Custom ? "audio of your genre folders" : "GTZAN audio";
        string extractedFrom = $"extracted from {what}: {tracks.Length} tracks ({dataset.Genres.Count} genres x {perGenre}+) of {dataset.Description}; cached in {folder}";
        (FeatureTable Table, string Source) Table(string? kaggleCsv, string csv, int segments)
        {
            if (kaggleCsv is not null) return (FeatureTable.ReadCsv(kaggleCsv), $"Kaggle's GTZAN CSV {kaggleCsv}, all rows");
            var report = FeatureExtraction.Run(files, csv, new FeatureExtractionOptions { Segments = segments }, progress);
            warnings.AddRange(report.Failures.Select(f => f.Error));
            var wanted = tracks.Select(t => Path.GetFileNameWithoutExtension(t.Path)).ToHashSet(StringComparer.Ordinal);
            var table = FeatureTable.ReadCsv(csv);
            // The cache may hold rows of more tracks from an earlier, larger run: keep the asked-for ones, in track order.
            var rows = Enumerable.Range(0, table.RowCount).Where(r => wanted.Contains(table.TrackIds[r].Track))
                .OrderBy(r => table.TrackIds[r].Track, StringComparer.Ordinal).ThenBy(r => table.TrackIds[r].Segment ?? 0);
            string missing = kaggle30 is null && kaggle3 is null ? "" : segments == 0 ? " (no Kaggle features_30_sec.csv)" : " (no Kaggle features_3_sec.csv)";
            return (table.SelectRows(rows), extractedFrom + missing);
        }
        Directory.CreateDirectory(folder);
        var thirty = Table(kaggle30, Path.Combine(folder, "features_30_sec.csv"), 0);
        var three = Table(kaggle3, Path.Combine(folder, "features_3_sec.csv"), 10);
        return new FeatureDataset(thirty.Table, thirty.Source, three.Table, three.Source, dataset.IsSynthetic, warnings);
    }

    /// <inheritdoc />
    public override string ToString() => $"{Description}: {ThirtySeconds.RowCount} 30-s rows, {ThreeSeconds.RowCount} 3-s rows";
}
