using GenreNotebooks.Features;
using GenreNotebooks.Models;
using GenreNotebooks.Tests.Features;
using GenreNotebooks.Training;

namespace GenreNotebooks.Tests.Models;

public class FeatureNetworkTrainingTests
{
    [Fact]
    public void Dtu_mlp_learns_separable_genres_and_reports_every_epoch_and_whole_songs()
    {
        var table = FeatureSplitsAndPipelineTests.SeparableTable(tracks: 20, segments: 3);
        var split = FeatureSplits.ByTrack(table, seed: 5);
        var epochs = new List<EpochReport>();
        var recipe = ModelCatalog.Get("dtu-mlp").Recipe with { Epochs = 30 };
        var run = FeatureNetworkTraining.TrainAndTest("dtu-mlp", table, split, new FeatureRunOptions { Seed = 2 }, recipe,
            new InlineProgress<EpochReport>(epochs.Add), "mlp");
        Assert.Equal(30, epochs.Count);
        Assert.Equal(Enumerable.Range(1, 30), epochs.Select(e => e.Epoch));
        Assert.True(run.Test.Accuracy >= 0.9, $"test accuracy {run.Test.Accuracy} on well separated genres");
        Assert.Equal(split.Test.Count, run.Test.TrueLabels.Count);
        Assert.Equal(split.Test.Count / 3, run.Test.Songs!.Count);
        Assert.False(double.IsNaN(run.ValidationAccuracy));
        Assert.Equal(30, run.Recipe.Epochs);
    }

    [Fact]
    public void Cross_validation_is_grouped_by_track_deterministic_and_accurate_on_separable_genres()
    {
        var table = FeatureSplitsAndPipelineTests.SeparableTable(tracks: 5, segments: 2);
        var options = new FeatureRunOptions { Seed = 7, CorrelationThreshold = 0.8 };
        var recipe = ModelCatalog.Get("features-1d-cnn").Recipe with { Epochs = 40 };
        var epochs = 0;
        var a = FeatureNetworkTraining.CrossValidate("features-1d-cnn", table, 5, options, recipe, epochProgress: new InlineProgress<EpochReport>(_ => epochs++));
        var b = FeatureNetworkTraining.CrossValidate("features-1d-cnn", table, 5, options, recipe);
        Assert.Equal(5 * 40, epochs);
        Assert.Equal(a.Accuracies, b.Accuracies);
        Assert.Equal(table.RowCount, a.Confusion.Total);
        Assert.All(a.Folds, f => Assert.Equal(0, f.ValidationCount % 2));  // both rows of a track in the same fold
        Assert.True(a.MeanAccuracy >= 0.85, $"mean CV accuracy {a.MeanAccuracy}");
    }

    [Fact]
    public void A_spectrogram_model_is_refused_for_feature_rows()
    {
        var table = FeatureSplitsAndPipelineTests.SeparableTable(tracks: 3, segments: 1);
        var e = Assert.Throws<ArgumentException>(() => FeatureNetworkTraining.TrainAndTest("bu-baseline", table, FeatureSplits.ByTrack(table, 1)));
        Assert.Contains("not a feature vector", e.Message);
    }

    [Fact]
    public void A_network_of_ones_own_trains_like_the_catalogue_entry_built_with_the_same_weights()
    {
        var table = FeatureSplitsAndPipelineTests.SeparableTable(tracks: 10, segments: 2);
        var split = FeatureSplits.ByTrack(table, seed: 3);
        var recipe = ModelCatalog.Get("dtu-mlp").Recipe with { Epochs = 3 };
        int width = table.Columns.Count;
        var byName = FeatureNetworkTraining.TrainAndTest("dtu-mlp", table, split, new FeatureRunOptions { Seed = 4 }, recipe);
        var mine = FeatureNetworkTraining.TrainAndTest(FeatureNetworks.DtuMlp(width, table.LabelEncoding.Count, seed: 4), recipe, table, split,
            new FeatureRunOptions { Seed = 4 });
        Assert.Equal(byName.History.TrainLoss, mine.History.TrainLoss);
        Assert.Equal(byName.Test.Accuracy, mine.Test.Accuracy);
    }

