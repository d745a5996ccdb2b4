using GenreNotebooks.Training.Tuning;

namespace GenreNotebooks.Tests.Training.Tuning;

public sealed class ImportanceTests
{
    [Fact]
    public void The_functional_anova_of_a_tree_matches_a_hand_computation()
    {
        // On the unit square: 0 where x < 0.5; 1 where x >= 0.5 and y < 0.5; 3 where both >= 0.5.
        // f0 = 0.25 + 0.75 = 1; V = 0.5 * 1 + 0.25 * 0 + 0.25 * 4 = 1.5.
        // Marginal of x: 0 then (1 + 3) / 2 = 2, so V_x = 0.5 * 1 + 0.5 * 1 = 1; of y: 0.5 then 1.5, V_y = 0.25.
        var tree = new FanovaTree([0, 0], [1, 1],
        [
            new FanovaTree.Leaf([0, 0], [0.5, 1], 0),
            new FanovaTree.Leaf([0.5, 0], [1, 0.5], 1),
            new FanovaTree.Leaf([0.5, 0.5], [1, 1], 3),
        ]);
        Assert.Equal(1.0, tree.Mean, 12);
        Assert.Equal(1.5, tree.Variance, 12);
        Assert.Equal(1.0, tree.MarginalVariance(0), 12);
        Assert.Equal(0.25, tree.MarginalVariance(1), 12);
    }

    [Fact]
    public void A_fitted_tree_reproduces_a_step_function_exactly()
    {
        double[][] x = [[0.1, 0.9], [0.2, 0.1], [0.7, 0.3], [0.8, 0.8], [0.9, 0.6]];
        double[] y = [0, 0, 5, 5, 5];
        var tree = FanovaTree.Fit(x, y, [0, 1, 2, 3, 4], [0, 0], [1, 1], maxDepth: 64);
        // One split on x at 0.45 (halfway between 0.2 and 0.7): f = 0 on [0, 0.45), 5 on [0.45, 1].
        Assert.Equal(0.55 * 5, tree.Mean, 12);
        Assert.Equal(tree.Variance, tree.MarginalVariance(0), 12);
        Assert.Equal(0, tree.MarginalVariance(1), 12);
    }

    private static Study RandomStudy(Func<Trial, double> objective, int trials = 60)
    {
        var study = Study.Create(sampler: new RandomSampler(9), pruner: new NopPruner());
        study.Optimize(objective, nTrials: trials, catchExceptions: false);
        return study;
    }

    [Fact]
    public void A_parameter_the_objective_ignores_gets_almost_no_importance()
    {
        var study = RandomStudy(t => Math.Pow(t.SuggestFloat("x", 0, 1) - 0.3, 2) + 0 * t.SuggestFloat("unused", 0, 1));
        var importances = Importance.GetParamImportances(study);
        Assert.Equal(["x", "unused"], importances.Keys);
        Assert.Equal(1.0, importances.Values.Sum(), 12);
        Assert.True(importances["x"] > 0.9, $"x: {importances["x"]}");
    }

    [Fact]
    public void Additive_effects_are_shared_in_proportion_to_their_variance()
    {
        // f = 3x + y with x, y uniform: variances 9/12 and 1/12, shares 0.9 and 0.1.
        var study = RandomStudy(t => 3 * t.SuggestFloat("x", 0, 1) + t.SuggestFloat("y", 0, 1), trials: 80);
        var importances = Importance.GetParamImportances(study);
        Assert.InRange(importances["x"], 0.8, 0.97);
        Assert.InRange(importances["y"], 0.03, 0.2);
    }

    [Fact]
    public void Log_parameters_are_measured_in_log_x_and_categoricals_by_choice()
    {
        // The objective depends on log10(lr) linearly over four decades and on the optimizer's choice.
        var study = RandomStudy(t =>
            Math.Log10(t.SuggestFloat("lr", 1e-5, 1e-1, log: true)) + (t.SuggestCategorical("opt", ["adam", "sgd", "rmsprop"]) == "sgd" ? 4 : 0));
        var importances = Importance.GetParamImportances(study);
        // Var(log10 lr) = 16/12; the choice adds 4 with probability 1/3: variance 16 * 2/9. Shares about 0.43 and 0.57.
        Assert.InRange(importances["lr"], 0.3, 0.55);
        Assert.InRange(importances["opt"], 0.45, 0.7);
    }

    [Fact]
    public void Importances_are_reproducible_and_need_two_complete_trials()
    {
        var study = RandomStudy(t => t.SuggestFloat("x", 0, 1) * t.SuggestFloat("y", 0, 1), trials: 20);
        Assert.Equal(Importance.GetParamImportances(study), Importance.GetParamImportances(study));
        Assert.NotEqual(Importance.GetParamImportances(study, new FanovaImportanceEvaluator(seed: 1)),
            Importance.GetParamImportances(study, new FanovaImportanceEvaluator(seed: 2)));
        var tiny = RandomStudy(t => t.SuggestFloat("x", 0, 1), trials: 1);
        Assert.Contains("at least 2", Assert.Throws<InvalidOperationException>(() => Importance.GetParamImportances(tiny)).Message);
        var flat = RandomStudy(t => t.SuggestFloat("x", 0, 1) * 0, trials: 5);
        Assert.Contains("constant", Assert.Throws<InvalidOperationException>(() => Importance.GetParamImportances(flat)).Message);
        Assert.Throws<ArgumentException>(() => Importance.GetParamImportances(study, @params: ["z"]));
        var target = Importance.GetParamImportances(study, target: t => (double)t.Params["y"]);
        Assert.True(target["y"] > 0.9);
    }
}
