using GenreNotebooks.Training.Tuning;

namespace GenreNotebooks.Tests.Training.Tuning;

public sealed class MedianPrunerTests
{
    /// <summary>
    /// A study whose first <paramref name="completed"/> trials report 1.0 + 0.1 i - 0.05 s at steps s = 0..9 (median
    /// at step s: 1.2 - 0.05 s for five trials), then a probe trial reporting <paramref name="probe"/>; returns what
    /// ShouldPrune said after each of the probe's reports.
    /// </summary>
    private static List<bool> Probe(IPruner pruner, int completed, Func<int, double> probe, StudyDirection direction = StudyDirection.Minimize, int steps = 10)
    {
        var study = Study.Create(direction: direction, sampler: new RandomSampler(0), pruner: pruner);
        double sign = direction == StudyDirection.Minimize ? 1 : -1;
        study.Optimize(t =>
        {
            for (int s = 0; s < 10; s++) t.Report(sign * (1.0 + 0.1 * t.Number - 0.05 * s), s);
            return sign * (1.0 + 0.1 * t.Number - 0.5);
        }, nTrials: completed, catchExceptions: false);
        var answers = new List<bool>();
        study.Optimize(t =>
        {
            for (int s = 0; s < steps; s++)
            {
                t.Report(sign * probe(s), s);
                answers.Add(t.ShouldPrune());
            }
            return 0;
        }, nTrials: 1, catchExceptions: false);
        return answers;
    }

    [Fact]
    public void A_trial_worse_than_the_median_at_each_step_is_pruned_and_a_better_one_is_not()
    {
        Assert.All(Probe(new MedianPruner(), 5, s => 1.3 - 0.05 * s), Assert.True);    // median + 0.1
        Assert.All(Probe(new MedianPruner(), 5, s => 1.1 - 0.05 * s), Assert.False);   // median - 0.1
        Assert.All(Probe(new MedianPruner(), 5, s => 1.2 - 0.05 * s), Assert.False);   // at the median: not worse
    }

    [Fact]
    public void Maximising_studies_prune_trials_below_the_median()
    {
        // Every value is negated when maximising: -(1.3 - 0.05 s) lies below the median -(1.2 - 0.05 s).
        Assert.All(Probe(new MedianPruner(), 5, s => 1.3 - 0.05 * s, StudyDirection.Maximize), Assert.True);
        Assert.All(Probe(new MedianPruner(), 5, s => 1.1 - 0.05 * s, StudyDirection.Maximize), Assert.False);
    }

    [Fact]
    public void Nothing_is_pruned_before_n_startup_trials_have_completed()
    {
        Assert.All(Probe(new MedianPruner(nStartupTrials: 5), 4, _ => 9.0), Assert.False);
        Assert.All(Probe(new MedianPruner(nStartupTrials: 4), 4, _ => 9.0), Assert.True);
    }

    [Fact]
    public void Nothing_is_pruned_during_the_warm_up_steps()
    {
        var answers = Probe(new MedianPruner(nWarmupSteps: 3), 5, _ => 9.0);
        Assert.Equal([false, false, false, true, true], answers.Take(5));
    }

    [Fact]
    public void Checks_happen_once_per_interval_counted_from_the_warm_up()
    {
        var answers = Probe(new MedianPruner(nWarmupSteps: 1, intervalSteps: 3), 5, _ => 9.0);
        Assert.Equal([false, true, false, false, true, false, false, true, false, false], answers);
    }

    [Fact]
    public void The_trials_best_value_so_far_is_what_is_compared_as_in_optuna()
    {
        // Good at step 0 (0.5 against a median of 1.2), bad afterwards: its best so far stays below the median.
        Assert.All(Probe(new MedianPruner(), 5, s => s == 0 ? 0.5 : 9.0), Assert.False);
    }

    [Fact]
    public void All_nan_reports_are_pruned_and_steps_no_completed_trial_reached_are_not()
    {
        Assert.All(Probe(new MedianPruner(), 5, _ => double.NaN), Assert.True);
        var beyond = Probe(new MedianPruner(), 5, s => 9.0, steps: 12);
        Assert.Equal([false, false], beyond[10..]);
        Assert.All(Probe(new MedianPruner(nMinTrials: 6), 5, _ => 9.0), Assert.False);
    }

    [Fact]
    public void The_percentile_is_numpys_linear_interpolation()
    {
        Assert.Equal(2.5, PercentilePruner.NanPercentile([4, 1, 3, 2], 50));
        Assert.Equal(1.75, PercentilePruner.NanPercentile([4, 1, double.NaN, 3, 2], 25));
        Assert.True(double.IsNaN(PercentilePruner.NanPercentile([double.NaN], 50)));
        // 25th percentile pruner keeps only the best quarter: median - 0.05 is pruned there, not by the median pruner.
        Assert.All(Probe(new PercentilePruner(25), 5, s => 1.15 - 0.05 * s), Assert.True);
    }

    [Fact]
    public void A_pruned_trial_is_recorded_with_its_last_intermediate_value_and_the_study_goes_on()
    {
        var study = Study.Create(sampler: new RandomSampler(0), pruner: new MedianPruner(nStartupTrials: 2));
        study.Optimize(t =>
        {
            double level = t.Number == 2 ? 5.0 : 1.0;
            for (int s = 0; s < 5; s++)
            {
                t.Report(level - 0.1 * s, s);
                if (t.ShouldPrune()) throw new TrialPrunedException();
            }
            return level - 0.4;
        }, nTrials: 4);
        Assert.Equal([TrialState.Complete, TrialState.Complete, TrialState.Pruned, TrialState.Complete], study.Trials.Select(t => t.State));
        Assert.Equal(5.0, study.Trials[2].Value);
        Assert.Equal([0], study.Trials[2].IntermediateValues.Keys);
    }

    [Fact]
    public void Bad_pruner_settings_are_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new MedianPruner(nStartupTrials: -1));
        Assert.Throws<ArgumentOutOfRangeException>(() => new MedianPruner(nWarmupSteps: -1));
        Assert.Throws<ArgumentOutOfRangeException>(() => new MedianPruner(intervalSteps: 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => new PercentilePruner(101));
    }
}
