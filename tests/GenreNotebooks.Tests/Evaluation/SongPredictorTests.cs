using GenreNotebooks.Evaluation;

namespace GenreNotebooks.Tests.Evaluation;

public class SongPredictorTests
{
    // Song "s1" (genre 0): clips predict 1, 1, 0 by argmax but the confident clip 0 wins on the mean.
    // Song "s2" (genre 1): both clips predict 1.
    private static readonly FloatMatrix Probs = new(5, 2,
    [
        0.45f, 0.55f,
        0.99f, 0.01f,
        0.40f, 0.60f,
        0.20f, 0.80f,
        0.30f, 0.70f,
    ]);
    private static readonly string[] Tracks = ["s1", "s1", "s2", "s1", "s2"];
    private static readonly int[] Labels = [0, 0, 1, 0, 1];

    [Fact]
    public void Mean_of_clip_probabilities_decides_and_vote_is_reported_beside_it()
    {
        var songs = SongPredictor.Predict(Probs, Tracks, Labels);
        Assert.Equal(["s1", "s2"], songs.Select(s => s.TrackId));
        var s1 = songs[0];
        Assert.Equal(3, s1.ClipCount);
        Assert.Equal((0.45f + 0.99f + 0.20f) / 3, s1.MeanProbabilities[0], 5);
        Assert.Equal((0.55f + 0.01f + 0.80f) / 3, s1.MeanProbabilities[1], 5);
        Assert.Equal(0, s1.PredictedByMean);
        Assert.Equal(1, s1.PredictedByVote);
        Assert.Equal(0, s1.TrueLabel);
        Assert.Equal(1, songs[1].PredictedByMean);
        Assert.Equal(1.0, SongPredictor.Accuracy(songs));
        Assert.Equal(0.5, SongPredictor.Accuracy(songs, byVote: true));
    }

    [Fact]
    public void Vote_tie_goes_to_the_higher_mean_probability()
    {
        var probs = new FloatMatrix(2, 2, [0.51f, 0.49f, 0.1f, 0.9f]);
        var song = Assert.Single(SongPredictor.Predict(probs, ["t", "t"]));
        Assert.Equal(1, song.PredictedByVote);
        Assert.Null(song.TrueLabel);
        Assert.Throws<ArgumentException>(() => SongPredictor.Accuracy([song]));
    }

    [Fact]
    public void Bad_inputs_are_refused()
    {
        Assert.Throws<ArgumentException>(() => SongPredictor.Predict(Probs, ["s1"]));
        Assert.Throws<ArgumentException>(() => SongPredictor.Predict(Probs, Tracks, [0, 1, 1, 0, 1]));   // s1 mixes genres
        Assert.Throws<ArgumentException>(() => SongPredictor.Predict(Probs, ["s1", "", "s2", "s1", "s2"]));
        Assert.Throws<ArgumentOutOfRangeException>(() => SongPredictor.Predict(Probs, Tracks, [0, 0, 2, 0, 2]));
    }
}