    [Fact]
    public void A_network_that_does_not_fit_the_rows_is_refused_before_training_with_the_shapes()
    {
        var table = FeatureSplitsAndPipelineTests.SeparableTable(tracks: 5, segments: 1);
        var recipe = ModelCatalog.Get("dtu-mlp").Recipe with { Epochs = 1 };
        var e = Assert.Throws<ArgumentException>(() => FeatureNetworkTraining.TrainAndTest(FeatureNetworks.DtuMlp(7, table.LabelEncoding.Count), recipe,
            table, FeatureSplits.ByTrack(table, 1)));
        Assert.Contains($"({table.Columns.Count})", e.Message);
        var wrongClasses = Assert.Throws<ArgumentException>(() => FeatureNetworkTraining.TrainAndTest(FeatureNetworks.DtuMlp(table.Columns.Count, 9), recipe,
            table, FeatureSplits.ByTrack(table, 1)));
        Assert.Contains($"{table.LabelEncoding.Count} classes", wrongClasses.Message);
    }

    [Fact]
    public void Cross_validation_with_a_factory_seeds_each_fold_and_refuses_rules_that_would_peek_at_the_held_out_fold()
    {
        var table = FeatureSplitsAndPipelineTests.SeparableTable(tracks: 5, segments: 2);
        var recipe = ModelCatalog.Get("features-1d-cnn").Recipe with { Epochs = 5 };
        int classes = table.LabelEncoding.Count;
        var options = new FeatureRunOptions { Seed = 9, Layout = FeatureLayout.Sequence };
        GenreNotebooks.Nn.Modules.Module Net(int f) => new GenreNotebooks.Nn.Modules.Sequential(
            new GenreNotebooks.Nn.Modules.Conv1d(1, 4, 3, "same"), new GenreNotebooks.Nn.Modules.ReLU(), new GenreNotebooks.Nn.Modules.Flatten(),
            new GenreNotebooks.Nn.Modules.Linear(4 * f, classes));
        var a = FeatureNetworkTraining.CrossValidate(Net, recipe, table, 5, options);
        var b = FeatureNetworkTraining.CrossValidate(Net, recipe, table, 5, options);
        Assert.Equal(a.Accuracies, b.Accuracies);
        var withStopping = recipe with { EarlyStopping = () => new EarlyStopping(MonitoredMetric.ValLoss) };
        var e = Assert.Throws<ArgumentException>(() => FeatureNetworkTraining.CrossValidate(Net, withStopping, table, 5, options));
        Assert.Contains("early stopping", e.Message);
        var plateau = recipe with { Scheduler = opt => GenreNotebooks.Nn.Optim.ReduceLROnPlateau.Keras(opt, 0.8f, 1) };
        Assert.Contains("ReduceLROnPlateau", Assert.Throws<ArgumentException>(() => FeatureNetworkTraining.CrossValidate(Net, plateau, table, 5, options)).Message);
    }
}

public class RecipeTests
{
    [Fact]
    public void A_recipe_prints_what_it_runs_optimizer_epochs_scheduler_and_early_stopping()
    {
        var recipe = ModelCatalog.Get("bu-final").Recipe with { Epochs = 7 };
        string text = recipe.ToString();
        Assert.StartsWith("Adam(lr=0.0015) batch=32 epochs=7 ReduceLROnPlateau(mode=min, factor=0.8, patience=0, threshold=0.0001, threshold_mode=abs)", text);
        Assert.Contains("EarlyStopping(monitor=val_loss, patience=5", text);
        Assert.DoesNotContain("dropout", text);
        var sgd = ModelCatalog.Get("uct-final").Recipe;
        Assert.StartsWith("Sgd(lr=0.0007, momentum=0.9, weight_decay=0.002) batch=32 epochs=50 StepLR(step_size=10, gamma=0.1)", sgd.ToString());
    }

    [Fact]
    public void Invalid_recipes_are_refused_when_used()
    {
        var model = FeatureNetworks.DtuMlp(4, 2);
        Assert.Throws<ArgumentException>(() => new TrainingRecipe { Momentum = 0.9 }.CreateOptimizer(model.Parameters()));
        Assert.Throws<ArgumentException>(() => new TrainingRecipe { Epochs = 0 }.Validate());
        Assert.Throws<ArgumentException>(() => new TrainingRecipe { LearningRate = 0 }.Validate());
        var other = new GenreNotebooks.Nn.Optim.SGD(FeatureNetworks.DtuMlp(4, 2).Parameters(), 0.1f);
        var stray = new TrainingRecipe { Scheduler = _ => new GenreNotebooks.Nn.Optim.StepLR(other, 2) };
        Assert.Throws<InvalidOperationException>(() => stray.CreateScheduler(stray.CreateOptimizer(model.Parameters())));
    }
}
