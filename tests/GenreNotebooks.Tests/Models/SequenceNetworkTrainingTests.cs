using GenreNotebooks.Models;
using GenreNotebooks.Nn.Modules;
using GenreNotebooks.Segments;
using GenreNotebooks.Tests.Segments;
using GenreNotebooks.Training;

namespace GenreNotebooks.Tests.Models;

public class SequenceNetworkTrainingTests
{
    // Two "genres" whose MFCCs (hence timbre) sit at different offsets; pitch is random noise in both.
    private static List<TrackSegments> Tracks(int perGenre, int seed, string prefix) =>
        [.. Enumerable.Range(0, perGenre).Select(i => FakeSegments.Track($"low.{prefix}{i}", "low", 40, seed + i, offset: -20)),
         .. Enumerable.Range(0, perGenre).Select(i => FakeSegments.Track($"high.{prefix}{i}", "high", 40, seed + 100 + i, offset: 20))];

    private static (SegmentSequenceSet Train, SegmentSequenceSet Val, SegmentSequenceSet Test) Sets(int length = 64)
    {
        var train = Tracks(12, 1, "tr");
        var timbre = SegmentTimbre.Fit(train);
        string[] genres = ["low", "high"];
        return (SegmentSequenceSet.Create(train, timbre, genres, length), SegmentSequenceSet.Create(Tracks(4, 500, "va"), timbre, genres, length),
            SegmentSequenceSet.Create(Tracks(6, 900, "te"), timbre, genres, length));
    }

    private static readonly TrainingRecipe Recipe = new() { LearningRate = 0.003, BatchSize = 8, Epochs = 12 };

    [Fact]
    public void A_1d_cnn_learns_timbre_that_separates_the_genres_but_not_pitch_noise()
    {
        var (train, val, test) = Sets();
        var timbreRun = SequenceNetworkTraining.TrainAndTest(SequenceNetworks.Gottingen1dCnn([12, 64], 2, seed: 1), Recipe, train, val, test, SegmentInput.Timbre,
            new SequenceRunOptions { Seed = 1 }, name: "timbre");
        Assert.True(timbreRun.Test.Accuracy >= 0.9, $"timbre: {timbreRun}");
        Assert.Equal(12, timbreRun.Test.TrueLabels.Count);
        Assert.Equal("timbre", timbreRun.Name);
        var pitchRun = SequenceNetworkTraining.TrainAndTest(SequenceNetworks.Gottingen1dCnn([12, 64], 2, seed: 1), Recipe, train, val, test, SegmentInput.Pitch,
            new SequenceRunOptions { Seed = 1 });
        Assert.InRange(pitchRun.Test.Accuracy, 0.0, 0.85);   // random pitch carries no genre
    }

    [Fact]
    public void The_catalogue_2d_model_trains_on_the_mixed_input_with_its_recipe_and_early_stopping()
    {
        var (train, val, test) = Sets();
        var run = SequenceNetworkTraining.TrainAndTest("gottingen-2d-cnn", train, val, test, SegmentInput.Mixed,
            new SequenceRunOptions { Seed = 2 }, ModelCatalog.Get("gottingen-2d-cnn").Recipe with { Epochs = 12, BatchSize = 8, LearningRate = 0.003 });
        Assert.True(run.Test.Accuracy >= 0.9, run.ToString());
        Assert.Equal("gottingen-2d-cnn", run.Name);
        // Early stopping on +1% val accuracy within 8 epochs: a perfect validation score cannot improve, so it stops by epoch 9 at the latest after it.
        Assert.True(run.History.Epochs.Count <= 12);
        Assert.NotNull(run.History.RestoredEpoch);
    }

    [Fact]
    public void A_factory_gets_the_input_shape_without_the_batch()
    {
        var (train, val, test) = Sets(32);
        int[]? seen = null;
        SequenceNetworkTraining.TrainAndTest(shape => { seen = shape; return SequenceNetworks.Gottingen2dCnn(shape, 2); }, Recipe with { Epochs = 1 },
            train, val, test, SegmentInput.Mixed);
        Assert.Equal([2, 12, 32], seen!);
    }

    [Fact]
    public void Mismatched_inputs_and_options_are_refused()
    {
        var (train, val, test) = Sets();
        var (_, _, shortTest) = Sets(32);
        var net = SequenceNetworks.Gottingen1dCnn([12, 64], 2);
        Assert.Contains("sequence length", Assert.Throws<ArgumentException>(() =>
            SequenceNetworkTraining.TrainAndTest(net, Recipe, train, val, shortTest, SegmentInput.Timbre)).Message);
        Assert.Contains("gottingen-2d-cnn", Assert.Throws<ArgumentException>(() =>
            SequenceNetworkTraining.TrainAndTest("gottingen-1d-cnn", train, val, test, SegmentInput.Mixed)).Message);
        Assert.Contains("3 class weights", Assert.Throws<ArgumentException>(() =>
            SequenceNetworkTraining.TrainAndTest(net, Recipe, train, val, test, SegmentInput.Timbre, new SequenceRunOptions { ClassWeights = [1, 1, 1] })).Message);
        Assert.Throws<ArgumentOutOfRangeException>(() =>
            SequenceNetworkTraining.TrainAndTest(net, Recipe, train, val, test, SegmentInput.Timbre, new SequenceRunOptions { ClassWeights = [1, float.NaN] }));
        // A 1D network handed the 4D mixed input: refused before training, by the input check.
        Assert.ThrowsAny<ArgumentException>(() => SequenceNetworkTraining.TrainAndTest(net, Recipe, train, val, test, SegmentInput.Mixed));
    }
}
