using System.Text;

namespace GenreNotebooks.Datasets;

/// <summary>
/// A dataset whose every track was read, decoded and measured: the usable tracks (<see cref="Dataset"/>, ready for
/// <see cref="Splits.ByTrack(IReadOnlyList{Track}, int, SplitFractions?)"/> and <see cref="MelClipCache"/>), what was
/// measured about each (<see cref="Tracks"/>: length, content hash), and the <see cref="Report"/> of everything left
/// out and why. Made by <see cref="CustomGenres.Load"/> (your own genre folders) or <see cref="Check"/> (GTZAN,
/// synthetic sets); combined by <see cref="Merge"/>; balanced by <see cref="Balance"/>.
/// Taught in notebooks/09-new-genres.
/// </summary>
public sealed class ValidatedDataset
{
    private readonly Dictionary<string, CheckedTrack> _byId;

    internal ValidatedDataset(DatasetSource source, string root, string description, IEnumerable<CheckedTrack> tracks,
        DatasetReport report, IEnumerable<string> missingIds, DatasetCheckOptions options)
    {
        Tracks = tracks.OrderBy(t => t.Track.Id, StringComparer.Ordinal).ToArray();
        Report = report;
        Options = options;
        Dataset = new GenreDataset(source, root, Tracks.Select(t => t.Track), report.Issues.Select(i => i.ToString()), missingIds, description);
        _byId = Tracks.ToDictionary(t => t.Track.Id, StringComparer.Ordinal);
    }

    /// <summary>The usable tracks as a <see cref="GenreDataset"/>; its warnings are the report's lines.</summary>
    public GenreDataset Dataset { get; }

    /// <summary>Everything the check left out, and why, item by item; and its notes.</summary>
    public DatasetReport Report { get; }

    /// <summary>The usable tracks with their measured length and content hash, sorted by track id.</summary>
    public IReadOnlyList<CheckedTrack> Tracks { get; }

    /// <summary>The settings the tracks were checked with.</summary>
    public DatasetCheckOptions Options { get; }

    /// <summary>The genre labels (class order): GTZAN order first, then others alphabetically.</summary>
    public IReadOnlyList<string> Genres => Dataset.Genres;

    /// <summary>The measurements of track <paramref name="trackId"/>.</summary>
    /// <exception cref="KeyNotFoundException">No such usable track.</exception>
    public CheckedTrack this[string trackId] =>
        _byId.TryGetValue(trackId, out var t) ? t : throw new KeyNotFoundException($"track '{trackId}' is not a usable track of {Dataset.Description}");

    /// <summary>Usable tracks of <paramref name="genre"/>.</summary>
    public int TrackCount(string genre) => Tracks.Count(t => t.Track.Genre == genre);

    /// <summary>Clips of <paramref name="genre"/>'s tracks (default clips: <see cref="DatasetCheckOptions.Clips"/>).</summary>
    public int ClipCount(string genre, ClipOptions? clips = null)
    {
        var c = clips ?? Options.Clips;
        return Tracks.Where(t => t.Track.Genre == genre).Sum(t => t.ClipCount(c));
    }

    /// <summary>
    /// Checks an already listed dataset (GTZAN from <see cref="GtzanReader"/>, a synthetic set): hashes and decodes
    /// every track as <see cref="CustomGenres.Load"/> does, so it can be merged with custom folders and balanced.
    /// The reader's warnings are passed on as <see cref="DatasetIssueKind.ReaderWarning"/> items (exclusions when
    /// the reader skipped a file).
    /// </summary>
    public static ValidatedDataset Check(GenreDataset dataset, DatasetCheckOptions? options = null,
        IProgress<int>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        options ??= DatasetCheckOptions.Default;
        string root = Path.GetFullPath(dataset.Root.Length == 0 ? "." : dataset.Root);
        var candidates = dataset.Tracks
            .Select(t => new CustomFolderScanner.Candidate(t, Path.GetRelativePath(root, t.Path).Replace('\\', '/'))).ToArray();
        // The GTZAN and synthetic readers start every message about a file they did not take with "skipped", the
        // custom folder reader with "excluded".
        var earlier = dataset.Warnings.Select(w => new DatasetIssue(DatasetIssueKind.ReaderWarning, root, root, null, w,
            w.StartsWith("skipped ", StringComparison.Ordinal) || w.StartsWith("excluded, ", StringComparison.Ordinal)));
        return TrackChecker.Check(dataset.Source, root, dataset.Description, candidates, earlier, dataset.MissingIds, options, progress, cancellationToken);
    }

