using GenreNotebooks.Training.Tuning;
using Xunit.Abstractions;

namespace GenreNotebooks.Tests.Training.Tuning;

public sealed class TpeVersusRandomTests(ITestOutputHelper output)
{
    /// <summary>
    /// A bowl with its minimum 0 at lr = 10^-2.8 (about 1.6e-3) and dropout 0.3, quadratic in log10(lr): the shape of a
    /// learning-rate x dropout study, where only a log-scaled search finds the lr.
    /// </summary>
    internal static double Bowl(double lr, double dropout) => Math.Pow(Math.Log10(lr) + 2.8, 2) + 4 * Math.Pow(dropout - 0.3, 2);

    internal static double BestAfter(ISampler sampler, int trials)
    {
        var study = Study.Create(sampler: sampler, pruner: new NopPruner());
        study.Optimize(t => Bowl(t.SuggestFloat("lr", 1e-5, 1e-1, log: true), t.SuggestFloat("dropout", 0.0, 1.0)), nTrials: trials);
        return study.BestValue;
    }

    /// <remarks>
    /// Measured (deterministic: the seeds fix everything): mean best value TPE 0.0347, random 0.0948 (ratio 2.73);
    /// medians 0.0118 and 0.0915 (ratio 7.7); after the 10 shared start-up trials TPE improves on the start-up
    /// best on 17 of the 20 seeds, random on 14. The assertions keep a margin below those ratios (2 and 4), so a change that weakens TPE (a
    /// wrong split, bandwidth or log handling) fails while the 20-seed average stays a fair summary.
    /// </remarks>
    [Fact]
    public void Tpe_beats_random_search_on_a_log_scaled_bowl_after_30_trials_averaged_over_20_seeds()
    {
        var tpe = Enumerable.Range(0, 20).Select(seed => BestAfter(new TpeSampler(seed), 30)).ToArray();
        var random = Enumerable.Range(0, 20).Select(seed => BestAfter(new RandomSampler(seed), 30)).ToArray();
        double meanTpe = tpe.Average(), meanRandom = random.Average();
        double medianTpe = tpe.Order().ElementAt(10), medianRandom = random.Order().ElementAt(10);
        output.WriteLine($"mean best: TPE {meanTpe:G4}, random {meanRandom:G4} (ratio {meanRandom / meanTpe:G3}); medians {medianTpe:G4} and {medianRandom:G4}");
        Assert.True(meanRandom / meanTpe >= 2, $"mean best TPE {meanTpe} vs random {meanRandom}");
        Assert.True(medianRandom / medianTpe >= 4, $"median best TPE {medianTpe} vs random {medianRandom}");
    }
}
