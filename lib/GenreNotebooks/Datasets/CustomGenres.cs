namespace GenreNotebooks.Datasets;

/// <summary>
/// Your own genres: a folder with one sub-folder of audio per genre (<c>&lt;root&gt;/&lt;genre&gt;/**/*.{wav,au,mp3,...}</c>,
/// files at any depth below the genre folder, e.g. one folder per album) becomes a dataset with the same
/// <see cref="Track"/> type as GTZAN. Genre labels follow <see cref="GenreNames.Label"/> (<c>Hip-Hop/</c> is
/// <c>hiphop</c>, <c>Brazilian Funk/</c> is <c>brazilian_funk</c>); folders whose names collide
/// (<see cref="GenreNames.Key"/>) are one genre. Track ids are <c>&lt;label&gt;.&lt;path below the genre folder&gt;</c>,
/// lower case, each folder level and the file stem slugged and joined by '.' (<c>rap/Album 1/Intro.mp3</c> is
/// <c>rap.album_1.intro</c>; GTZAN-style <c>rap/rap.00012.wav</c> is <c>rap.00012</c>); a clash gets <c>_2</c>, reported.
/// Taught in notebooks/09-new-genres.
/// </summary>
public static class CustomGenres
{
    /// <summary>
    /// Lists <paramref name="root"/> without decoding anything (fast): files whose first bytes are not what their
    /// extension says are skipped when <paramref name="checkHeaders"/>; every skipped or odd item is a warning.
    /// <see cref="Load"/> does the full check (decoding, duplicates, too-short tracks, small genres).
    /// </summary>
    /// <exception cref="DirectoryNotFoundException">The folder does not exist.</exception>
    public static GenreDataset Read(string root, bool checkHeaders = true)
    {
        EnsureFolder(root);
        var (candidates, issues) = CustomFolderScanner.Scan(root, mergeSpellings: true);
        var tracks = new List<Track>();
        foreach (var c in candidates)
        {
            if (checkHeaders && AudioHeader.Problem(c.Track.Path) is { } problem)
            {
                issues.Add(new DatasetIssue(DatasetIssueKind.Unreadable, Path.GetFullPath(root), c.Track.Path, c.Track.Genre,
                    $"'{c.RelativePath}' (track {c.Track.Id}): {problem}", true));
                continue;
            }
            tracks.Add(c.Track);
        }
        return new GenreDataset(DatasetSource.Custom, Path.GetFullPath(root), tracks, new DatasetReport(issues).Issues.Select(i => i.ToString()),
            null, $"custom genre folders at {Path.GetFullPath(root)}");
    }

    /// <summary>
    /// Reads and checks <paramref name="root"/>: every audio file is hashed (SHA-256 of its bytes) and decoded once at
    /// <see cref="DatasetCheckOptions.SampleRate"/>. Left out, each with a <see cref="DatasetIssue"/> naming it:
    /// unreadable files, byte-identical duplicates within and across genres (which copy is kept and why:
    /// <see cref="DuplicatePolicy"/>), tracks shorter than one clip of <see cref="DatasetCheckOptions.Clips"/>, genres
    /// with fewer than <see cref="DatasetCheckOptions.MinTracksPerGenre"/> usable tracks, audio outside genre folders,
    /// folders without a usable name. Noted but kept: pooled genre spellings, renamed ids, ignored non-audio files.
    /// Nothing usable is left out without an entry in the report.
    /// </summary>
    /// <exception cref="DirectoryNotFoundException">The folder does not exist.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public static ValidatedDataset Load(string root, DatasetCheckOptions? options = null, IProgress<int>? progress = null,
        CancellationToken cancellationToken = default)
    {
        EnsureFolder(root);
        options ??= DatasetCheckOptions.Default;
        string full = Path.GetFullPath(root);
        var (candidates, issues) = CustomFolderScanner.Scan(full, options.MergeGenreSpellings);
        return TrackChecker.Check(DatasetSource.Custom, full, $"custom genre folders at {full}", candidates, issues, [], options, progress, cancellationToken);
    }

    /// <summary>
    /// Combines listed datasets without checks; track ids must not collide. The result's source is that of the first
    /// dataset, its warnings and missing ids are concatenated. <see cref="ValidatedDataset.Merge"/> is the checked
    /// way (genre name collisions, duplicates across the datasets).
    /// </summary>
    public static GenreDataset Combine(params GenreDataset[] datasets)
    {
        if (datasets.Length == 0) throw new ArgumentException("nothing to combine", nameof(datasets));
        return new GenreDataset(datasets[0].Source, datasets[0].Root, datasets.SelectMany(d => d.Tracks),
            datasets.SelectMany(d => d.Warnings), datasets.SelectMany(d => d.MissingIds),
            string.Join(" + ", datasets.Select(d => d.Description)));
    }

    private static void EnsureFolder(string root)
    {
        ArgumentNullException.ThrowIfNull(root);
        if (!Directory.Exists(root))
            throw new DirectoryNotFoundException($"Custom genre folder '{root}' does not exist (expected <root>/<genre>/*.wav|mp3|...).");
    }
}