    /// <summary>
    /// Only the genres named (matched by <see cref="GenreNames.Key"/>, so <c>"Hip-Hop"</c> finds <c>hiphop</c>), e.g.
    /// <c>rap</c> and <c>brazilian_funk</c> of your folders. The report stays that of the whole folder.
    /// </summary>
    /// <exception cref="ArgumentException">A named genre is not in the dataset.</exception>
    public ValidatedDataset WithGenres(IEnumerable<string> genres)
    {
        ArgumentNullException.ThrowIfNull(genres);
        var keep = Resolve(genres);
        return Subset(t => keep.Contains(t.Track.Genre), $"{Dataset.Description} (genres {string.Join(", ", keep)})");
    }

    /// <summary>All but the genres named (matched by key), e.g. GTZAN without jazz: the BU paper's GTZAN-9.</summary>
    /// <exception cref="ArgumentException">A named genre is not in the dataset.</exception>
    public ValidatedDataset WithoutGenres(IEnumerable<string> genres)
    {
        ArgumentNullException.ThrowIfNull(genres);
        var drop = Resolve(genres);
        return Subset(t => !drop.Contains(t.Track.Genre), $"{Dataset.Description} (without {string.Join(", ", drop)})");
    }

    /// <summary>
    /// The tracks of both datasets in one (e.g. GTZAN-9 + your <c>rap/</c> and <c>brazilian_funk/</c>: the BU paper's
    /// 11 genres). A genre in both (same <see cref="GenreNames.Key"/>: GTZAN's <c>hiphop</c> and your
    /// <c>hip-hop/</c>) is an error unless <paramref name="allowSharedGenres"/>, which pools them under
    /// <paramref name="first"/>'s label. A track of <paramref name="second"/> byte-identical to one of
    /// <paramref name="first"/> is excluded (the first dataset's copy is kept); clashing track ids of pooled genres
    /// are renamed. Each item goes into the merged report. Both must be checked with the same sample rate and clips.
    /// </summary>
    /// <exception cref="ArgumentException">A shared genre without <paramref name="allowSharedGenres"/>, or different check settings.</exception>
    public static ValidatedDataset Merge(ValidatedDataset first, ValidatedDataset second, bool allowSharedGenres = false)
    {
        ArgumentNullException.ThrowIfNull(first);
        ArgumentNullException.ThrowIfNull(second);
        if (first.Options.SampleRate != second.Options.SampleRate || first.Options.Clips != second.Options.Clips)
            throw new ArgumentException(
                $"cannot merge data sets checked with different settings ({ClassBalance.ClipText(first.Options.Clips, first.Options.SampleRate)} vs " +
                $"{ClassBalance.ClipText(second.Options.Clips, second.Options.SampleRate)}); check both with the same DatasetCheckOptions", nameof(second));
        string root2 = second.Dataset.Root;
        var issues = new List<DatasetIssue>();
        var labelOf = new Dictionary<string, string>(StringComparer.Ordinal);
        var shared = new List<string>();
        foreach (var g2 in second.Genres)
        {
            var g1 = first.Genres.FirstOrDefault(g => GenreNames.Key(g) == GenreNames.Key(g2));
            labelOf[g2] = g1 ?? g2;
            if (g1 is null) continue;
            shared.Add($"'{g2}' of {root2} and '{g1}' of {first.Dataset.Root} (normalised key '{GenreNames.Key(g2)}')");
            issues.Add(new DatasetIssue(DatasetIssueKind.GenreNameCollision, root2, root2, g1,
                $"genre '{g2}' is also in {first.Dataset.Root} as '{g1}' (normalised key '{GenreNames.Key(g2)}'); pooled as '{g1}' (shared genres allowed)", false));
        }
        if (shared.Count > 0 && !allowSharedGenres)
            throw new ArgumentException(
                $"genre(s) in both data sets: {string.Join("; ", shared)}. Rename or leave out one (WithoutGenres), " +
                "or allow shared genres to pool their tracks", nameof(second));

        var byHash = new Dictionary<string, CheckedTrack>(StringComparer.Ordinal);
        foreach (var t in first.Tracks) byHash.TryAdd(t.Sha256, t);
        var taken = first.Tracks.Select(t => t.Track.Id).ToHashSet(StringComparer.Ordinal);
        var merged = new List<CheckedTrack>(first.Tracks);
        foreach (var t in second.Tracks)
        {
            if (byHash.TryGetValue(t.Sha256, out var original))
            {
                issues.Add(new DatasetIssue(DatasetIssueKind.Duplicate, root2, t.Track.Path, t.Track.Genre,
                    $"'{t.RelativePath}' is byte-identical to '{original.Track.Path}' (SHA-256 {t.Sha256[..12]}..., genre '{original.Track.Genre}'); " +
                    "kept that copy (the first data set's copies are kept)", true, original.Track.Path));
                continue;
            }
            string label = labelOf[t.Track.Genre];
            string id = t.Track.Id.StartsWith(t.Track.Genre + ".", StringComparison.Ordinal) ? label + t.Track.Id[t.Track.Genre.Length..] : $"{label}.{t.Track.Id}";
            if (taken.Contains(id))
            {
                string unique = id;
                for (int n = 2; taken.Contains(unique); n++) unique = $"{id}_{n}";
                issues.Add(new DatasetIssue(DatasetIssueKind.TrackIdRenamed, root2, t.Track.Path, label,
                    $"'{t.RelativePath}' gets track id '{unique}': '{id}' is already a track of {first.Dataset.Root}", false));
                id = unique;
            }
            taken.Add(id);
            merged.Add(t with { Track = new Track(id, label, t.Track.Path) });
        }
        var report = DatasetReport.Concat(first.Report, second.Report, new DatasetReport(issues));
        return new ValidatedDataset(first.Dataset.Source, first.Dataset.Root, $"{first.Dataset.Description} + {second.Dataset.Description}",
            merged, report, first.Dataset.MissingIds.Concat(second.Dataset.MissingIds), first.Options);
    }

