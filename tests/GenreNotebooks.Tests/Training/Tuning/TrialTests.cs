using GenreNotebooks.Training.Tuning;

namespace GenreNotebooks.Tests.Training.Tuning;

public sealed class TrialTests
{
    private static Study NewStudy(int seed = 1) => Study.Create(sampler: new RandomSampler(seed), pruner: new NopPruner());

    [Fact]
    public void Suggesting_the_same_name_twice_gives_the_same_value()
    {
        var study = NewStudy();
        study.Optimize(t =>
        {
            Assert.Equal(t.SuggestFloat("lr", 1e-4, 1e-2, log: true), t.SuggestFloat("lr", 1e-4, 1e-2, log: true));
            Assert.Equal(t.SuggestInt("layers", 1, 8), t.SuggestInt("layers", 1, 8));
            Assert.Equal(t.SuggestCategorical("opt", ["adam", "sgd"]), t.SuggestCategorical("opt", ["adam", "sgd"]));
            return 0;
        }, nTrials: 5, catchExceptions: false);
        Assert.All(study.Trials, t => Assert.Equal(TrialState.Complete, t.State));
    }

    [Fact]
    public void Suggesting_a_name_again_with_another_distribution_is_an_error_naming_both()
    {
        var study = NewStudy();
        study.Optimize(t =>
        {
            t.SuggestFloat("lr", 1e-4, 1e-2, log: true);
            var e = Assert.Throws<ArgumentException>(() => t.SuggestFloat("lr", 1e-4, 1e-1, log: true));
            Assert.Contains("'lr'", e.Message);
            Assert.Contains("high=0.01", e.Message);
            Assert.Contains("high=0.1", e.Message);
            Assert.Throws<ArgumentException>(() => t.SuggestInt("lr", 1, 5));
            t.SuggestCategorical("opt", ["adam", "sgd"]);
            Assert.Throws<ArgumentException>(() => t.SuggestCategorical("opt", ["adam", "sgd", "rmsprop"]));
            return 0;
        }, nTrials: 1, catchExceptions: false);
    }

    [Fact]
    public void Bad_suggest_arguments_fail_the_trial_with_a_message_naming_the_parameter()
    {
        var study = NewStudy();
        study.Optimize(t => t.SuggestFloat("lr", 0, 1e-2, log: true), nTrials: 1);
        study.Optimize(t => t.SuggestFloat("dropout", 0.5, 0.1), nTrials: 1);
        study.Optimize(t => t.SuggestCategorical<string>("opt", []).Length, nTrials: 1);
        var reasons = study.Trials.Select(t => t.FailReason!).ToArray();
        Assert.All(study.Trials, t => Assert.Equal(TrialState.Fail, t.State));
        Assert.Contains("parameter 'lr': log = true needs low > 0", reasons[0]);
        Assert.Contains("parameter 'dropout': low (0.5) must not be greater than high (0.1)", reasons[1]);
        Assert.Contains("parameter 'opt': choices must not be empty", reasons[2]);
    }

    [Fact]
    public void Values_lie_in_range_and_on_their_grid_and_the_record_holds_them_with_their_distributions()
    {
        var study = NewStudy(3);
        study.Optimize(t =>
        {
            var a = t.SuggestFloat("a", 0.1, 0.5, step: 0.1);
            var b = t.SuggestInt("b", 2, 10, step: 4);
            var c = t.SuggestInt("c", 1, 1000, log: true);
            var d = t.SuggestFloat("d", 1e-5, 1e-1, log: true);
            var e = t.SuggestFloat("e", 2.5, 2.5);
            Assert.Contains(a, new[] { 0.1, 0.2, 0.3, 0.4, 0.5 });   // exact grid values, not 0.30000000000000004
            Assert.Contains(b, new[] { 2, 6, 10 });
            Assert.InRange(c, 1, 1000);
            Assert.InRange(d, 1e-5, 1e-1);
            Assert.Equal(2.5, e);
            return a;
        }, nTrials: 60, catchExceptions: false);
        var all = study.Trials;
        Assert.Equal(5, all.Select(t => (double)t.Params["a"]).Distinct().Count());
        Assert.Equal(3, all.Select(t => (int)t.Params["b"]).Distinct().Count());
        Assert.Equal(new IntDistribution(2, 10, step: 4), all[0].Distributions["b"]);
        Assert.Equal(["a", "b", "c", "d", "e"], all[0].Params.Keys);
    }

    [Fact]
    public void Categorical_suggestions_return_the_callers_items()
    {
        var study = NewStudy();
        var seen = new HashSet<int>();
        study.Optimize(t => { seen.Add(t.SuggestCategorical("kernel", [3, 5, 7])); return 0; }, nTrials: 30, catchExceptions: false);
        Assert.Equal([3, 5, 7], seen.Order());
        Assert.All(study.Trials, t => Assert.IsType<int>(t.Params["kernel"]));
    }

    [Fact]
    public void Report_refuses_negative_and_repeated_steps_and_a_dead_trial_refuses_everything()
    {
        var study = NewStudy();
        Trial? kept = null;
        study.Optimize(t =>
        {
            kept = t;
            t.Report(1.0, 0);
            Assert.Throws<ArgumentOutOfRangeException>(() => t.Report(1.0, -1));
            Assert.Contains("step 0", Assert.Throws<ArgumentException>(() => t.Report(2.0, 0)).Message);
            t.Report(0.5, 1);
            t.SetUserAttr("val_accuracy", 0.75);
            t.SetUserAttr("note", "first");
            return 0.5;
        }, nTrials: 1, catchExceptions: false);
        var record = study.Trials[0];
        Assert.Equal(new Dictionary<int, double> { [0] = 1.0, [1] = 0.5 }, record.IntermediateValues);
        Assert.Equal(1, record.LastStep);
        Assert.Equal(0.75, record.UserAttrs["val_accuracy"]);
        Assert.Equal("first", record.UserAttrs["note"]);
        Assert.Throws<InvalidOperationException>(() => kept!.SuggestFloat("x", 0, 1));
        Assert.Throws<InvalidOperationException>(() => kept!.Report(0, 5));
        Assert.Throws<InvalidOperationException>(() => kept!.ShouldPrune());
    }
}
