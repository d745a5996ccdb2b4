using GenreNotebooks.Audio;
using GenreNotebooks.Datasets;
using GenreNotebooks.Datasets.Synthesis;

namespace GenreNotebooks.Tests.Datasets;

public class NineSecondClipTests
{
    /// <summary>Custom folders of 10-s synthetic tracks (three 3-s clips or one 9-s clip each) plus one 5-s track.</summary>
    private static FakeTree Folder()
    {
        var t = new FakeTree();
        foreach (var g in new[] { "rap", "brazilian_funk" })
            for (int i = 0; i < 5; i++)
                WavWriter.Write(Path.Combine(t.Root, "mine", g, $"{g}.{i:D5}.wav"), SyntheticGenres.Generate(g, i, 5, 10.0));
        WavWriter.Write(Path.Combine(t.Root, "mine", "rap", "interlude.wav"), SyntheticGenres.Generate("rap", 9, 5, 5.0));
        return t;
    }

    [Fact]
    public void Nine_second_clips_are_128_by_388_log_mels_with_the_same_track_split_as_3_second_clips()
    {
        using var t = Folder();
        // Checked with the longer clip, so that both clip lengths come from the same tracks.
        var ds = CustomGenres.Load(Path.Combine(t.Root, "mine"), new DatasetCheckOptions { MinTracksPerGenre = 3, Clips = ClipOptions.NineSeconds });
        var interlude = Assert.Single(ds.Report.OfKind(DatasetIssueKind.TooShort));
        Assert.Contains("rap/interlude.wav", interlude.Message);
        Assert.Contains("shorter than one 9-s clip (198450 samples", interlude.Message);
        Assert.Equal(10, ds.Tracks.Count);

        string cache = Path.Combine(t.Root, "cache");
        var tracks = ds.Dataset.Tracks;
        var three = MelClipCache.Compute(tracks, MelClipSettings.Default, ds.Genres, cache, maxParallelism: 2);
        var nine = MelClipCache.Compute(tracks, MelClipSettings.NineSeconds, ds.Genres, cache, maxParallelism: 2);
        Assert.Equal((128, 130), (three.Rows, three.Cols));
        Assert.Equal((128, 388), (nine.Rows, nine.Cols));
        Assert.Equal(388, MelClipSettings.NineSeconds.Frames);
        Assert.Equal(MelClipSettings.NineSeconds, MelClipSettings.Default with { Clips = ClipOptions.Seconds(9) });
        Assert.Equal(30, three.Count);
        Assert.Equal(10, nine.Count);
        Assert.Empty(nine.Warnings);
        Assert.All(nine.Clips, c => Assert.Equal((0, 198450), (c.Start, c.Length)));

        // A 9-s clip is the log-mel of the first 198450 samples, computed directly.
        var track = tracks[3];
        var signal = AudioFile.Load(track.Path);
        int at = nine.Clips.Select((c, i) => (c, i)).Single(x => x.c.TrackId == track.Id).i;
        var direct = MelClipCache.LogMel(Clips.Cut(signal, nine.Clips[at]).Samples, MelClipSettings.NineSeconds);
        Assert.Equal(direct.Data, nine.Span(at).ToArray());
        Assert.Equal(nine.Labels[at], ds.Dataset.LabelOf(track.Genre));

        // One split of the tracks, applied to both clip sets.
        var split = Splits.ByTrack(tracks, seed: 11, new SplitFractions(0.6, 0.2, 0.2));
        var s3 = Splits.ClipsOf(split, three.Clips);
        var s9 = Splits.ClipsOf(split, nine.Clips);
        static string[] Ids(IEnumerable<Clip> clips) => clips.Select(c => c.TrackId).Distinct().Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(split.Train.Select(x => x.Id), Ids(s3.Train));
        Assert.Equal(Ids(s3.Train), Ids(s9.Train));
        Assert.Equal(Ids(s3.Validation), Ids(s9.Validation));
        Assert.Equal(Ids(s3.Test), Ids(s9.Test));
        Assert.Equal(3 * s9.Test.Count, s3.Test.Count);
        Assert.Empty(s3.SharedTracks(c => c.TrackId));
        // Splitting the clip sets directly agrees too, since every track gives clips of both lengths.
        var direct3 = Splits.ByTrack(three.Clips, seed: 11, new SplitFractions(0.6, 0.2, 0.2));
        var direct9 = Splits.ByTrack(nine.Clips, seed: 11, new SplitFractions(0.6, 0.2, 0.2));
        Assert.Equal(Ids(s3.Test), Ids(direct3.Test));
        Assert.Equal(Ids(direct3.Test), Ids(direct9.Test));
        Assert.Equal(Ids(direct3.Validation), Ids(direct9.Validation));
        // The parts load as clip sets of either shape.
        var test9 = nine.Select(s9.Test);
        Assert.Equal(s9.Test.Count * 128 * 388, test9.Data.Length);
    }

    [Fact]
    public void A_track_too_short_for_9_s_clips_would_change_a_split_of_the_clips_but_not_a_split_of_the_tracks()
    {
        using var t = Folder();
        var ds = CustomGenres.Load(Path.Combine(t.Root, "mine"), new DatasetCheckOptions { MinTracksPerGenre = 3 });
        Assert.Equal(11, ds.Tracks.Count);   // the 5-s interlude gives one 3-s clip
        var tracks = ds.Dataset.Tracks;
        var three = Enumerable.Range(0, tracks.Count).SelectMany(i => Clips.Plan(tracks[i], (int)ds.Tracks[i].Samples, ClipOptions.ThreeSeconds)).ToArray();
        var nine = Enumerable.Range(0, tracks.Count).SelectMany(i => Clips.Plan(tracks[i], (int)ds.Tracks[i].Samples, ClipOptions.NineSeconds)).ToArray();
        Assert.DoesNotContain(nine, c => c.TrackId == "rap.interlude");

        var split = Splits.ByTrack(tracks, seed: 4);
        var s3 = Splits.ClipsOf(split, three);
        var s9 = Splits.ClipsOf(split, nine);
        foreach (var (a, b) in new[] { (s3.Train, s9.Train), (s3.Validation, s9.Validation), (s3.Test, s9.Test) })
        {
            var in3 = a.Select(c => c.TrackId).ToHashSet();
            var in9 = b.Select(c => c.TrackId).ToHashSet();
            Assert.Subset(in3, in9);
            Assert.True(in3.Except(in9).All(id => id == "rap.interlude"));
        }

        // Splitting each clip set by its own tracks: rap has 6 tracks in one and 5 in the other, which deals rap's
        // tracks differently for some seeds.
        static string Parts(SplitResult<Clip> s) => string.Join("|", new[] { s.Train, s.Validation, s.Test }
            .Select(p => string.Join(",", p.Select(c => c.TrackId).Where(id => id != "rap.interlude").Distinct())));
        Assert.Contains(Enumerable.Range(0, 10), seed => Parts(Splits.ByTrack(three, seed)) != Parts(Splits.ByTrack(nine, seed)));

        var unknown = new Clip("polka.00001", "polka", 0, 0, 66150);
        var e = Assert.Throws<ArgumentException>(() => Splits.ClipsOf(split, [.. three, unknown]));
        Assert.Contains("polka.00001", e.Message);
    }
}
