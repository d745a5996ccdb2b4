using GenreNotebooks.Datasets;
using GenreNotebooks.Datasets.Synthesis;

namespace GenreNotebooks.Training;

/// <summary>
/// The Göttingen paper's three samples (Buchmüller &amp; Gerloff, section 2.3), each split train/validation/test
/// (default 8:1:1) BY TRACK, seeded:
/// <list type="number">
/// <item><see cref="Unbalanced"/>: every track (the paper's 1100-1400 per genre), a stratified split, so the genres'
/// imbalance is the same in every part; pair it with class weights (<see cref="SequenceSample.ClassWeights"/>) or
/// stronger dropout (the paper's 0.3-0.5).</item>
/// <item><see cref="Downsampled"/>: every genre randomly cut to the smallest genre's size, then one random,
/// unstratified split: the whole sample is balanced, but the validation and test parts are not quite (the paper's
/// "100 Jazz versus 120 Rock"), so their plain accuracy must be read with weighted averages or per genre.</item>
/// <item><see cref="Balanced"/>: downsampled as above and the same number of each genre in every part (the paper's
/// 880 / 110 / 110 per genre).</item>
/// </list>
/// <see cref="Imbalanced"/> makes an equal-count data set (GTZAN, the synthetic set) unbalanced like the paper's,
/// so that the three samples differ. Taught in notebooks/08-timbre-and-pitch-sequences.
/// </summary>
public static class SequenceSamples
{
    /// <summary>The sample of kind <paramref name="kind"/> (see the type's summary).</summary>
    public static SequenceSample Create(SampleKind kind, IReadOnlyList<Track> tracks, IReadOnlyList<string> genres, int seed, SplitFractions? fractions = null) => kind switch
    {
        SampleKind.Unbalanced => Unbalanced(tracks, genres, seed, fractions),
        SampleKind.Downsampled => Downsampled(tracks, genres, seed, fractions),
        SampleKind.Balanced => Balanced(tracks, genres, seed, fractions),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "unknown sample kind"),
    };

    /// <summary>Every track of <paramref name="genres"/>, split by track and stratified by genre (<see cref="Splits.ByTrack(IReadOnlyList{Track}, int, SplitFractions?)"/>).</summary>
    /// <exception cref="ArgumentException">No tracks, a genre without tracks, or a track of another genre.</exception>
    public static SequenceSample Unbalanced(IReadOnlyList<Track> tracks, IReadOnlyList<string> genres, int seed, SplitFractions? fractions = null)
    {
        Check(tracks, genres);
        return new SequenceSample(SampleKind.Unbalanced, genres.ToArray(), Splits.ByTrack(tracks, seed, fractions), seed);
    }

    /// <summary>
    /// Each genre cut to the smallest genre's count (a seeded random subset), then the pooled tracks shuffled and cut
    /// into parts of round(fraction x total) tracks, without stratification.
    /// </summary>
    /// <exception cref="ArgumentException">No tracks, a genre without tracks, or a track of another genre.</exception>
    public static SequenceSample Downsampled(IReadOnlyList<Track> tracks, IReadOnlyList<string> genres, int seed, SplitFractions? fractions = null)
    {
        Check(tracks, genres);
        var f = fractions ?? SplitFractions.Default;
        var pool = Downsample(tracks, genres, seed).SelectMany(g => g).ToList();
        // Same tracks in any input order, same split: sort before the seeded shuffle.
        pool.Sort((a, b) => string.CompareOrdinal(a.Id, b.Id));
        Shuffle.InPlace(pool, new SynthRandom(SynthRandom.DeriveSeed(seed, "downsampled-split", 0)));
        var (nTrain, nVal) = Sizes(pool.Count, f);
        return new SequenceSample(SampleKind.Downsampled, genres.ToArray(), new SplitResult<Track>(
            Sorted(pool.Take(nTrain)), Sorted(pool.Skip(nTrain).Take(nVal)), Sorted(pool.Skip(nTrain + nVal))), seed);
    }

    /// <summary>
    /// Each genre cut to the smallest genre's count n, then every genre split into the same part sizes:
    /// round(n x validation) validation and round(n x test) test tracks (at least one each), the rest for training.
    /// </summary>
    /// <exception cref="ArgumentException">No tracks, a genre without tracks, a track of another genre, or too few tracks per genre for three non-empty parts.</exception>
    public static SequenceSample Balanced(IReadOnlyList<Track> tracks, IReadOnlyList<string> genres, int seed, SplitFractions? fractions = null)
    {
        Check(tracks, genres);
        var f = fractions ?? SplitFractions.Default;
        var byGenre = Downsample(tracks, genres, seed);
        int n = byGenre[0].Count;
        var (nTrain, nVal) = Sizes(n, f, atLeastOne: true);
        if (nTrain < 1 || nVal < 1 || n - nTrain - nVal < 1)
            throw new ArgumentException($"{n} tracks per genre cannot be split {nTrain} / {nVal} / {n - nTrain - nVal} with a track of each genre in every part", nameof(tracks));
        List<Track> train = [], val = [], test = [];
        foreach (var list in byGenre)
        {
            train.AddRange(list.Take(nTrain));
            val.AddRange(list.Skip(nTrain).Take(nVal));
            test.AddRange(list.Skip(nTrain + nVal));
        }
        return new SequenceSample(SampleKind.Balanced, genres.ToArray(), new SplitResult<Track>(Sorted(train), Sorted(val), Sorted(test)), seed);
    }

    /// <summary>
    /// A seeded random subset of <paramref name="tracks"/> in which the genres have different sizes, as the paper's
    /// 1100-1400 per genre: the genres, in a seeded random order, keep shares of their tracks evenly spaced from
    /// <paramref name="smallestShare"/> up to 1 (so the largest keeps all). 1100 / 1400 = 0.79 is the paper's ratio.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="smallestShare"/> is not in (0, 1].</exception>
    public static IReadOnlyList<Track> Imbalanced(IReadOnlyList<Track> tracks, IReadOnlyList<string> genres, int seed, double smallestShare = 1100.0 / 1400.0)
    {
        Check(tracks, genres);
        if (!(smallestShare > 0 && smallestShare <= 1)) throw new ArgumentOutOfRangeException(nameof(smallestShare), smallestShare, "the smallest share must be in (0, 1]");
        var order = genres.ToList();
        Shuffle.InPlace(order, new SynthRandom(SynthRandom.DeriveSeed(seed, "imbalance-order", 0)));
        var kept = new List<Track>();
        for (int i = 0; i < order.Count; i++)
        {
            double share = order.Count == 1 ? 1 : smallestShare + (1 - smallestShare) * i / (order.Count - 1);
            var list = OfGenre(tracks, order[i], seed, "imbalance:");
            kept.AddRange(list.Take(Math.Max(1, (int)Math.Round(share * list.Count))));
        }
        return Sorted(kept);
    }

    private static (int Train, int Validation) Sizes(int n, SplitFractions f, bool atLeastOne = false)
    {
        int min = atLeastOne ? 1 : 0;
        int nTest = Math.Max(min, (int)Math.Round(n * f.Test, MidpointRounding.AwayFromZero));
        int nVal = Math.Max(min, (int)Math.Round(n * f.Validation, MidpointRounding.AwayFromZero));
        return (n - nVal - nTest, nVal);
    }

    private static List<List<Track>> Downsample(IReadOnlyList<Track> tracks, IReadOnlyList<string> genres, int seed)
    {
        var lists = genres.Select(g => OfGenre(tracks, g, seed, "downsample:")).ToList();
        int min = lists.Min(l => l.Count);
        return lists.Select(l => l.Take(min).ToList()).ToList();
    }

    // The tracks of one genre in a seeded random order (sorted by id first, so the input order does not matter).
    private static List<Track> OfGenre(IReadOnlyList<Track> tracks, string genre, int seed, string purpose)
    {
        var list = tracks.Where(t => t.Genre == genre).OrderBy(t => t.Id, StringComparer.Ordinal).ToList();
        Shuffle.InPlace(list, new SynthRandom(SynthRandom.DeriveSeed(seed, purpose + genre, 0)));
        return list;
    }

    private static Track[] Sorted(IEnumerable<Track> tracks) => tracks.OrderBy(t => t.Id, StringComparer.Ordinal).ToArray();

    private static void Check(IReadOnlyList<Track> tracks, IReadOnlyList<string> genres)
    {
        ArgumentNullException.ThrowIfNull(tracks);
        ArgumentNullException.ThrowIfNull(genres);
        if (tracks.Count == 0) throw new ArgumentException("no tracks to sample", nameof(tracks));
        if (genres.Count == 0) throw new ArgumentException("no genres", nameof(genres));
        var known = genres.ToHashSet(StringComparer.Ordinal);
        if (known.Count != genres.Count) throw new ArgumentException($"a genre is listed twice: {string.Join(", ", genres)}", nameof(genres));
        var other = tracks.FirstOrDefault(t => !known.Contains(t.Genre));
        if (other is not null) throw new ArgumentException($"track '{other.Id}' has genre '{other.Genre}', not one of {string.Join(", ", genres)}", nameof(tracks));
        var empty = genres.FirstOrDefault(g => !tracks.Any(t => t.Genre == g));
        if (empty is not null) throw new ArgumentException($"genre '{empty}' has no tracks", nameof(genres));
        var dup = tracks.GroupBy(t => t.Id, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (dup is not null) throw new ArgumentException($"track id '{dup.Key}' appears {dup.Count()} times", nameof(tracks));
    }
}
