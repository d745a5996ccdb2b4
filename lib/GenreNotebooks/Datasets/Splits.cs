using GenreNotebooks.Datasets.Synthesis;

namespace GenreNotebooks.Datasets;

/// <summary>
/// Seeded, genre-stratified splits GROUPED BY TRACK (no track in two parts) and grouped stratified k-folds; a
/// clip-level split only by name (<see cref="ClipLevelLeaky"/>), to show the leak. Per genre, each part's share is
/// within one track of its fraction, and the parts' totals match the fractions of the whole.
/// Taught in notebooks/02-building-the-datasets.
/// </summary>
public static class Splits
{
    /// <summary>
    /// Splits <paramref name="tracks"/> train/validation/test (default 80/10/10), stratified by genre, seeded.
    /// Same seed and tracks (in any order), same split. sklearn analogue: <c>StratifiedGroupKFold</c>-style grouping.
    /// </summary>
    public static SplitResult<Track> ByTrack(IReadOnlyList<Track> tracks, int seed, SplitFractions? fractions = null)
    {
        ArgumentNullException.ThrowIfNull(tracks);
        var f = fractions ?? SplitFractions.Default;
        var groups = tracks.Select(t => (t.Id, t.Genre)).ToArray();
        var (tr, va, te) = SplitGroups(groups, seed, f);
        var byId = tracks.ToDictionary(t => t.Id);
        return new SplitResult<Track>(tr.Select(id => byId[id]).ToArray(), va.Select(id => byId[id]).ToArray(), te.Select(id => byId[id]).ToArray());
    }

    /// <summary>
    /// Splits <paramref name="clips"/> with all clips of a track in one part: the tracks (from the clips' track ids)
    /// are split as in <see cref="ByTrack(IReadOnlyList{Track}, int, SplitFractions?)"/>.
    /// </summary>
    public static SplitResult<Clip> ByTrack(IReadOnlyList<Clip> clips, int seed, SplitFractions? fractions = null)
    {
        ArgumentNullException.ThrowIfNull(clips);
        var f = fractions ?? SplitFractions.Default;
        var groups = GroupsOf(clips);
        var (tr, va, te) = SplitGroups(groups, seed, f);
        return new SplitResult<Clip>(Pick(clips, tr), Pick(clips, va), Pick(clips, te));
    }

