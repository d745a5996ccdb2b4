using GenreNotebooks.Audio;
using GenreNotebooks.Datasets;
using GenreNotebooks.Datasets.Synthesis;
using GenreNotebooks.Evaluation;
using GenreNotebooks.Models;
using GenreNotebooks.Training;

namespace GenreNotebooks.Tests.Evaluation;

public class SongTimelineTests
{
    private static readonly string[] Genres = ["classical", "metal", "pop"];

    private static MelClassifier Untrained() =>
        new("bu-fewer-filters", ModelCatalog.Build("bu-fewer-filters", [1, 64, 65], 3, seed: 4), Genres, new MelScaling(-20f, 15f), pool: 2);

    [Fact]
    public void Clips_follow_the_hop_and_the_tail_policy()
    {
        var classifier = Untrained();
        var song = SyntheticGenres.Generate("pop", 0, 42, durationSeconds: 10.5);

        var side = SongTimeline.Compute(classifier, song);
        Assert.Equal(3, side.ClipCount);                    // 10.5 s: three whole 3-s clips, the tail dropped
        Assert.Equal([0.0, 3.0, 6.0], side.StartSeconds);
        Assert.Equal(3, side.Probabilities.Cols);
        Assert.Equal(0, side.PaddedClips);
        Assert.Equal(3.0, side.ClipSeconds, 9);
        Assert.Equal(10.5, side.DurationSeconds, 9);

        var padded = SongTimeline.Compute(classifier, song, tail: TailPolicy.Pad);
        Assert.Equal(4, padded.ClipCount);
        Assert.Equal(1, padded.PaddedClips);

        var overlapping = SongTimeline.Compute(classifier, song, hopSeconds: 1.5);
        Assert.Equal([0.0, 1.5, 3.0, 4.5, 6.0, 7.5], overlapping.StartSeconds);
        // Overlapping clips at the same start times are the same clips: the same probabilities.
        for (int k = 0; k < 3; k++)
            for (int g = 0; g < 3; g++)
                Assert.Equal(side.Probabilities[k, g], overlapping.Probabilities[2 * k, g], 5);

        var shortSong = SongTimeline.Compute(classifier, SyntheticGenres.Generate("pop", 0, 42, durationSeconds: 1));
        Assert.Equal(1, shortSong.ClipCount);               // shorter than a clip: padded to one
        Assert.Equal(1, shortSong.PaddedClips);
    }

    [Fact]
    public void The_mean_is_what_MelClassifier_Classify_gives_and_rows_are_distributions()
    {
        var classifier = Untrained();
        var song = SyntheticGenres.Generate("metal", 1, 42, durationSeconds: 13);
        var expected = classifier.Classify(song, "metal.00001");
        foreach (var timeline in new[] { SongTimeline.Compute(classifier, song), SongTimeline.Compute(classifier, song, hopSeconds: 3.0, batchSize: 2) })
        {
            Assert.Equal(expected.ClipCount, timeline.ClipCount);
            for (int g = 0; g < 3; g++) Assert.True(Math.Abs(expected.MeanProbabilities[g] - timeline.Mean[g]) <= 1e-6, $"genre {g}");
            Assert.Equal(expected.PredictedByMean, timeline.Song.PredictedByMean);
            Assert.Equal(expected.PredictedByVote, timeline.Song.PredictedByVote);
            for (int k = 0; k < timeline.ClipCount; k++) Assert.Equal(1.0, timeline.Probabilities.Row(k).ToArray().Sum(), 5);
        }
    }

    [Fact]
    public void Module_overload_resamples_and_confidence_margin_and_agreement_follow_the_rows()
    {
        var classifier = Untrained();
        var song = SyntheticGenres.Generate("classical", 0, 3, durationSeconds: 9);
        var at22 = SongTimeline.Compute(classifier.Model, classifier.Scaling, classifier.Settings, Genres, song, pool: 2, id: "c");
        var at44 = SongTimeline.Compute(classifier.Model, classifier.Scaling, classifier.Settings, Genres, song.Resample(44100), pool: 2);
        Assert.Equal(at22.ClipCount, at44.ClipCount);
        Assert.Equal(22050, at44.SampleRate);

        var mean = Enumerable.Range(0, 3).Select(g => Enumerable.Range(0, at22.ClipCount).Average(k => at22.Probabilities[k, g])).ToArray();
        for (int g = 0; g < 3; g++) Assert.Equal(mean[g], at22.Mean[g], 5);
        var sorted = mean.OrderDescending().ToArray();
        Assert.Equal(sorted[0], at22.Confidence, 5);
        Assert.Equal(sorted[0] - sorted[1], at22.Margin, 5);
        int best = Array.IndexOf(mean, mean.Max());
        Assert.Equal(at22.ClipPredictions.Count(p => p == best) / (double)at22.ClipCount, at22.Agreement);
        Assert.Equal(mean[1], at22["METAL"], 5);
        Assert.True(double.IsNaN(at22["reggae"]));
        Assert.StartsWith("c: 3 clips of 3 s", at22.ToString());
    }

    [Fact]
    public void Batched_probabilities_are_the_one_clip_at_a_time_ones_and_the_song_is_their_mean()
    {
        var c = Untrained();
        var song = SyntheticGenres.Generate("pop", 3, 42, durationSeconds: 9);
        var timeline = SongTimeline.Compute(c, song, batchSize: 64, id: "pop.00003");
        var clips = Clips.Plan(new Track("s", "unknown", "s"), song.Length, c.Settings.Clips);
        Assert.Equal(clips.Count, timeline.ClipCount);
        for (int k = 0; k < clips.Count; k++)
        {
            var mel = MelClipCache.LogMel(Clips.Cut(song, clips[k]).Samples, c.Settings);
            var one = Predictions.Probabilities(c.Model, MelInputs.ToTensor(mel, c.Scaling, c.Pool));
            Assert.Equal(1, one.Rows);
            for (int g = 0; g < 3; g++) Assert.True(Math.Abs(one[0, g] - timeline.Probabilities[k, g]) <= 1e-5, $"clip {k}, genre {g}");
        }
        SongPrediction prediction = timeline.Song;
        Assert.Equal("pop.00003", prediction.TrackId);
        Assert.Equal(clips.Count, prediction.ClipCount);
        Assert.Equal(timeline.Mean, prediction.MeanProbabilities);
    }

    [Fact]
    public void Bad_inputs_are_refused()
    {
        var c = Untrained();
        var song = SyntheticGenres.Generate("pop", 0, 42, durationSeconds: 4);
        Assert.Throws<ArgumentException>(() => SongTimeline.Compute(c, new AudioSignal([], 22050)));
        Assert.Throws<ArgumentOutOfRangeException>(() => SongTimeline.Compute(c, song, hopSeconds: 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => SongTimeline.Compute(c, song, hopSeconds: double.NaN));
        Assert.Throws<ArgumentOutOfRangeException>(() => SongTimeline.Compute(c, song, batchSize: 0));
        // Two genre names for a three-output network.
        Assert.Throws<ArgumentException>(() => SongTimeline.Compute(c.Model, c.Scaling, c.Settings, ["a", "b"], song, pool: 2));
        Assert.Throws<ArgumentException>(() => SongTimeline.Compute(c.Model, c.Scaling, c.Settings, ["a"], song, pool: 2));
    }
}
