using System.Buffers.Binary;
using System.Security.Cryptography;
using GenreNotebooks.Datasets;
using GenreNotebooks.Datasets.Synthesis;
using Xunit.Abstractions;

namespace GenreNotebooks.Tests.Datasets;

public class SyntheticGeneratorTests(ITestOutputHelper output)
{
    private static string TempDir()
    {
        var d = Path.Combine(Path.GetTempPath(), "gn-synth-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(d);
        return d;
    }

    private static Dictionary<string, string> HashFiles(string root) =>
        Directory.GetFiles(root, "*.wav", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(root, f), f => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(f))));

    [Fact]
    public void Wav_bytes_are_identical_for_a_seed_whatever_the_order_and_parallelism()
    {
        string a = TempDir(), b = TempDir();
        try
        {
            SyntheticDataset.Generate(a, ["blues", "metal", "reggae"], 2, seed: 5, durationSeconds: 4, maxParallelism: 1);
            // Other genre order, other thread count, and a track generated alone first: same bytes.
            SyntheticGenres.Generate("reggae", 1, 5, 4);
            SyntheticDataset.Generate(b, ["reggae", "metal", "blues"], 2, seed: 5, durationSeconds: 4, maxParallelism: 4);
            var ha = HashFiles(a);
            var hb = HashFiles(b);
            Assert.Equal(6, ha.Count);
            Assert.Equal(ha.OrderBy(kv => kv.Key), hb.OrderBy(kv => kv.Key));
        }
        finally
        {
            Directory.Delete(a, true);
            Directory.Delete(b, true);
        }
    }

    [Fact]
    public void A_track_does_not_depend_on_how_many_tracks_are_generated()
    {
        var alone = SyntheticGenres.Generate("jazz", 3, 11, 2);
        string dir = TempDir();
        try
        {
            SyntheticDataset.Generate(dir, ["jazz"], 5, seed: 11, durationSeconds: 2);
            var fromSet = new TrackAudioLoader().TryLoad(new Track("jazz.00003", "jazz", SyntheticDataset.TrackPath(dir, "jazz", 3)), out var s, out var problem);
            Assert.True(fromSet, problem);
            // 16-bit rounding is the only difference.
            Assert.Equal(alone.Length, s!.Length);
            for (int i = 0; i < alone.Length; i++) Assert.True(Math.Abs(alone.Samples[i] - s.Samples[i]) <= 1.0f / 32768 + 1e-7f);
        }
        finally { Directory.Delete(dir, true); }
    }

    [Fact]
    public void Different_seeds_and_indices_give_different_tracks()
    {
        var a = SyntheticGenres.Generate("pop", 0, 1, 2).Samples;
        var b = SyntheticGenres.Generate("pop", 0, 2, 2).Samples;
        var c = SyntheticGenres.Generate("pop", 1, 1, 2).Samples;
        Assert.NotEqual(a, b);
        Assert.NotEqual(a, c);
        Assert.Equal(a, SyntheticGenres.Generate("POP", 0, 1, 2).Samples);
    }

    [Fact]
    public void Written_tracks_are_30_s_22050_Hz_mono_16_bit_wav_in_the_kaggle_layout()
    {
        string dir = TempDir();
        try
        {
            var paths = SyntheticDataset.Generate(dir, ["classical"], 1, seed: 3);
            string expected = Path.Combine(dir, "genres_original", "classical", "classical.00000.wav");
            Assert.Equal(expected, Assert.Single(paths));
            var bytes = File.ReadAllBytes(expected);
            Assert.Equal("RIFF", System.Text.Encoding.ASCII.GetString(bytes, 0, 4));
            Assert.Equal(1, BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(20)));   // PCM
            Assert.Equal(1, BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(22)));   // mono
            Assert.Equal(22050u, BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(24)));
            Assert.Equal(16, BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(34)));
            Assert.Equal(30 * 22050 * 2u, BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(40)));
            Assert.Empty(Directory.GetFiles(dir, "*.tmp", SearchOption.AllDirectories));
        }
        finally { Directory.Delete(dir, true); }
    }

    [Theory]
    [MemberData(nameof(AllGenres))]
    public void Every_genre_renders_a_nonsilent_unclipped_signal(string genre)
    {
        var s = SyntheticGenres.Generate(genre, 0, 9, 3);
        Assert.Equal(3 * 22050, s.Length);
        Assert.All(s.Samples, v => Assert.True(float.IsFinite(v) && Math.Abs(v) < 1f));
        double rms = Math.Sqrt(s.Samples.Average(v => (double)v * v));
        Assert.InRange(20 * Math.Log10(rms), -40, -5);
    }

    public static TheoryData<string> AllGenres() => new(GenreRecipes.All);

    [Fact]
    public void Unknown_genre_fails_with_the_known_genres_listed()
    {
        var e = Assert.Throws<ArgumentException>(() => SyntheticGenres.Generate("polka", 0, 1, 1));
        Assert.Contains("polka", e.Message);
        Assert.Contains("blues", e.Message);
        Assert.Contains("brazilian_funk", e.Message);
        Assert.Throws<ArgumentException>(() => SyntheticDataset.Generate(Path.GetTempPath(), ["rock", "polka"], 1, 1));
    }

    [Fact]
    public void Recipes_cover_gtzan_and_the_extra_genres()
    {
        Assert.Equal(10, GenreRecipes.Gtzan.Count);
        foreach (var g in new[] { "rap", "edm", "latin", "kpop", "flamenco", "indie", "brazilian_funk" })
            Assert.Contains(g, GenreRecipes.Extra);
        foreach (var g in GenreRecipes.All) Assert.Equal(g, GenreRecipes.Get(g).Name);
    }

    private static List<(float[] X, string Y, string Id)> Features(IEnumerable<string> genres, int perGenre, double seconds, int seed)
    {
        var rows = new List<(float[] X, string Y, string Id)>();
        foreach (var g in genres)
            for (int i = 0; i < perGenre; i++)
            {
                var s = SyntheticGenres.Generate(g, i, seed, seconds);
                rows.Add((SimpleFeatures.Compute(s.Samples, s.SampleRate), g, SyntheticGenres.TrackId(g, i)));
            }
        return rows;
    }

    [Fact]
    public void Genres_differ_in_brightness_loudness_and_beat()
    {
        var rows = Features(["classical", "metal", "jazz", "disco"], 6, 6, 21);
        double Mean(string g, int f) => rows.Where(r => r.Y == g).Average(r => r.X[f]);
        double Min(string g, int f) => rows.Where(r => r.Y == g).Min(r => r.X[f]);
        double Max(string g, int f) => rows.Where(r => r.Y == g).Max(r => r.X[f]);
        foreach (var g in new[] { "classical", "metal", "jazz", "disco" })
            output.WriteLine($"{g}: " + string.Join(" ", SimpleFeatures.Names.Select((n, j) => $"{n}={Mean(g, j):F1}")));
        // Spectral centroid (index 0): every classical track is darker than every metal and disco track.
        Assert.True(Max("classical", 0) < Min("metal", 0));
        Assert.True(Max("classical", 0) < Min("disco", 0));
        // Loudness (index 3, RMS dB): metal is mastered louder than jazz on average by several dB.
        Assert.True(Mean("metal", 3) > Mean("jazz", 3) + 4);
        // Onsets (index 5): disco's four-on-the-floor has more onsets per second than classical's drumless textures.
        Assert.True(Mean("disco", 5) > Mean("classical", 5));
    }

    [Fact]
    public void The_beat_heard_in_the_audio_matches_the_chosen_tempo_up_to_octave_errors()
    {
        // Onset-flux autocorrelation tempo, folded by factors of 2 onto the generator's tempo.
        int hits = 0, total = 0;
        foreach (var g in new[] { "disco", "edm", "reggae", "rock", "country" })
            for (int i = 0; i < 4; i++)
            {
                var truth = SyntheticGenres.Describe(g, i, 3).TempoBpm;
                var s = SyntheticGenres.Generate(g, i, 3, 8);
                double ratio = SimpleFeatures.Compute(s.Samples, s.SampleRate)[6] / truth;
                while (ratio < 0.75) ratio *= 2;
                while (ratio >= 1.5) ratio /= 2;
                output.WriteLine($"{g}.{i}: chosen {truth:0} bpm, folded ratio {ratio:0.00}");
                total++;
                if (Math.Abs(ratio - 1) < 0.06) hits++;
            }
        Assert.True(hits >= 0.7 * total, $"{hits} of {total} tracks have the chosen tempo");
        // Genres' tempo ranges differ: reggae's one-drop is slower than disco's four-on-the-floor.
        Assert.True(Enumerable.Range(0, 10).Max(i => SyntheticGenres.Describe("reggae", i, 1).TempoBpm) <
                    Enumerable.Range(0, 10).Min(i => SyntheticGenres.Describe("disco", i, 1).TempoBpm));
    }

    [Fact]
    public void Describe_reports_the_choices_the_renderer_makes()
    {
        TrackDescription d = SyntheticGenres.Describe("blues", 5, 8);
        Assert.Equal(d, SyntheticGenres.Describe("blues", 5, 8));
        Assert.InRange(d.TempoBpm, GenreRecipes.Get("blues").TempoMin, GenreRecipes.Get("blues").TempoMax);
        Assert.Contains("blues.00005", d.ToString());
        var kinds = Enumerable.Range(0, 30).Select(i => SyntheticGenres.Describe("rock", i, 1)).ToArray();
        // Per-track variety: several grooves, progressions and keys occur within one genre.
        Assert.True(kinds.Select(k => k.Progression).Distinct().Count() >= 3);
        Assert.True(kinds.Select(k => k.Key).Distinct().Count() >= 6);
        Assert.True(kinds.Select(k => k.Comping).Distinct().Count() >= 2);
    }

    [Fact]
    public void Simple_feature_baseline_is_well_above_chance_but_far_from_perfect()
    {
        // Nearest centroid on 7 plain features (centroid mean/std, zcr, rms mean/std, onset rate, tempo), track-grouped 4-fold CV.
        var rows = Features(GenreRecipes.Gtzan, 8, 8, 7);
        var tracks = rows.Select(r => new Track(r.Id, r.Y, r.Id)).ToArray();
        var accs = new List<double>();
        foreach (var f in Splits.KFoldByTrack(tracks, 4, 1))
        {
            var train = f.Train.Select(t => t.Id).ToHashSet();
            accs.Add(NearestCentroid.Accuracy(
                rows.Where(r => train.Contains(r.Id)).Select(r => (r.X, r.Y)).ToArray(),
                rows.Where(r => !train.Contains(r.Id)).Select(r => (r.X, r.Y)).ToArray()));
        }
        double acc = accs.Average();
        output.WriteLine($"nearest-centroid accuracy, 10 genres x 8 tracks of 8 s, grouped 4-fold: {acc:P1} ({string.Join(", ", accs.Select(a => a.ToString("P0")))})");
        Assert.InRange(acc, 0.2, 0.9);
    }
}
