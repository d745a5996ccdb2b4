using GenreNotebooks.Datasets;
using GenreNotebooks.Models;
using GenreNotebooks.Nn;
using GenreNotebooks.Nn.Modules;
using GenreNotebooks.Training;

namespace GenreNotebooks.Tests.Models;

public class MelNetworkTrainingTests
{
    // Two "genres" of 16 x 20 spectrograms: a bright band low or high, plus noise; 3 clips per track.
    private static MelClipSet Set(int tracksPerGenre, ulong seed, string prefix)
    {
        var g = new Generator(seed);
        var clips = new List<Clip>();
        var data = new List<float>();
        foreach (var (genre, band) in new[] { ("low", 3), ("high", 12) })
            for (int t = 0; t < tracksPerGenre; t++)
                for (int c = 0; c < 3; c++)
                {
                    clips.Add(new Clip($"{genre}.{prefix}{t}", genre, c, c * 100, 100));
                    for (int r = 0; r < 16; r++)
                        for (int col = 0; col < 20; col++) data.Add((float)(-40 + (Math.Abs(r - band) < 2 ? 30 : 0) + 5 * g.NextGaussian()));
                }
        return new MelClipSet(clips, ["low", "high"], 16, 20, data.ToArray(), []);
    }

    private static Sequential SmallCnn(int classes = 2) => new(
        new Conv2d(1, 4, 3, "same"), new ReLU(), new MaxPool2d(2), new Flatten(), new Linear(4 * 8 * 10, classes));

    [Fact]
    public void A_network_written_by_the_reader_trains_with_a_recipe_and_is_scored_per_clip_and_per_song()
    {
        var recipe = new TrainingRecipe { Epochs = 6, LearningRate = 0.01 };
        Torch.ManualSeed(3);
        var (run, scaling) = MelNetworkTraining.TrainAndTest(SmallCnn(), recipe, Set(6, 1, "a"), Set(2, 2, "b"), Set(3, 3, "c"),
            new MelRunOptions { Seed = 4 }, name: "small");
        NetworkRun result = run;
        Assert.Equal("small", result.Name);
        Assert.Equal(6, result.History.Epochs.Count);
        Assert.Same(recipe, result.Recipe);
        Assert.True(result.Test.Accuracy >= 0.9, $"test accuracy {result.Test.Accuracy}");
        Assert.Equal(6, result.Test.Songs!.Count);
        Assert.True(scaling.Std > 0);
    }

    [Fact]
    public void The_same_seed_gives_the_same_run_and_class_weights_must_fit_the_genres()
    {
        var recipe = new TrainingRecipe { Epochs = 2 };
        (double[], double) Once()
        {
            Torch.ManualSeed(5);
            var (r, _) = MelNetworkTraining.TrainAndTest(SmallCnn(), recipe, Set(3, 1, "a"), Set(1, 2, "b"), Set(1, 3, "c"), new MelRunOptions { Seed = 6 });
            return (r.History.TrainLoss, r.Test.Accuracy);
        }
        var (lossA, accA) = Once();
        var (lossB, accB) = Once();
        Assert.Equal(lossA, lossB);
        Assert.Equal(accA, accB);
        var e = Assert.Throws<ArgumentException>(() => MelNetworkTraining.TrainAndTest(SmallCnn(), recipe, Set(3, 1, "a"), Set(1, 2, "b"), Set(1, 3, "c"),
            new MelRunOptions { ClassWeights = [1f, 2f, 3f] }));
        Assert.Contains("3 class weights for 2 genres", e.Message);
    }

    [Fact]
    public void A_network_that_does_not_fit_the_clips_is_refused_before_training_naming_the_shape()
    {
        var recipe = new TrainingRecipe { Epochs = 1 };
        var wrongInput = Assert.Throws<ArgumentException>(() => MelNetworkTraining.TrainAndTest(
            new Sequential(new Flatten(), new Linear(99, 2)), recipe, Set(2, 1, "a"), Set(1, 2, "b"), Set(1, 3, "c")));
        Assert.Contains("(1, 16, 20)", wrongInput.Message);
        var wrongClasses = Assert.Throws<ArgumentException>(() => MelNetworkTraining.TrainAndTest(SmallCnn(classes: 5), recipe, Set(2, 1, "a"), Set(1, 2, "b"), Set(1, 3, "c")));
        Assert.Contains("2 classes", wrongClasses.Message);
        var pooled = MelNetworkTraining.TrainAndTest(new Sequential(new Flatten(), new Linear(8 * 10, 2)), recipe, Set(2, 1, "a"), Set(1, 2, "b"), Set(1, 3, "c"),
            new MelRunOptions { Pool = 2 });
        Assert.Single(pooled.Run.History.Epochs);
    }

    [Fact]
    public void A_catalogue_name_builds_the_entry_and_uses_its_recipe_unless_one_is_given()
    {
        var recipe = ModelCatalog.Get("uct-feedforward").Recipe with { Epochs = 1 };
        var (run, _) = MelNetworkTraining.TrainAndTest("uct-feedforward", Set(2, 1, "a"), Set(1, 2, "b"), Set(1, 3, "c"), new MelRunOptions { Seed = 1 }, recipe);
        Assert.Equal("uct-feedforward", run.Name);
        Assert.True(run.Model.HasSameLayout(UctNetworks.FeedForward([1, 16, 20], 2)));
        Assert.Equal(1, run.Recipe.Epochs);
        Assert.Throws<ArgumentException>(() => MelNetworkTraining.TrainAndTest("dtu-mlp", Set(2, 1, "a"), Set(1, 2, "b"), Set(1, 3, "c")));
    }
}