    /// <summary>
    /// Balances the genres as <paramref name="mode"/> says and tabulates the effect (tracks and clips per genre before
    /// and after). <see cref="BalanceMode.UndersampleToSmallest"/> keeps a seeded choice of tracks
    /// (<see cref="GenreDataset.Balanced"/>: same seed, same tracks); <see cref="BalanceMode.ClassWeights"/> keeps every
    /// track and computes the loss weights from the clip counts. <paramref name="clips"/> (default: the check's) are
    /// the clips counted and weighed.
    /// </summary>
    public ClassBalance Balance(BalanceMode mode, int seed = 0, ClipOptions? clips = null)
    {
        var c = clips ?? Options.Clips;
        var after = this;
        var weights = Enumerable.Repeat(1f, Genres.Count).ToArray();
        switch (mode)
        {
            case BalanceMode.None:
                break;
            case BalanceMode.UndersampleToSmallest:
                var chosen = Dataset.Balanced(seed);
                var ids = chosen.Tracks.Select(t => t.Id).ToHashSet(StringComparer.Ordinal);
                after = Subset(t => ids.Contains(t.Track.Id), chosen.Description);
                break;
            case BalanceMode.ClassWeights:
                var labels = new List<int>();
                foreach (var t in Tracks)
                {
                    int label = Dataset.LabelOf(t.Track.Genre);
                    labels.AddRange(Enumerable.Repeat(label, t.ClipCount(c)));
                }
                if (labels.Count > 0) weights = Training.ClassWeights.Balanced(labels, Genres.Count);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(mode), mode, "unknown balance mode");
        }
        return new ClassBalance(mode, seed, c, this, after, weights);
    }

    /// <summary>A multi-line summary: description, usable tracks per genre, then the report.</summary>
    public string Summary()
    {
        var sb = new StringBuilder();
        sb.AppendLine(Dataset.Description);
        static string Of(int n, string what) => n == 1 ? $"1 {what}" : $"{n} {what}s";
        sb.AppendLine($"{Of(Tracks.Count, "usable track")} in {Of(Genres.Count, "genre")} (at least {Options.MinTracksPerGenre} per genre, " +
            $"{ClassBalance.ClipText(Options.Clips, Options.SampleRate)}): " +
            string.Join(", ", Dataset.CountsByGenre().Select(kv => $"{kv.Key} {kv.Value}")));
        sb.Append(Report.ToString());
        return sb.ToString();
    }

    /// <inheritdoc/>
    public override string ToString() => $"{Dataset.Description}: {Tracks.Count} usable tracks, {Genres.Count} genres, {Report.Excluded.Count} exclusion(s)";

    private HashSet<string> Resolve(IEnumerable<string> names)
    {
        var set = new HashSet<string>(StringComparer.Ordinal);
        foreach (var name in names)
        {
            var g = Genres.FirstOrDefault(x => GenreNames.Key(x) == GenreNames.Key(name))
                ?? throw new ArgumentException($"genre '{name}' is not in {Dataset.Description} (genres: {string.Join(", ", Genres)})", nameof(names));
            set.Add(g);
        }
        return set;
    }

    private ValidatedDataset Subset(Func<CheckedTrack, bool> keep, string description)
    {
        var tracks = Tracks.Where(keep).ToArray();
        var genres = tracks.Select(t => t.Track.Genre).ToHashSet(StringComparer.Ordinal);
        return new ValidatedDataset(Dataset.Source, Dataset.Root, description, tracks, Report,
            Dataset.MissingIds.Where(id => genres.Contains(GtzanManifest.GenreOfId(id))), Options);
    }
}
