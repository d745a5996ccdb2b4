using System.Text.RegularExpressions;

namespace GenreNotebooks.Datasets;

/// <summary>
/// Lists a custom genre folder: every first-level sub-folder is a genre (label by <see cref="GenreNames.Label"/>,
/// colliding spellings pooled or excluded), every audio file below it at any depth a track with id
/// <c>&lt;label&gt;.&lt;relative path, slugged, segments joined by '.'&gt;</c>. Names starting with '.' are skipped (hidden
/// files, AppleDouble <c>._x.mp3</c>, trash folders): hidden folders and hidden audio files are listed in a note, other
/// hidden files (<c>.DS_Store</c>) are not. Symbolic links to folders are followed once. Everything else that is not
/// taken becomes a <see cref="DatasetIssue"/>. Decodes nothing.
/// </summary>
internal static partial class CustomFolderScanner
{
    internal sealed record Candidate(Track Track, string RelativePath);

    [GeneratedRegex(@"^(?<genre>[a-z_\-]+)\.(?<num>\d{5})$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex GtzanName();

    private const int ListedExamples = 5;

    public static (List<Candidate> Candidates, List<DatasetIssue> Issues) Scan(string root, bool mergeSpellings)
    {
        root = Path.GetFullPath(root);
        var issues = new List<DatasetIssue>();
        var candidates = new List<Candidate>();
        string Rel(string p) => Path.GetRelativePath(root, p).Replace('\\', '/');
        void Issue(DatasetIssueKind kind, string path, string? genre, string message, bool excluded) =>
            issues.Add(new DatasetIssue(kind, root, path, genre, message, excluded));

        var looseOther = new List<string>();
        foreach (var f in Directory.GetFiles(root).Where(f => !IsHidden(f)).OrderBy(f => f, StringComparer.Ordinal))
        {
            if (AudioExtensions.IsAudio(f))
                Issue(DatasetIssueKind.OutsideGenreFolder, f, null,
                    $"'{Rel(f)}' is not inside a <genre>/ folder, so it has no genre; move it into one", excluded: true);
            else looseOther.Add(f);
        }
        if (looseOther.Count > 0)
            Issue(DatasetIssueKind.NotAudio, root, null, $"ignored {Listing(looseOther.Select(Rel).ToList())} in the root (not audio by extension)", excluded: false);
        var hiddenTop = Directory.GetDirectories(root).Where(IsHidden)
            .Concat(Directory.GetFiles(root).Where(f => IsHidden(f) && AudioExtensions.IsAudio(f))).Order(StringComparer.Ordinal).ToList();
        if (hiddenTop.Count > 0)
            Issue(DatasetIssueKind.Hidden, root, null, HiddenText(hiddenTop.Select(Rel).ToList()), excluded: false);

        var groups = new List<(string Label, string Key, List<string> Dirs)>();
        foreach (var dir in Directory.GetDirectories(root).Where(d => !IsHidden(d)).OrderBy(d => d, StringComparer.Ordinal))
        {
            string label = GenreNames.Label(Path.GetFileName(dir));
            if (label.Length == 0)
            {
                var (audio, _, _) = ListFiles(dir, root, issues);
                Issue(DatasetIssueKind.InvalidGenreName, dir, null,
                    $"folder '{Rel(dir)}/' has no letter or digit in its name, so it gives no genre label; {Excluding(audio.Select(Rel))}",
                    excluded: audio.Count > 0);
                continue;
            }
            string key = label.Replace("_", "");
            int g = groups.FindIndex(x => x.Key == key);
            if (g < 0) groups.Add((label, key, [dir]));
            else groups[g].Dirs.Add(dir);
        }

        for (int g = 0; g < groups.Count; g++)
        {
            var (label, key, dirs) = groups[g];
            if (dirs.Count < 2) continue;
            string names = string.Join(", ", dirs.Select(d => $"'{Rel(d)}/'"));
            if (mergeSpellings)
            {
                Issue(DatasetIssueKind.GenreNameCollision, dirs[0], label,
                    $"folders {names} name the same genre (normalised key '{key}'); their tracks are pooled as genre '{label}'", excluded: false);
                continue;
            }
            foreach (var extra in dirs.Skip(1))
            {
                var (audio, _, _) = ListFiles(extra, root, issues);
                Issue(DatasetIssueKind.GenreNameCollision, extra, label,
                    $"folder '{Rel(extra)}/' names the same genre as '{Rel(dirs[0])}/' (normalised key '{key}') and pooling spellings is off; {Excluding(audio.Select(Rel))}",
                    excluded: audio.Count > 0);
            }
            groups[g] = (label, key, [dirs[0]]);
        }

        var taken = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (label, key, dirs) in groups)
        {
            var files = new List<(string Path, string InGenre)>();
            foreach (var dir in dirs)
            {
                var (audio, other, hidden) = ListFiles(dir, root, issues);
                if (other.Count > 0)
                    Issue(DatasetIssueKind.NotAudio, dir, label, $"ignored {Listing(other.Select(Rel).ToList())} in '{Rel(dir)}/' (not audio by extension)", excluded: false);
                if (hidden.Count > 0)
                    Issue(DatasetIssueKind.Hidden, dir, label, HiddenText(hidden.Select(Rel).ToList()), excluded: false);
                if (audio.Count == 0)
                    Issue(DatasetIssueKind.EmptyGenreFolder, dir, label, $"genre folder '{Rel(dir)}/' holds no audio files", excluded: false);
                files.AddRange(audio.Select(a => (a, Path.GetRelativePath(dir, a).Replace('\\', '/'))));
            }
            foreach (var (path, inGenre) in files.OrderBy(f => Rel(f.Path), StringComparer.Ordinal))
            {
                string id = BaseId(label, key, inGenre, out var namedGenre);
                if (namedGenre is not null)
                    Issue(DatasetIssueKind.FileNameGenreMismatch, path, label,
                        $"'{Rel(path)}': its name says genre '{namedGenre}' but it sits in '{label}'; labelled '{label}'", excluded: false);
                if (taken.TryGetValue(id, out var holder))
                {
                    string unique = id;
                    for (int n = 2; taken.ContainsKey(unique); n++) unique = $"{id}_{n}";
                    bool sameName = Path.GetDirectoryName(holder) == Path.GetDirectoryName(path)
                        && Path.GetFileNameWithoutExtension(holder) == Path.GetFileNameWithoutExtension(path);
                    Issue(DatasetIssueKind.TrackIdRenamed, path, label,
                        $"'{Rel(path)}' gets track id '{unique}': '{Rel(holder)}' already has '{id}'" +
                        (sameName ? " (the same name in another format: if it is the same recording, remove one; byte-identical files are caught as duplicates, re-encodings are not)" : ""),
                        excluded: false);
                    id = unique;
                }
                taken[id] = path;
                candidates.Add(new Candidate(new Track(id, label, path), Rel(path)));
            }
        }
        return (candidates, issues);
    }

    /// <summary>The id a file would get: GTZAN-style names (<c>rap.00012</c> in <c>rap/</c>) keep their number.</summary>
    private static string BaseId(string label, string key, string inGenre, out string? namedGenre)
    {
        namedGenre = null;
        var segments = inGenre.Split('/');
        string stem = Path.GetFileNameWithoutExtension(segments[^1]).Trim();
        var m = GtzanName().Match(stem);
        if (m.Success)
        {
            string said = GenreNames.Label(m.Groups["genre"].Value);
            if (said.Replace("_", "") == key) stem = m.Groups["num"].Value;
            else namedGenre = said;
        }
        segments[^1] = stem;
        return label + "." + string.Join(".", segments.Select(GenreFolderScanner.Slug));
    }

    /// <summary>
    /// Audio and other files below <paramref name="dir"/>, recursively, sorted, and the hidden folders and hidden audio
    /// files skipped (<see cref="AudioFolder"/>); unreadable and too deep folders become issues.
    /// </summary>
    private static (IReadOnlyList<string> Audio, IReadOnlyList<string> Other, IReadOnlyList<string> Hidden) ListFiles(string dir, string root, List<DatasetIssue> issues)
    {
        var listing = AudioFolder.List(dir);
        foreach (var (d, error) in listing.Unlisted)
        {
            string rel = Path.GetRelativePath(root, d).Replace('\\', '/');
            issues.Add(new DatasetIssue(DatasetIssueKind.Unreadable, root, d, null, error is null
                ? $"folder '{rel}/' is {AudioFolder.MaxDepth} levels deep; its sub-folders are not read"
                : $"folder '{rel}/' cannot be listed ({error}); the audio files in it, if any, are excluded", Excluded: true));
        }
        return (listing.Audio, listing.Other, listing.Hidden);
    }

    private static bool IsHidden(string path) => Path.GetFileName(path).StartsWith('.');

    private static string HiddenText(List<string> names) =>
        $"skipped {names.Count} hidden item(s) (names starting with '.'): " + string.Join(", ", names.Take(ListedExamples).Select(n => $"'{n}'")) +
        (names.Count > ListedExamples ? $" and {names.Count - ListedExamples} more" : "");

    private static string Excluding(IEnumerable<string> files)
    {
        var list = files.ToArray();
        return list.Length == 0 ? "it holds no audio files" : $"excluded: {string.Join(", ", list.Select(f => $"'{f}'"))}";
    }

    private static string Listing(List<string> names) =>
        $"{names.Count} file(s): " + string.Join(", ", names.Take(ListedExamples).Select(n => $"'{n}'")) +
        (names.Count > ListedExamples ? $" and {names.Count - ListedExamples} more" : "");
}