    /// <summary>
    /// The clips of each part of an already made track split: a clip goes where its track went. Use it to give clips of
    /// different lengths (3 s and 9 s) of the same tracks the same split: split the tracks once, then apply the split to
    /// each clip set. (<see cref="ByTrack(IReadOnlyList{Clip}, int, SplitFractions?)"/> splits the tracks the clips come
    /// from, so two clip sets get the same split only when every track gives clips of both lengths.)
    /// </summary>
    /// <exception cref="ArgumentException">A clip's track is in no part of <paramref name="trackSplit"/>.</exception>
    public static SplitResult<Clip> ClipsOf(SplitResult<Track> trackSplit, IReadOnlyList<Clip> clips)
    {
        ArgumentNullException.ThrowIfNull(trackSplit);
        ArgumentNullException.ThrowIfNull(clips);
        var part = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var t in trackSplit.Train) part[t.Id] = 0;
        foreach (var t in trackSplit.Validation) part[t.Id] = 1;
        foreach (var t in trackSplit.Test) part[t.Id] = 2;
        var parts = new[] { new List<Clip>(), new List<Clip>(), new List<Clip>() };
        foreach (var c in clips)
        {
            if (!part.TryGetValue(c.TrackId, out var p))
                throw new ArgumentException($"clip {c.Id}: track '{c.TrackId}' is in no part of the track split", nameof(clips));
            parts[p].Add(c);
        }
        return new SplitResult<Clip>(parts[0], parts[1], parts[2]);
    }

    /// <summary>
    /// The LEAKY split: clips assigned to parts independently of their track (stratified by genre, seeded), so the
    /// same song is in train and test. Use only to demonstrate why it inflates accuracy.
    /// </summary>
    public static SplitResult<Clip> ClipLevelLeaky(IReadOnlyList<Clip> clips, int seed, SplitFractions? fractions = null)
    {
        ArgumentNullException.ThrowIfNull(clips);
        var f = fractions ?? SplitFractions.Default;
        var asGroups = clips.Select(c => (c.Id, c.Genre)).ToArray();
        var (tr, va, te) = SplitGroups(asGroups, seed, f);
        var byId = clips.ToDictionary(c => c.Id);
        return new SplitResult<Clip>(tr.Select(id => byId[id]).ToArray(), va.Select(id => byId[id]).ToArray(), te.Select(id => byId[id]).ToArray());
    }

    /// <summary>Splits clips the named way: <see cref="SplitKind.GroupedByTrack"/> or the leaky <see cref="SplitKind.ClipLevelLeaky"/>.</summary>
    public static SplitResult<Clip> Split(IReadOnlyList<Clip> clips, SplitKind kind, int seed, SplitFractions? fractions = null) => kind switch
    {
        SplitKind.GroupedByTrack => ByTrack(clips, seed, fractions),
        SplitKind.ClipLevelLeaky => ClipLevelLeaky(clips, seed, fractions),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "unknown split kind"),
    };

    /// <summary>
    /// Grouped stratified k-fold over tracks: every track is validated in exactly one fold; per genre the folds'
    /// sizes differ by at most one track. Seeded.
    /// </summary>
    public static IReadOnlyList<Fold<Track>> KFoldByTrack(IReadOnlyList<Track> tracks, int k, int seed)
    {
        ArgumentNullException.ThrowIfNull(tracks);
        var assign = FoldGroups(tracks.Select(t => (t.Id, t.Genre)).ToArray(), k, seed);
        return Enumerable.Range(0, k).Select(i => new Fold<Track>(i,
            tracks.Where(t => assign[t.Id] != i).OrderBy(t => t.Id, StringComparer.Ordinal).ToArray(),
            tracks.Where(t => assign[t.Id] == i).OrderBy(t => t.Id, StringComparer.Ordinal).ToArray())).ToArray();
    }

    /// <summary>Grouped stratified k-fold over clips: all clips of a track are in the same fold.</summary>
    public static IReadOnlyList<Fold<Clip>> KFoldByTrack(IReadOnlyList<Clip> clips, int k, int seed)
    {
        ArgumentNullException.ThrowIfNull(clips);
        var assign = FoldGroups(GroupsOf(clips), k, seed);
        return Enumerable.Range(0, k).Select(i => new Fold<Clip>(i,
            clips.Where(c => assign[c.TrackId] != i).ToArray(),
            clips.Where(c => assign[c.TrackId] == i).ToArray())).ToArray();
    }

    private static (string Id, string Genre)[] GroupsOf(IReadOnlyList<Clip> clips)
    {
        var d = new Dictionary<string, string>();
        foreach (var c in clips)
        {
            if (d.TryGetValue(c.TrackId, out var g) && g != c.Genre)
                throw new ArgumentException($"track '{c.TrackId}' has clips labelled '{g}' and '{c.Genre}'", nameof(clips));
            d[c.TrackId] = c.Genre;
        }
        return d.Select(kv => (kv.Key, kv.Value)).ToArray();
    }

    private static Clip[] Pick(IReadOnlyList<Clip> clips, IReadOnlyList<string> trackIds)
    {
        var set = trackIds.ToHashSet();
        return clips.Where(c => set.Contains(c.TrackId)).ToArray();
    }

    /// <summary>Per genre: sort ids, shuffle with a seed, then cut; counts distributed by largest remainder.</summary>
    private static (List<string> Train, List<string> Val, List<string> Test) SplitGroups((string Id, string Genre)[] groups, int seed, SplitFractions f)
    {
        var dup = groups.GroupBy(g => g.Id).FirstOrDefault(g => g.Count() > 1);
        if (dup is not null) throw new ArgumentException($"id '{dup.Key}' occurs {dup.Count()} times");
        var byGenre = groups.GroupBy(g => g.Genre).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => (Genre: g.Key, Ids: g.Select(x => x.Id).OrderBy(x => x, StringComparer.Ordinal).ToArray())).ToArray();
        var order = new SynthRandom(SynthRandom.DeriveSeed(seed, "split-order", 0));
        var nTest = Allocate(byGenre.Select(g => g.Ids.Length).ToArray(), f.Test, order);
        var nVal = Allocate(byGenre.Select((g, i) => g.Ids.Length - nTest[i]).ToArray(),
            f.Test >= 1 ? 0 : f.Validation / (1 - f.Test), order);
        List<string> train = [], val = [], test = [];
        for (int i = 0; i < byGenre.Length; i++)
        {
            var ids = byGenre[i].Ids;
            Shuffle.InPlace(ids, new SynthRandom(SynthRandom.DeriveSeed(seed, "split:" + byGenre[i].Genre, ids.Length)));
            test.AddRange(ids.Take(nTest[i]));
            val.AddRange(ids.Skip(nTest[i]).Take(nVal[i]));
            train.AddRange(ids.Skip(nTest[i] + nVal[i]));
        }
        train.Sort(StringComparer.Ordinal);
        val.Sort(StringComparer.Ordinal);
        test.Sort(StringComparer.Ordinal);
        return (train, val, test);
    }

    /// <summary>
    /// Per-class counts of a fraction: floor of each class's share, then the leftover (so the total is the rounded
    /// share of the whole) goes one each to the classes with the largest remainders, ties broken by the seeded order.
    /// </summary>
    private static int[] Allocate(int[] sizes, double fraction, SynthRandom rng)
    {
        int n = sizes.Length;
        var counts = new int[n];
        var rem = new double[n];
        for (int i = 0; i < n; i++)
        {
            double ideal = sizes[i] * fraction;
            counts[i] = (int)Math.Floor(ideal + 1e-9);
            rem[i] = ideal - counts[i];
        }
        int target = (int)Math.Round(sizes.Sum() * fraction + 1e-9, MidpointRounding.AwayFromZero);
        int extra = target - counts.Sum();
        var tie = Enumerable.Range(0, n).Select(_ => rng.NextFloat()).ToArray();
        var order = Enumerable.Range(0, n).Where(i => counts[i] < sizes[i]).OrderByDescending(i => rem[i]).ThenBy(i => tie[i]).ToArray();
        for (int j = 0; j < order.Length && extra > 0; j++, extra--) counts[order[j]]++;
        return counts;
    }

    internal static Dictionary<string, int> FoldGroups((string Id, string Genre)[] groups, int k, int seed)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(k, 2);
        if (groups.Length < k) throw new ArgumentException($"{groups.Length} tracks cannot fill {k} folds", nameof(k));
        var assign = new Dictionary<string, int>();
        int next = 0;
        foreach (var g in groups.GroupBy(x => x.Genre).OrderBy(x => x.Key, StringComparer.Ordinal))
        {
            var ids = g.Select(x => x.Id).OrderBy(x => x, StringComparer.Ordinal).ToArray();
            Shuffle.InPlace(ids, new SynthRandom(SynthRandom.DeriveSeed(seed, "kfold:" + g.Key, ids.Length)));
            // Deal round-robin, continuing across genres, so fold totals also differ by at most one.
            foreach (var id in ids) assign[id] = next++ % k;
        }
        return assign;
    }
}
