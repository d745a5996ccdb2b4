namespace GenreNotebooks.Datasets;

/// <summary>
/// Turns any folder with one sub-folder of audio files per genre (<c>&lt;root&gt;/&lt;genre&gt;/*.{wav,au,mp3,...}</c>)
/// into a <see cref="GenreDataset"/> with the same <see cref="Track"/> type as GTZAN; ids are
/// <c>&lt;genre&gt;.&lt;file stem&gt;</c> (lower case).
/// </summary>
public static class CustomGenres
{
    /// <summary>Reads <paramref name="root"/>; empty genre folders and unreadable files are reported in the warnings.</summary>
    /// <exception cref="DirectoryNotFoundException">The folder does not exist.</exception>
    public static GenreDataset Read(string root, bool checkHeaders = true)
    {
        ArgumentNullException.ThrowIfNull(root);
        if (!Directory.Exists(root))
            throw new DirectoryNotFoundException($"Custom genre folder '{root}' does not exist (expected <root>/<genre>/*.wav|mp3|...).");
        var (tracks, warnings, _) = GenreFolderScanner.Scan(root, null, null, gtzanNames: false, checkHeaders);
        return new GenreDataset(DatasetSource.Custom, root, tracks, warnings, null, $"custom genre folders at {root}");
    }

    /// <summary>
    /// Combines datasets (e.g. GTZAN plus custom rap and Brazilian funk folders); track ids must not collide.
    /// The result's source is that of the first dataset, its warnings and missing ids are concatenated.
    /// </summary>
    public static GenreDataset Combine(params GenreDataset[] datasets)
    {
        if (datasets.Length == 0) throw new ArgumentException("nothing to combine", nameof(datasets));
        return new GenreDataset(datasets[0].Source, datasets[0].Root, datasets.SelectMany(d => d.Tracks),
            datasets.SelectMany(d => d.Warnings), datasets.SelectMany(d => d.MissingIds),
            string.Join(" + ", datasets.Select(d => d.Description)));
    }
}
