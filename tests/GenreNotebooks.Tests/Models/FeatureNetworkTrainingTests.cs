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
        var run = FeatureNetworkTraining.TrainAndTest("dtu-mlp", table, split, new FeatureRunOptions { Epochs = 30, Seed = 2 },
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
        var options = new FeatureRunOptions { Epochs = 40, Seed = 7, CorrelationThreshold = 0.8 };
        var epochs = 0;
        var a = FeatureNetworkTraining.CrossValidate("features-1d-cnn", table, 5, options, epochProgress: new InlineProgress<EpochReport>(_ => epochs++));
        var b = FeatureNetworkTraining.CrossValidate("features-1d-cnn", table, 5, options);
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
}

public class RecipeDropoutTests
{
    [Fact]
    public void Bu_recipe_dropout_is_the_decimal_value_not_the_widened_float()
    {
        var recipe = ModelCatalog.Get("bu-baseline").Recipe;
        Assert.Equal(0.3, recipe.Dropout);
        Assert.Contains("dropout=0.3 ", recipe.ToString() + " ");
    }
}
