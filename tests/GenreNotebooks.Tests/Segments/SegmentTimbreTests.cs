using GenreNotebooks.Datasets;
using GenreNotebooks.Datasets.Synthesis;
using GenreNotebooks.Exploration;
using GenreNotebooks.Segments;

namespace GenreNotebooks.Tests.Segments;

public sealed class SegmentTimbreTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("genre-timbre-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void The_pca_matches_the_exploration_pca_checked_against_scikit_learn()
    {
        var track = FakeSegments.Track("t", null, 600, 1);
        var rows = track.MfccMatrix();
        var model = SegmentTimbre.Fit(rows);
        var reference = Pca.Fit(rows, 12);
        Assert.Equal(12, model.ComponentCount);
        for (int c = 0; c < 12; c++)
        {
            Assert.Equal(reference.ExplainedVariance[c], model.ExplainedVariance[c], reference.ExplainedVariance[c] * 1e-9);
            for (int j = 0; j < 20; j++) Assert.Equal(reference.Components[c][j], model.Components[c][j], 1e-8);
        }
        for (int j = 0; j < 20; j++) Assert.Equal(reference.Mean[j], model.Mean[j], 1e-9);
        Assert.Equal(reference.TotalVariance, model.TotalVariance, reference.TotalVariance * 1e-12);
    }

    [Fact]
    public void Training_timbre_is_centred_and_its_first_component_has_standard_deviation_50()
    {
        var tracks = Enumerable.Range(0, 5).Select(i => FakeSegments.Track($"t{i}", "rock", 80, 10 + i, offset: -100)).ToArray();
        var model = SegmentTimbre.Fit(tracks);
        Assert.Equal(5, model.TrainingTracks);
        Assert.Equal(400, model.TrainingSegments);
        var all = tracks.SelectMany(t => Enumerable.Range(0, t.Count).Select(i => model.Transform(t.Segments[i].Mfcc))).ToArray();
        for (int c = 0; c < 12; c++) Assert.Equal(0.0, all.Average(v => (double)v[c]), 3);
        double mean0 = all.Average(v => (double)v[0]);
        double std0 = Math.Sqrt(all.Sum(v => (v[0] - mean0) * (v[0] - mean0)) / (all.Length - 1));
        Assert.Equal(50.0, std0, 3);
        // The scale keeps the PCA's order: later components vary less.
        double Std(int c) => Math.Sqrt(all.Sum(v => (double)v[c] * v[c]) / (all.Length - 1));
        for (int c = 1; c < 12; c++) Assert.True(Std(c) <= Std(c - 1) * 1.0001, $"component {c}");
    }

    [Fact]
    public void Fitting_on_the_training_split_leaves_the_test_tracks_out_of_the_basis()
    {
        var tracks = Enumerable.Range(0, 20).Select(i => new Track($"rock.{i:D5}", "rock", $"/x/rock.{i:D5}.wav")).ToArray();
        var split = Splits.ByTrack(tracks, seed: 3);
        var segments = tracks.Select((t, i) => FakeSegments.Track(t.Id, t.Genre, 40, i)).ToArray();
        var report = new SegmentExtractionReport(segments, []);
        var model = SegmentTimbre.Fit(report.For(split.Train));

        // Replace every test (and validation) track with wildly different segments: the fitted model does not move.
        var held = split.Test.Concat(split.Validation).Select(t => t.Id).ToHashSet();
        var changed = segments.Select((s, i) => held.Contains(s.TrackId) ? FakeSegments.Track(s.TrackId, s.Genre, 90, 1000 + i, offset: 500, spread: 7) : s).ToArray();
        var again = SegmentTimbre.Fit(new SegmentExtractionReport(changed, []).For(split.Train));
        Assert.Equal(model.ToJson(), again.ToJson());
        Assert.Equal(split.Train.Count, model.TrainingTracks);

        // Fitting on every track would have moved the mean and the components: the check above can fail.
        var leaky = SegmentTimbre.Fit(changed);
        Assert.True(Math.Abs(leaky.Mean[0] - model.Mean[0]) > 10, "the held-out tracks should shift the mean");
        double cos = 0;
        for (int j = 0; j < 20; j++) cos += leaky.Components[0][j] * model.Components[0][j];
        Assert.True(Math.Abs(cos) < 0.99, $"the first component should turn, |cos| = {Math.Abs(cos)}");

        // The test sequences are described in the training basis.
        var test = SegmentSequenceSet.Create(new SegmentExtractionReport(changed, []).For(split.Test), model, ["rock"]);
        var expected = model.Transform(changed.First(s => s.TrackId == split.Test[0].Id));
        Assert.Equal(expected[0, 0], test.Timbre().ToArray()[0]);
    }

    [Fact]
    public void Save_and_load_round_trip_exactly()
    {
        var tracks = new[] { "blues", "metal" }.Select((g, i) =>
            SegmentAnalyzer.Analyze(SyntheticGenres.Generate(g, i, 4, durationSeconds: 3).Samples, 22050, trackId: g, genre: g)).ToArray();
        var model = SegmentTimbre.Fit(tracks);
        string path = Path.Combine(_dir, "nested", "timbre.json");
        model.Save(path);
        var loaded = SegmentTimbre.Load(path);
        Assert.Equal(model.ToJson(), loaded.ToJson());
        Assert.Equal(model.Scale, loaded.Scale);
        Assert.Equal(model.TrainingSegments, loaded.TrainingSegments);
        Assert.Equal(model.ExplainedVarianceRatio, loaded.ExplainedVarianceRatio);
        foreach (var t in tracks)
            Assert.Equal(model.Transform(t).Data, loaded.Transform(t).Data);
        Assert.Equal((22050, 2048, 512, 128), (loaded.SampleRate, loaded.NFft, loaded.HopLength, loaded.NMels));
    }

    [Fact]
    public void The_model_refuses_tracks_analysed_with_other_settings()
    {
        var y = SyntheticGenres.Generate("disco", 0, 4, durationSeconds: 2).Samples;
        var track = SegmentAnalyzer.Analyze(y, 22050);
        var model = SegmentTimbre.Fit([track]);
        var otherMels = SegmentAnalyzer.Analyze(y, 22050, new SegmentOptions { NMels = 64 });
        Assert.Contains("64 mel bands instead of 128", Assert.Throws<ArgumentException>(() => model.Transform(otherMels)).Message);
        var otherRate = SegmentAnalyzer.Analyze(y, 16000);
        Assert.Contains("16000 Hz instead of 22050 Hz", Assert.Throws<ArgumentException>(() => model.Transform(otherRate)).Message);
        Assert.Throws<ArgumentException>(() => SegmentTimbre.Fit([track, otherRate]));
        // Hand-made segments carry no settings and are accepted.
        Assert.Equal(12, model.Transform(FakeSegments.Track("x", null, 3, 1)).Cols);
    }

    [Fact]
    public void Bad_model_files_and_inputs_give_clear_errors()
    {
        var missing = Path.Combine(_dir, "none.json");
        Assert.Contains(missing, Assert.Throws<FileNotFoundException>(() => SegmentTimbre.Load(missing)).Message);
        var garbage = Path.Combine(_dir, "garbage.json");
        File.WriteAllText(garbage, "start,duration\n0,1\n");
        Assert.Contains(garbage, Assert.Throws<InvalidDataException>(() => SegmentTimbre.Load(garbage)).Message);
        Assert.Contains("format", Assert.Throws<InvalidDataException>(() => SegmentTimbre.FromJson("{\"format\": \"other\"}")).Message);
        var model = SegmentTimbre.Fit(FakeSegments.Track("t", null, 50, 2).MfccMatrix());
        var json = model.ToJson().Replace("\"inputSize\": 20", "\"inputSize\": 19");
        Assert.Contains("do not fit", Assert.Throws<InvalidDataException>(() => SegmentTimbre.FromJson(json)).Message);

        Assert.Throws<ArgumentException>(() => model.Transform(new float[13]));
        Assert.Throws<ArgumentException>(() => model.Transform(FakeSegments.Track("u", null, 5, 3, mfcc: 13)));
        Assert.Throws<ArgumentException>(() => SegmentTimbre.Fit(FakeSegments.Track("one", null, 1, 4).MfccMatrix()));
        Assert.Throws<ArgumentException>(() => SegmentTimbre.Fit(Array.Empty<TrackSegments>()));
        Assert.Throws<ArgumentOutOfRangeException>(() => SegmentTimbre.Fit(FakeSegments.Track("t", null, 50, 2).MfccMatrix(), components: 21));
        Assert.Throws<ArgumentException>(() => SegmentTimbre.Fit([FakeSegments.Track("a", null, 5, 5), FakeSegments.Track("b", null, 5, 6, mfcc: 13)]));
        var rows = FakeSegments.Track("t", null, 10, 7).MfccMatrix();
        rows[3, 4] = float.NaN;
        Assert.Contains("NaN", Assert.Throws<ArgumentException>(() => SegmentTimbre.Fit(rows)).Message);
    }
}
