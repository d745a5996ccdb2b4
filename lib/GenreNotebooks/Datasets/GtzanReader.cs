namespace GenreNotebooks.Datasets;

/// <summary>
/// Finds and lists GTZAN: the Kaggle layout (<c>genres_original/&lt;genre&gt;/&lt;genre&gt;.000NN.wav</c>,
/// <c>features_30_sec.csv</c>, <c>features_3_sec.csv</c>, <c>images_original/</c>), also below Kaggle's extra
/// <c>Data/</c> level, or the original tarball layout (<c>genres/&lt;genre&gt;/&lt;genre&gt;.000NN.au</c>).
/// Names are matched case-insensitively; broken files are skipped with a warning naming them, and expected tracks
/// that are absent are listed. Used in notebooks/01-from-waveform-to-mel.
/// </summary>
public static class GtzanReader
{
    /// <summary>The default place of GTZAN: <c>datasets/gtzan/</c> of the checkout.</summary>
    public static string DefaultRoot() => Path.Combine(ProjectPaths.Datasets(), "gtzan");

    /// <summary>
    /// Looks for GTZAN at or up to three levels below <paramref name="root"/> (default <see cref="DefaultRoot"/>);
    /// prefers <c>genres_original</c> over <c>genres</c>. Null when neither is there.
    /// </summary>
    public static GtzanLocation? Find(string? root = null)
    {
        root ??= DefaultRoot();
        if (!Directory.Exists(root)) return null;
        string? kaggle = null, tarball = null;
        var queue = new Queue<(string Dir, int Depth)>();
        queue.Enqueue((root, 0));
        while (queue.Count > 0)
        {
            var (dir, depth) = queue.Dequeue();
            foreach (var sub in Directory.GetDirectories(dir).OrderBy(d => d, StringComparer.Ordinal))
            {
                var name = Path.GetFileName(sub);
                if (name.Equals("genres_original", StringComparison.OrdinalIgnoreCase)) kaggle ??= sub;
                else if (name.Equals("genres", StringComparison.OrdinalIgnoreCase)) tarball ??= sub;
                else if (depth < 3 && !name.StartsWith('.')) queue.Enqueue((sub, depth + 1));
            }
            if (kaggle is not null) break;
        }
        if (kaggle is not null)
        {
            var data = Path.GetDirectoryName(kaggle)!;
            return new GtzanLocation(DatasetSource.GtzanKaggle, data, kaggle,
                FindChild(data, "features_30_sec.csv", file: true), FindChild(data, "features_3_sec.csv", file: true),
                FindChild(data, "images_original", file: false));
        }
        if (tarball is not null)
            return new GtzanLocation(DatasetSource.GtzanTarball, Path.GetDirectoryName(tarball)!, tarball, null, null, null);
        return null;
    }

    /// <summary>True when GTZAN audio is present under <paramref name="root"/> (default <c>datasets/gtzan/</c>).</summary>
    public static bool IsPresent(string? root = null) => Find(root) is not null;

    /// <summary>
    /// Reads GTZAN under <paramref name="root"/> (default <c>datasets/gtzan/</c>): every readable audio file becomes a
    /// <see cref="Track"/>; warnings name every skipped file, empty or missing genre folder; missing ids are checked
    /// against <see cref="GtzanManifest"/>. With <paramref name="checkHeaders"/>, files whose first bytes are not
    /// WAV/AU are skipped at once (Kaggle's <c>jazz.00054.wav</c>).
    /// </summary>
    /// <exception cref="DirectoryNotFoundException">No GTZAN layout under the root; the message says what was looked for.</exception>
    public static GenreDataset Read(string? root = null, bool checkHeaders = true)
    {
        root ??= DefaultRoot();
        var loc = Find(root) ?? throw new DirectoryNotFoundException(
            $"No GTZAN found under '{root}': expected genres_original/<genre>/<genre>.000NN.wav (Kaggle, optionally below Data/) " +
            "or genres/<genre>/<genre>.000NN.au (original tarball). See datasets/README.md.");
        return Read(loc, checkHeaders);
    }

    /// <summary>Reads GTZAN at an already found <paramref name="location"/>; see <see cref="Read(string?, bool)"/>.</summary>
    public static GenreDataset Read(GtzanLocation location, bool checkHeaders = true)
    {
        ArgumentNullException.ThrowIfNull(location);
        var (tracks, warnings, missing) = GenreFolderScanner.Scan(location.AudioRoot, GtzanManifest.Genres,
            GtzanManifest.ExpectedIds(), gtzanNames: true, checkHeaders);
        string layout = location.Layout == DatasetSource.GtzanKaggle ? "Kaggle layout" : "original tarball layout";
        return new GenreDataset(location.Layout, location.AudioRoot, tracks, warnings, missing,
            $"real GTZAN ({layout}) at {location.AudioRoot}");
    }

    private static string? FindChild(string dir, string name, bool file)
    {
        // On a case-sensitive file system two spellings can coexist; the file system's enumeration order must not
        // decide which one is read: Kaggle's exact spelling first, then ordinal order.
        var entries = file ? Directory.GetFiles(dir) : Directory.GetDirectories(dir);
        return entries.Where(e => Path.GetFileName(e).Equals(name, StringComparison.OrdinalIgnoreCase))
            .OrderBy(e => Path.GetFileName(e) == name ? 0 : 1).ThenBy(e => e, StringComparer.Ordinal).FirstOrDefault();
    }
}
