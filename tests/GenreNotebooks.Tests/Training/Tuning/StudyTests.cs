using GenreNotebooks.Tests.Training;
using GenreNotebooks.Training.Tuning;

namespace GenreNotebooks.Tests.Training.Tuning;

public sealed class StudyTests
{
    private static Study NewStudy(StudyDirection direction = StudyDirection.Minimize) =>
        Study.Create(direction: direction, sampler: new RandomSampler(1), pruner: new NopPruner());

    [Fact]
    public void A_failing_objective_is_recorded_with_its_message_and_the_next_trials_run()
    {
        var study = NewStudy();
        study.Optimize(t =>
        {
            var x = t.SuggestFloat("x", 0, 1);
            if (t.Number == 1) throw new InvalidOperationException("the network diverged");
            if (t.Number == 2) return double.NaN;
            return x;
        }, nTrials: 5);
        var trials = study.Trials;
        Assert.Equal([TrialState.Complete, TrialState.Fail, TrialState.Fail, TrialState.Complete, TrialState.Complete], trials.Select(t => t.State));
        Assert.Equal("InvalidOperationException: the network diverged", trials[1].FailReason);
        Assert.Equal("The objective returned NaN.", trials[2].FailReason);
        Assert.Null(trials[1].Value);
        Assert.True(trials[1].Params.ContainsKey("x"));   // what it had drawn before failing is kept
        Assert.Equal([0, 1, 2, 3, 4], trials.Select(t => t.Number));
    }

    [Fact]
    public void Without_catching_the_failure_is_recorded_then_rethrown()
    {
        var study = NewStudy();
        var e = Assert.Throws<FormatException>(() => study.Optimize(_ => throw new FormatException("bad"), nTrials: 3, catchExceptions: false));
        Assert.Equal("bad", e.Message);
        Assert.Single(study.Trials);
        Assert.Equal(TrialState.Fail, study.Trials[0].State);
    }

    [Fact]
    public void The_best_trial_is_the_best_complete_one_in_the_studys_direction()
    {
        double[] values = [3, 1, 2, 1, 5];
        double Objective(Trial t) => t.Number == 4 ? throw new TrialPrunedException() : values[t.Number];
        var min = NewStudy();
        Assert.Throws<InvalidOperationException>(() => min.BestTrial);
        min.Optimize(Objective, nTrials: 5);
        Assert.Equal(1, min.BestTrial.Number);   // the earliest of two equal values
        Assert.Equal(1, min.BestValue);
        var max = NewStudy(StudyDirection.Maximize);
        max.Optimize(Objective, nTrials: 5);
        Assert.Equal(0, max.BestTrial.Number);   // the pruned trial does not count
        Assert.Contains("best value 3", max.ToString());
    }

    [Fact]
    public void Stop_from_a_callback_ends_the_run_after_the_current_trial()
    {
        var study = NewStudy();
        var seen = new List<int>();
        study.Optimize(_ => 1, nTrials: 10, callbacks: [(s, t) => { seen.Add(t.Number); if (t.Number == 2) s.Stop(); }]);
        Assert.Equal([0, 1, 2], seen);
        Assert.Equal(3, study.Trials.Count);
        Assert.Throws<InvalidOperationException>(study.Stop);
    }

    [Fact]
    public void Max_trials_callback_counts_earlier_runs()
    {
        var study = NewStudy();
        var cap = new MaxTrialsCallback(7);
        study.Optimize(_ => 1, nTrials: 4);
        Assert.Equal(3, cap.Remaining(study));
        study.Optimize(_ => 1, callbacks: [cap.Invoke]);
        Assert.Equal(7, study.Trials.Count);
    }

    [Fact]
    public void The_timeout_stops_new_trials_and_start_and_duration_are_recorded()
    {
        var clock = new ManualClock();
        var study = Study.Create(sampler: new RandomSampler(1), pruner: new NopPruner(), timeProvider: clock);
        study.Optimize(_ => { clock.Advance(TimeSpan.FromSeconds(3)); return 1; }, timeout: TimeSpan.FromSeconds(10));
        Assert.Equal(4, study.Trials.Count);   // starts at 0, 3, 6 and 9 s
        Assert.Equal(TimeSpan.FromSeconds(3), study.Trials[1].Duration);
        Assert.Equal(new DateTimeOffset(2025, 1, 1, 0, 0, 3, TimeSpan.Zero), study.Trials[1].DatetimeStart);
    }

