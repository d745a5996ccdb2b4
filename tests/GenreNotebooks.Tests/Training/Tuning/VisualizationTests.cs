using System.Text.Json.Nodes;
using GenreNotebooks.Training.Tuning;

namespace GenreNotebooks.Tests.Training.Tuning;

public sealed class VisualizationTests
{
    private static Study Study()
    {
        var study = GenreNotebooks.Training.Tuning.Study.Create(sampler: new TpeSampler(2), pruner: new MedianPruner(nStartupTrials: 3));
        study.Optimize(t =>
        {
            var lr = t.SuggestFloat("lr", 1e-4, 1e-2, log: true);
            var dropout = t.SuggestFloat("dropout", 0.1, 0.5);
            var opt = t.SuggestCategorical("opt", ["adam", "sgd"]);
            double loss = 0;
            for (int epoch = 0; epoch < 3; epoch++)
            {
                loss = TpeVersusRandomTests.Bowl(lr, dropout) + (opt == "sgd" ? 0.5 : 0) + 1.0 / (epoch + 1);
                t.Report(loss, epoch);
                if (t.ShouldPrune()) throw new TrialPrunedException();
            }
            return loss;
        }, nTrials: 25);
        return study;
    }

    private static string? Str(JsonNode? n) => n?.GetValue<string>();

    [Fact]
    public void The_history_plots_values_pruned_trials_and_a_non_increasing_best_line()
    {
        var study = Study();
        var fig = Visualization.PlotOptimizationHistory(study);
        var names = fig.Data.Select(t => Str(t!["name"])).ToList();
        Assert.Equal(["Objective value", "Pruned (last reported value)", "Best value"], names);
        // Figures store single-precision numbers (display only).
        var best = fig.Data[2]!["y"]!.AsArray().Select(v => (double)v!.GetValue<float>()).ToArray();
        Assert.True(best.Zip(best.Skip(1)).All(p => p.Second <= p.First));
        Assert.Equal(study.BestValue, best[^1], 1e-6 * study.BestValue);
    }

    [Fact]
    public void Importance_slice_and_scatter_figures_use_log_axes_for_log_parameters()
    {
        var study = Study();
        var bars = Visualization.PlotParamImportances(study);
        Assert.Equal(3, bars.Data[0]!["y"]!.AsArray().Count);
        Assert.Equal("h", Str(bars.Data[0]!["orientation"]));

        var slice = Visualization.PlotSlice(study);
        Assert.Equal(3, slice.Data.Count);
        Assert.Equal("log", Str(slice.Layout["xaxis"]!["type"]));
        Assert.Equal("category", Str(slice.Layout["xaxis3"]!["type"]));

        var scatter = Visualization.PlotScatter(study, "lr", "dropout");
        Assert.Equal("log", Str(scatter.Layout["xaxis"]!["type"]));
        Assert.Equal(study.GetTrials(TrialState.Complete).Count, scatter.Data[0]!["marker"]!["color"]!.AsArray().Count);
        Assert.Throws<ArgumentException>(() => Visualization.PlotScatter(study, "lr", "momentum"));
    }
}
