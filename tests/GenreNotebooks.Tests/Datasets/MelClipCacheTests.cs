using GenreNotebooks.Audio;
using GenreNotebooks.Datasets;
using GenreNotebooks.Datasets.Synthesis;

namespace GenreNotebooks.Tests.Datasets;

public class MelClipCacheTests
{
    private static (FakeTree Tree, Track[] Tracks) Setup()
    {
        var t = new FakeTree();
        var tracks = new List<Track>();
        foreach (var g in new[] { "blues", "metal" })
            for (int i = 0; i < 2; i++)
            {
                var path = Path.Combine(t.Root, "audio", g, $"{g}.{i:D5}.wav");
                WavWriter.Write(path, SyntheticGenres.Generate(g, i, 1, 6.5));   // 2 whole 3-s clips, tail dropped
                tracks.Add(new Track($"{g}.{i:D5}", g, path));
            }
        var bad = t.Text("audio/metal/metal.00099.wav", "not a wav");
        tracks.Add(new Track("metal.00099", "metal", bad));
        return (t, tracks.ToArray());
    }

    [Fact]
    public void Computes_128_by_130_log_mels_per_3_s_clip_skips_a_bad_file_and_reloads_from_cache()
    {
        var (t, tracks) = Setup();
        using var _ = t;
        string cache = Path.Combine(t.Root, "cache");
        var first = MelClipCache.Compute(tracks, cacheRoot: cache);
        Assert.Equal(8, first.Count);
        Assert.Equal(128, first.Rows);
        Assert.Equal(130, first.Cols);
        Assert.Equal(["blues", "metal"], first.Genres);
        Assert.Equal([0, 0, 0, 0, 1, 1, 1, 1], first.Labels);
        Assert.Equal("blues.00000.1", first.Clips[1].Id);
        Assert.Contains(first.Warnings, w => w.Contains("metal.00099.wav"));

        // Same numbers as computing the clip directly.
        var signal = AudioFile.Load(tracks[3].Path);
        var direct = MelClipCache.LogMel(Clips.Cut(signal, first.Clips[7]).Samples, MelClipSettings.Default);
        Assert.Equal(direct.Data, first.Span(7).ToArray());
        for (int k = 0; k < first.Count; k++)
        {
            var clip = first.Span(k).ToArray();
            Assert.True(clip.Min() >= clip.Max() - 80.001f, "top_db 80 floors every clip");
        }

        var files = Directory.GetFiles(MelClipCache.FolderFor(MelClipSettings.Default, cache), "*.mel", SearchOption.AllDirectories);
        Assert.Equal(4, files.Length);
        var stamps = files.ToDictionary(f => f, File.GetLastWriteTimeUtc);
        var second = MelClipCache.Compute(tracks, cacheRoot: cache);
        Assert.Equal(first.Data, second.Data);
        Assert.Equal(first.Clips, second.Clips);
        Assert.All(files, f => Assert.Equal(stamps[f], File.GetLastWriteTimeUtc(f)));
    }

    [Fact]
    public void Changed_settings_use_another_folder_and_a_damaged_cache_file_is_recomputed()
    {
        var (t, tracks) = Setup();
        using var _ = t;
        string cache = Path.Combine(t.Root, "cache");
        var nine = MelClipSettings.Default with { Clips = ClipOptions.Seconds(2) };
        Assert.NotEqual(MelClipCache.FolderFor(MelClipSettings.Default, cache), MelClipCache.FolderFor(nine, cache));
        var a = MelClipCache.Compute(tracks.Take(1).ToArray(), nine, cacheRoot: cache);
        Assert.Equal(3, a.Count);
        Assert.Equal(87, a.Cols);
        var file = Directory.GetFiles(MelClipCache.FolderFor(nine, cache), "*.mel", SearchOption.AllDirectories).Single();
        File.WriteAllBytes(file, [1, 2, 3]);
        var b = MelClipCache.Compute(tracks.Take(1).ToArray(), nine, cacheRoot: cache);
        Assert.Equal(a.Data, b.Data);
        Assert.True(new FileInfo(file).Length > 100);
    }

    [Fact]
    public void Select_returns_the_clips_of_a_split_in_order()
    {
        var (t, tracks) = Setup();
        using var _ = t;
        var set = MelClipCache.Compute(tracks, cacheRoot: Path.Combine(t.Root, "cache"), maxParallelism: 1);
        var split = Splits.ByTrack(set.Clips, 1, new SplitFractions(0.5, 0.25, 0.25));
        MelClipSet train = set.Select(split.Train);
        Assert.Equal(split.Train.Count, train.Count);
        int i = set.Clips.ToList().IndexOf(split.Train[0]);
        Assert.Equal(set.Span(i).ToArray(), train.Span(0).ToArray());
        Assert.Equal(set.Labels[i], train.Labels[0]);
    }
}

public class LeakProbeTests
{
    [Fact]
    public void Nearest_neighbour_finds_the_same_song_under_a_clip_level_split_and_never_under_a_grouped_one()
    {
        using var t = new FakeTree();
        var tracks = new List<Track>();
        foreach (var g in new[] { "classical", "rock", "reggae" })
            for (int i = 0; i < 4; i++)
            {
                var path = Path.Combine(t.Root, g, $"{g}.{i:D5}.wav");
                WavWriter.Write(path, SyntheticGenres.Generate(g, i, 2, 15));
                tracks.Add(new Track($"{g}.{i:D5}", g, path));
            }
        var set = MelClipCache.Compute(tracks, cacheRoot: Path.Combine(t.Root, "cache"));
        Assert.Equal(60, set.Count);
        var fractions = new SplitFractions(0.7, 0.0, 0.3);
        var grouped = Splits.ByTrack(set.Clips, 1, fractions);
        var leaky = Splits.ClipLevelLeaky(set.Clips, 1, fractions);
        var g1 = LeakProbe.NearestNeighbour(set.Select(grouped.Train), set.Select(grouped.Test));
        var l1 = LeakProbe.NearestNeighbour(set.Select(leaky.Train), set.Select(leaky.Test));
        Assert.Equal(0, g1.SameTrackNeighbour);
        Assert.True(l1.SameTrackNeighbour >= 0.5, $"leaky split: neighbour from the same track only {l1.SameTrackNeighbour:P0}");
        Assert.True(l1.Accuracy >= g1.Accuracy, $"leaky {l1.Accuracy:P0} < grouped {g1.Accuracy:P0}");
        Assert.Throws<ArgumentException>(() => LeakProbe.NearestNeighbour(set.Select([]), set));
    }
}