    [Fact]
    public void The_trials_list_shows_a_running_trial_as_it_stands()
    {
        var study = NewStudy();
        study.Optimize(t =>
        {
            t.SuggestFloat("x", 0, 1);
            t.Report(0.5, 0);
            var running = study.Trials.Single();
            Assert.Equal(TrialState.Running, running.State);
            Assert.True(running.Params.ContainsKey("x"));
            Assert.Equal(0.5, running.IntermediateValues[0]);
            Assert.Empty(study.GetTrials(TrialState.Complete));
            return 1;
        }, nTrials: 1, catchExceptions: false);
    }

    [Fact]
    public void Bad_optimize_arguments_and_nested_runs_are_refused()
    {
        var study = NewStudy();
        Assert.Throws<ArgumentOutOfRangeException>(() => study.Optimize(_ => 1, nTrials: -1));
        Assert.Throws<ArgumentOutOfRangeException>(() => study.Optimize(_ => 1, timeout: TimeSpan.Zero));
        study.Optimize(_ => { study.Optimize(_ => 1, nTrials: 1); return 1; }, nTrials: 1);
        Assert.Contains("already running", study.Trials[0].FailReason);
        Assert.Throws<ArgumentException>(() => Study.Create(sampler: new RandomSampler(1), seed: 3));
    }

    [Fact]
    public void Cancelling_between_trials_finishes_the_current_trial_then_throws()
    {
        var study = NewStudy();
        using var cts = new CancellationTokenSource();
        Assert.ThrowsAny<OperationCanceledException>(() => study.Optimize(t =>
        {
            if (t.Number == 2) cts.Cancel();   // an objective that never looks at the token
            return 1;
        }, nTrials: 10, cancellationToken: cts.Token));
        Assert.Equal(3, study.Trials.Count);
        Assert.All(study.Trials, t => Assert.Equal(TrialState.Complete, t.State));
    }

    [Fact]
    public void The_objective_analysis_gives_best_so_far_slices_and_a_table()
    {
        double[] values = [3, 1, 2, 0.5];
        var study = NewStudy();
        study.Optimize(t =>
        {
            t.SuggestFloat("lr", 1e-4, 1e-2, log: true);
            t.SuggestCategorical("opt", ["adam", "sgd"]);
            t.SetUserAttr("val_accuracy", 0.5 + 0.1 * t.Number);
            if (t.Number == 2) { t.Report(9, 0); throw new TrialPrunedException(); }
            return values[t.Number];
        }, nTrials: 4);
        var history = study.OptimizationHistory();
        Assert.Equal([0, 1, 2, 3], history.Select(h => h.Number));
        Assert.Equal([3, 1, 1, 0.5], history.Select(h => h.BestSoFar!.Value));
        Assert.Equal(TrialState.Pruned, history[2].State);
        Assert.Equal(9, history[2].Value);

        var slice = study.Slice("opt");
        Assert.Equal([0, 1, 3], slice.Select(p => p.Number));   // complete trials only, as Optuna's plot_slice
        Assert.All(slice, p => Assert.Equal(p.Label == "adam" ? 0 : 1, p.X));
        Assert.Throws<ArgumentException>(() => study.Slice("momentum"));

        var table = study.TrialsDataFrame();
        Assert.Equal(["number", "value", "datetime_start", "datetime_complete", "duration", "params_lr", "params_opt", "user_attrs_val_accuracy", "state"], table.Columns);
        Assert.Equal(4, table.Rows.Count);
        Assert.Equal("PRUNED", table.Rows[2][^1]);
        Assert.StartsWith("number,value,", table.ToCsv());
        Assert.Contains("params_lr", table.ToString());
    }
}
