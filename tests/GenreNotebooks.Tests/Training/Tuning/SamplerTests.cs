using GenreNotebooks.Training.Tuning;

namespace GenreNotebooks.Tests.Training.Tuning;

public sealed class SamplerTests
{
    private static Study Run(ISampler sampler, Func<Trial, double> objective, int trials, StudyDirection direction = StudyDirection.Minimize)
    {
        var study = Study.Create(direction: direction, sampler: sampler, pruner: new NopPruner());
        study.Optimize(objective, nTrials: trials, catchExceptions: false);
        return study;
    }

    private static double Bowl(Trial t) => TpeVersusRandomTests.Bowl(t.SuggestFloat("lr", 1e-5, 1e-1, log: true), t.SuggestFloat("dropout", 0.0, 1.0));

    private static string[] Params(Study s) => [.. s.Trials.Select(t => string.Join(",", t.Params.OrderBy(p => p.Key).Select(p => $"{p.Key}={p.Value:R}")))];

    [Fact]
    public void The_same_seed_gives_the_same_trials_and_another_seed_other_trials()
    {
        Assert.Equal(Params(Run(new TpeSampler(7), Bowl, 25)), Params(Run(new TpeSampler(7), Bowl, 25)));
        Assert.Equal(Params(Run(new RandomSampler(7), Bowl, 5)), Params(Run(new RandomSampler(7), Bowl, 5)));
        Assert.NotEqual(Params(Run(new TpeSampler(7), Bowl, 5)), Params(Run(new TpeSampler(8), Bowl, 5)));
    }

    [Fact]
    public void The_order_of_the_suggestions_does_not_change_their_values()
    {
        double Swapped(Trial t)
        {
            var d = t.SuggestFloat("dropout", 0.0, 1.0);
            return TpeVersusRandomTests.Bowl(t.SuggestFloat("lr", 1e-5, 1e-1, log: true), d);
        }
        Assert.Equal(Params(Run(new TpeSampler(3), Bowl, 20)), Params(Run(new TpeSampler(3), Swapped, 20)));
    }

    [Fact]
    public void Tpe_starts_with_the_random_samplers_trials_for_the_same_seed()
    {
        var tpe = Params(Run(new TpeSampler(11), Bowl, 12));
        var random = Params(Run(new RandomSampler(11), Bowl, 12));
        Assert.Equal(random[..10], tpe[..10]);
        Assert.NotEqual(random[10..], tpe[10..]);
    }

    [Fact]
    public void Random_log_floats_are_uniform_in_log_x_and_ints_cover_their_grid()
    {
        var study = Run(new RandomSampler(2), t => { t.SuggestFloat("lr", 1e-5, 1e-1, log: true); t.SuggestInt("k", 1, 4); return 0; }, 2000);
        var lrs = study.Trials.Select(t => (double)t.Params["lr"]).ToArray();
        Assert.All(lrs, lr => Assert.InRange(lr, 1e-5, 1e-1));
        // Half the log range lies below 1e-3; a linear-uniform draw would put 1% there. Binomial sd 0.011.
        Assert.InRange(lrs.Count(lr => lr < 1e-3) / 2000.0, 0.46, 0.54);
        var counts = study.Trials.GroupBy(t => (int)t.Params["k"]).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal([1, 2, 3, 4], counts.Keys.Order());
        Assert.All(counts.Values, c => Assert.InRange(c, 430, 570));   // 500 expected, sd 19
    }

    [Fact]
    public void Tpe_learns_which_choice_is_best()
    {
        // Choice "b" scores 0, the others 1, plus a small continuous term so values differ.
        double Objective(Trial t)
        {
            var c = t.SuggestCategorical("c", ["a", "b", "c", "d"]);
            var x = t.SuggestFloat("x", 0, 1);
            return (c == "b" ? 0 : 1) + 0.1 * x;
        }
        int TpeHits(int seed) => Run(new TpeSampler(seed), Objective, 40).Trials.Skip(10).Count(t => (string)t.Params["c"] == "b");
        double share = Enumerable.Range(0, 5).Average(TpeHits) / 30;
        Assert.True(share > 0.6, $"TPE chose the best category in {share:P0} of its guided trials (random: 25%)");
    }

    [Fact]
    public void Tpe_maximises_as_well_as_minimises()
    {
        var study = Run(new TpeSampler(4), t => -Bowl(t), 40, StudyDirection.Maximize);
        Assert.True(study.BestValue > -0.5, $"best {study.BestValue}");
        Assert.True(study.BestValue >= study.Trials.Max(t => t.Value!.Value));
    }

    [Fact]
    public void Multivariate_tpe_draws_the_shared_parameters_jointly_and_stays_reproducible()
    {
        var sampler = new TpeSampler(5, multivariate: true);
        var study = Study.Create(sampler: sampler, pruner: new NopPruner());
        study.Optimize(t => Bowl(t), nTrials: 11, catchExceptions: false);
        var space = sampler.InferRelativeSearchSpace(study, study.Trials[^1]);
        Assert.Equal(["dropout", "lr"], space.Keys);
        study.Optimize(t => Bowl(t), nTrials: 19, catchExceptions: false);
        Assert.Equal(Params(study), Params(Run(new TpeSampler(5, multivariate: true), Bowl, 30)));
        Assert.True(study.BestValue < 0.3, $"best {study.BestValue}");
    }

    [Fact]
    public void The_split_ranks_complete_trials_first_then_pruned_ones_by_depth_then_value()
    {
        var study = Study.Create(sampler: new RandomSampler(0), pruner: new NopPruner());
        // 0: complete 5; 1: pruned at step 3 with 0.1; 2: pruned at step 1 with 0.01; 3: complete 7; 4: pruned at step 3 with 0.05.
        var scripts = new (double? Value, double[] Curve)[] { (5, []), (null, [1, 1, 1, 0.1]), (null, [1, 0.01]), (7, []), (null, [1, 1, 1, 0.05]) };
        study.Optimize(t =>
        {
            var (value, curve) = scripts[t.Number];
            for (int s = 0; s < curve.Length; s++) t.Report(curve[s], s);
            return value ?? throw new TrialPrunedException();
        }, nTrials: 5);
        var (below, above) = TpeSampler.Split(study.Trials, 4, StudyDirection.Minimize);
        Assert.Equal([0, 1, 3, 4], below.Select(t => t.Number));
        Assert.Equal([2], above.Select(t => t.Number));
        Assert.Equal([0], TpeSampler.Split(study.Trials, 1, StudyDirection.Minimize).Below.Select(t => t.Number));
        Assert.Equal([3], TpeSampler.Split(study.Trials, 1, StudyDirection.Maximize).Below.Select(t => t.Number));
    }
}
