using GenreNotebooks.Training;

namespace GenreNotebooks.Tests.Training;

public class CrossValidationTests
{
    // 30 tracks (10 per genre, 3 genres), 3 clips each; track ids like "g1-t04".
    private static (int[] Labels, string[] Groups) Clips()
    {
        var labels = new List<int>();
        var groups = new List<string>();
        for (int g = 0; g < 3; g++)
            for (int t = 0; t < 10; t++)
                for (int c = 0; c < 3; c++)
                {
                    labels.Add(g);
                    groups.Add($"g{g}-t{t:00}");
                }
        return (labels.ToArray(), groups.ToArray());
    }

    [Fact]
    public void No_track_is_in_two_folds_and_every_clip_is_validated_exactly_once()
    {
        var (labels, groups) = Clips();
        var assignment = CrossValidation.GroupedStratifiedFolds(labels, groups, 5, seed: 7);
        var folds = CrossValidation.Folds(assignment);
        Assert.Equal(5, folds.Count);
        var validatedTimes = new int[labels.Length];
        foreach (var f in folds)
        {
            foreach (int i in f.ValidationIndices) validatedTimes[i]++;
            var valTracks = f.ValidationIndices.Select(i => groups[i]).ToHashSet();
            Assert.DoesNotContain(f.TrainIndices, i => valTracks.Contains(groups[i]));
            Assert.Equal(labels.Length, f.TrainIndices.Length + f.ValidationIndices.Length);
        }
        Assert.All(validatedTimes, n => Assert.Equal(1, n));
        foreach (var track in groups.Distinct())
            Assert.Single(Enumerable.Range(0, labels.Length).Where(i => groups[i] == track).Select(i => assignment[i]).Distinct());
    }

    [Fact]
    public void Folds_are_stratified_and_reproducible_by_seed()
    {
        var (labels, groups) = Clips();
        var a = CrossValidation.GroupedStratifiedFolds(labels, groups, 5, seed: 7);
        Assert.Equal(a, CrossValidation.GroupedStratifiedFolds(labels, groups, 5, seed: 7));
        Assert.NotEqual(a, CrossValidation.GroupedStratifiedFolds(labels, groups, 5, seed: 8));
        for (int f = 0; f < 5; f++)
            for (int g = 0; g < 3; g++)
                Assert.Equal(2 * 3, Enumerable.Range(0, labels.Length).Count(i => a[i] == f && labels[i] == g));   // 2 tracks x 3 clips
    }

    [Fact]
    public void Run_collects_fold_accuracies_mean_std_and_the_summed_confusion_matrix()
    {
        var (labels, groups) = Clips();
        // A fake model: right on every sample except the validation samples of genre 2 in fold 0.
        CrossValidationResult result = CrossValidation.Run(labels, groups, 5, 3, fold =>
            fold.ValidationIndices.Select(i => fold.Index == 0 && labels[i] == 2 ? 0 : labels[i]).ToArray(), ["a", "b", "c"]);
        Assert.Equal(5, result.Folds.Count);
        FoldResult first = result.Folds[0];
        Assert.Equal((0, 18), (first.Index, first.ValidationCount));
        Assert.Equal(12.0 / 18, result.Accuracies[0], 12);
        Assert.All(result.Accuracies.Skip(1), a => Assert.Equal(1.0, a));
        double mean = (12.0 / 18 + 4) / 5;
        Assert.Equal(mean, result.MeanAccuracy, 12);
        double var = (Math.Pow(12.0 / 18 - mean, 2) + 4 * Math.Pow(1 - mean, 2)) / 5;
        Assert.Equal(Math.Sqrt(var), result.StdAccuracy, 12);
        Assert.Equal(labels.Length, result.Confusion.Total);
        Assert.Equal(6, result.Confusion[2, 0]);
        Assert.Equal(24, result.Confusion[2, 2]);
        Assert.Contains("mean", result.ToString());
        // Fold 1 got 12 of 18: printed as a percentage with one decimal, as the papers list their folds.
        Assert.Contains("66.7%", result.ToString());
        Assert.Contains("66.7%", result.ToHtml());
        Assert.Equal(result.Confusion.Accuracy, result.Report.Accuracy, 12);
    }

    [Fact]
    public void Bad_inputs_are_refused()
    {
        Assert.Throws<ArgumentException>(() => CrossValidation.GroupedStratifiedFolds([0, 1], ["t", "t"], 2, 0));   // a track with two genres
        Assert.Throws<ArgumentException>(() => CrossValidation.GroupedStratifiedFolds([0, 0, 1], ["a", "a", "b"], 3, 0));   // 2 tracks, 3 folds
        Assert.Throws<ArgumentException>(() => CrossValidation.Folds([0, 0, 2]));   // fold 1 empty
        var e = Assert.Throws<InvalidOperationException>(() => CrossValidation.Run([0, 1, 0, 1], [0, 0, 1, 1], _ => [0]));
        Assert.Contains("expected 2 predictions", e.Message);
    }
}
