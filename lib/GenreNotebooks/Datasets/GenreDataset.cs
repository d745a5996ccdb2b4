using GenreNotebooks.Datasets.Synthesis;

namespace GenreNotebooks.Datasets;

/// <summary>
/// A labelled set of tracks (real GTZAN, synthetic or custom folders) with what the reader noticed on the way:
/// warnings (unreadable or unexpected files, empty folders) and the expected track ids that are missing.
/// Taught in notebooks/02-building-the-datasets.
/// </summary>
public sealed class GenreDataset
{
    /// <summary>Creates a dataset; tracks are sorted by id.</summary>
    public GenreDataset(DatasetSource source, string root, IEnumerable<Track> tracks,
        IEnumerable<string>? warnings = null, IEnumerable<string>? missingIds = null, string? description = null)
    {
        ArgumentNullException.ThrowIfNull(root);
        ArgumentNullException.ThrowIfNull(tracks);
        Source = source;
        Root = root;
        Tracks = tracks.OrderBy(t => t.Id, StringComparer.Ordinal).ToArray();
        var dup = Tracks.GroupBy(t => t.Id).FirstOrDefault(g => g.Count() > 1);
        if (dup is not null)
            throw new ArgumentException($"track id '{dup.Key}' appears {dup.Count()} times ({string.Join(", ", dup.Select(t => t.Path))})", nameof(tracks));
        Genres = Tracks.Select(t => t.Genre).Distinct().OrderBy(g => GenreOrder(g)).ThenBy(g => g, StringComparer.Ordinal).ToArray();
        Warnings = (warnings ?? []).ToArray();
        MissingIds = (missingIds ?? []).ToArray();
        Description = description ?? $"{source} dataset at {root}";
    }

    private static int GenreOrder(string g)
    {
        int i = GenreRecipes.All.ToList().IndexOf(g);
        return i < 0 ? int.MaxValue : i;
    }

    /// <summary>Where the tracks come from.</summary>
    public DatasetSource Source { get; }

    /// <summary>True for the synthetic stand-in (notebooks say so in their output).</summary>
    public bool IsSynthetic => Source == DatasetSource.Synthetic;

    /// <summary>The folder that was read.</summary>
    public string Root { get; }

    /// <summary>One line saying what this data is, e.g. "SYNTHETIC GTZAN-shaped music (seed 42, 10 genres x 4 tracks)".</summary>
    public string Description { get; }

    /// <summary>The tracks, sorted by id.</summary>
    public IReadOnlyList<Track> Tracks { get; }

    /// <summary>The genre labels present: GTZAN order first, then others alphabetically.</summary>
    public IReadOnlyList<string> Genres { get; }

    /// <summary>Everything the reader skipped or found odd, one message per problem, naming the file.</summary>
    public IReadOnlyList<string> Warnings { get; }

    /// <summary>Expected track ids (from the manifest) that were not found.</summary>
    public IReadOnlyList<string> MissingIds { get; }

    /// <summary>Number of tracks per genre, in <see cref="Genres"/> order.</summary>
    public IReadOnlyDictionary<string, int> CountsByGenre()
    {
        var d = new Dictionary<string, int>();
        foreach (var g in Genres) d[g] = 0;
        foreach (var t in Tracks) d[t.Genre]++;
        return d;
    }

    /// <summary>The index of <paramref name="genre"/> in <see cref="Genres"/> (the class label).</summary>
    /// <exception cref="ArgumentException">The genre is not in the dataset.</exception>
    public int LabelOf(string genre)
    {
        for (int i = 0; i < Genres.Count; i++) if (Genres[i] == genre) return i;
        throw new ArgumentException($"genre '{genre}' is not in this dataset (genres: {string.Join(", ", Genres)})", nameof(genre));
    }

    /// <summary>A dataset restricted to <paramref name="genres"/> (e.g. the BU paper's 9 genres without jazz).</summary>
    /// <exception cref="ArgumentException">A requested genre is not in the dataset.</exception>
    public GenreDataset WithGenres(IEnumerable<string> genres)
    {
        var keep = new HashSet<string>(genres.Select(g => g.Trim().ToLowerInvariant()));
        foreach (var g in keep)
            if (!Genres.Contains(g)) throw new ArgumentException($"genre '{g}' is not in this dataset (genres: {string.Join(", ", Genres)})", nameof(genres));
        return new GenreDataset(Source, Root, Tracks.Where(t => keep.Contains(t.Genre)), Warnings,
            MissingIds.Where(id => keep.Contains(GtzanManifest.GenreOfId(id))), Description);
    }

    /// <summary>The dataset without <paramref name="genres"/> (e.g. GTZAN without jazz: the BU paper's GTZAN-9).</summary>
    /// <exception cref="ArgumentException">A named genre is not in the dataset.</exception>
    public GenreDataset WithoutGenres(IEnumerable<string> genres)
    {
        ArgumentNullException.ThrowIfNull(genres);
        var drop = genres.Select(g => g.Trim().ToLowerInvariant()).ToHashSet();
        foreach (var g in drop)
            if (!Genres.Contains(g)) throw new ArgumentException($"genre '{g}' is not in this dataset (genres: {string.Join(", ", Genres)})", nameof(genres));
        return WithGenres(Genres.Where(g => !drop.Contains(g)));
    }

    /// <summary>
    /// Balances the classes by keeping, for every genre, a seeded random subset of the size of the smallest genre
    /// (as the BU paper does); <see cref="Tracks"/> of the result stay sorted by id.
    /// Keep the imbalance by not calling this.
    /// </summary>
    public GenreDataset Balanced(int seed)
    {
        var counts = CountsByGenre();
        if (counts.Count == 0) return this;
        int min = counts.Values.Min();
        var kept = new List<Track>();
        foreach (var g in Genres)
        {
            var rng = new SynthRandom(SynthRandom.DeriveSeed(seed, "balance:" + g, 0));
            var list = Tracks.Where(t => t.Genre == g).ToArray();
            Shuffle.InPlace(list, rng);
            kept.AddRange(list.Take(min));
        }
        return new GenreDataset(Source, Root, kept, Warnings, MissingIds, Description + $" (balanced to {min} per genre, seed {seed})");
    }

    /// <summary>A multi-line summary: description, counts per genre, missing ids and warnings.</summary>
    public string Summary()
    {
        var sb = new System.Text.StringBuilder();
        sb.AppendLine(Description);
        sb.AppendLine($"{Tracks.Count} tracks, {Genres.Count} genres: " + string.Join(", ", CountsByGenre().Select(kv => $"{kv.Key} {kv.Value}")));
        if (MissingIds.Count > 0)
            sb.AppendLine($"missing {MissingIds.Count} expected tracks: " + string.Join(", ", MissingIds.Take(10)) + (MissingIds.Count > 10 ? ", ..." : ""));
        foreach (var w in Warnings) sb.AppendLine("warning: " + w);
        return sb.ToString().TrimEnd();
    }

    /// <inheritdoc/>
    public override string ToString() => $"{Description}: {Tracks.Count} tracks, {Genres.Count} genres";
}
