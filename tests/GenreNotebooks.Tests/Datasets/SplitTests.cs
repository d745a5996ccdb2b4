using GenreNotebooks.Datasets;

namespace GenreNotebooks.Tests.Datasets;

public class SplitTests
{
    /// <summary>Uneven genres (7 to 23 tracks), 10 clips per track.</summary>
    private static (Track[] Tracks, Clip[] Clips) Data()
    {
        var tracks = new List<Track>();
        var sizes = new[] { ("blues", 23), ("classical", 7), ("jazz", 10), ("metal", 15), ("pop", 12) };
        foreach (var (g, n) in sizes)
            for (int i = 0; i < n; i++) tracks.Add(new Track($"{g}.{i:D5}", g, $"/x/{g}.{i:D5}.wav"));
        var clips = tracks.SelectMany(t => Enumerable.Range(0, 10).Select(k => new Clip(t.Id, t.Genre, k, k * 66150, 66150))).ToArray();
        return (tracks.ToArray(), clips);
    }

    private static void AssertDisjoint<T>(SplitResult<T> s, Func<T, string> trackOf)
    {
        Assert.Empty(s.SharedTracks(trackOf));
        var tr = s.Train.Select(trackOf).ToHashSet();
        Assert.DoesNotContain(s.Validation.Select(trackOf), tr.Contains);
        Assert.DoesNotContain(s.Test.Select(trackOf), tr.Contains);
        Assert.DoesNotContain(s.Test.Select(trackOf), s.Validation.Select(trackOf).ToHashSet().Contains);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(12345)]
    public void No_track_is_in_two_parts_and_every_track_is_somewhere(int seed)
    {
        var (tracks, clips) = Data();
        var s = Splits.ByTrack(tracks, seed);
        AssertDisjoint(s, t => t.Id);
        Assert.Equal(tracks.Length, s.Train.Count + s.Validation.Count + s.Test.Count);
        var c = Splits.ByTrack(clips, seed);
        AssertDisjoint(c, x => x.TrackId);
        Assert.Equal(clips.Length, c.Train.Count + c.Validation.Count + c.Test.Count);
        // Clips follow their tracks: the clip split is the track split.
        Assert.Equal(s.Test.Select(t => t.Id), c.Test.Select(x => x.TrackId).Distinct());
    }

    [Fact]
    public void Every_genre_gets_its_share_within_one_track_and_totals_match_80_10_10()
    {
        var (tracks, _) = Data();
        var s = Splits.ByTrack(tracks, 7);
        foreach (var g in tracks.Select(t => t.Genre).Distinct())
        {
            int n = tracks.Count(t => t.Genre == g);
            Assert.InRange(s.Train.Count(t => t.Genre == g), 0.8 * n - 1, 0.8 * n + 1);
            Assert.InRange(s.Validation.Count(t => t.Genre == g), 0.1 * n - 1, 0.1 * n + 1);
            Assert.InRange(s.Test.Count(t => t.Genre == g), 0.1 * n - 1, 0.1 * n + 1);
        }
        Assert.Equal(7, s.Test.Count);        // round(67 * 0.1)
        Assert.Equal(7, s.Validation.Count);  // round(60 * 0.1 / 0.9)
        Assert.Equal(53, s.Train.Count);
    }

    [Fact]
    public void Same_seed_same_split_in_any_input_order_and_different_seed_different_split()
    {
        var (tracks, _) = Data();
        var a = Splits.ByTrack(tracks, 3);
        var b = Splits.ByTrack(tracks.Reverse().ToArray(), 3);
        Assert.Equal(a.Train, b.Train);
        Assert.Equal(a.Validation, b.Validation);
        Assert.Equal(a.Test, b.Test);
        var c = Splits.ByTrack(tracks, 4);
        Assert.NotEqual(a.Test, c.Test);
    }

    [Fact]
    public void Custom_fractions_are_validated_and_applied()
    {
        var (tracks, _) = Data();
        var s = Splits.ByTrack(tracks, 1, new SplitFractions(0.6, 0.2, 0.2));
        Assert.Equal(13, s.Test.Count);
        Assert.Throws<ArgumentException>(() => new SplitFractions(0.8, 0.3, 0.1));
        Assert.Throws<ArgumentException>(() => new SplitFractions(1.1, -0.1, 0));
    }

    [Theory]
    [InlineData(5, 0)]
    [InlineData(3, 9)]
    public void Kfold_validates_every_track_exactly_once_and_never_mixes_a_track(int k, int seed)
    {
        var (tracks, clips) = Data();
        var folds = Splits.KFoldByTrack(tracks, k, seed);
        Assert.Equal(k, folds.Count);
        var validated = folds.SelectMany(f => f.Validation.Select(t => t.Id)).ToList();
        Assert.Equal(tracks.Length, validated.Count);
        Assert.Equal(tracks.Select(t => t.Id).OrderBy(x => x), validated.OrderBy(x => x));
        foreach (var f in folds)
        {
            Assert.Empty(f.Train.Select(t => t.Id).Intersect(f.Validation.Select(t => t.Id)));
            Assert.Equal(tracks.Length, f.Train.Count + f.Validation.Count);
            foreach (var g in tracks.Select(t => t.Genre).Distinct())
            {
                double ideal = tracks.Count(t => t.Genre == g) / (double)k;
                Assert.InRange(f.Validation.Count(t => t.Genre == g), Math.Floor(ideal), Math.Ceiling(ideal));
            }
        }
        var sizes = folds.Select(f => f.Validation.Count).ToArray();
        Assert.True(sizes.Max() - sizes.Min() <= 1);

        var clipFolds = Splits.KFoldByTrack(clips, k, seed);
        foreach (var f in clipFolds)
            Assert.Empty(f.Train.Select(c => c.TrackId).Intersect(f.Validation.Select(c => c.TrackId)));
        Assert.Equal(clips.Length, clipFolds.Sum(f => f.Validation.Count));
        Assert.Equal(folds.Select(f => f.Validation.Select(t => t.Id)), clipFolds.Select(f => f.Validation.Select(c => c.TrackId).Distinct().OrderBy(x => x)));
        Assert.NotEqual(folds[0].Validation, Splits.KFoldByTrack(tracks, k, seed + 1)[0].Validation);
        Assert.Equal(folds[0].Validation, Splits.KFoldByTrack(tracks, k, seed)[0].Validation);
    }

    [Fact]
    public void Kfold_rejects_bad_k()
    {
        var (tracks, _) = Data();
        Assert.Throws<ArgumentOutOfRangeException>(() => Splits.KFoldByTrack(tracks, 1, 0));
        Assert.Throws<ArgumentException>(() => Splits.KFoldByTrack(tracks.Take(3).ToArray(), 5, 0));
    }

    [Fact]
    public void Clip_level_split_exists_only_by_name_and_does_leak_tracks()
    {
        var (_, clips) = Data();
        var leaky = Splits.ClipLevelLeaky(clips, 1);
        Assert.Equal(clips.Length, leaky.Train.Count + leaky.Validation.Count + leaky.Test.Count);
        Assert.NotEmpty(leaky.SharedTracks(c => c.TrackId));
        Assert.True(leaky.SharedTracks(c => c.TrackId).Count > clips.Length / 10 / 2);
        Assert.Equal(leaky.Test, Splits.Split(clips, SplitKind.ClipLevelLeaky, 1).Test);
        Assert.Empty(Splits.Split(clips, SplitKind.GroupedByTrack, 1).SharedTracks(c => c.TrackId));
    }
}
