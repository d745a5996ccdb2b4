namespace GenreNotebooks.Training.Tuning;

/// <summary>
/// Prunes a trial whose best intermediate value so far is worse than the given percentile of the completed trials'
/// intermediate values at the same step (Optuna's <c>PercentilePruner</c>, whose rules this follows one for one):
/// <list type="number">
/// <item>no pruning until <see cref="NStartupTrials"/> trials have completed (pruned and failed ones do not count);</item>
/// <item>no pruning before step <see cref="NWarmupSteps"/> (steps count from 0);</item>
/// <item>after the warm-up, a check only at the first report in each window of <see cref="IntervalSteps"/> steps
/// (windows start at the warm-up step);</item>
/// <item>the trial's best value over all its steps so far (lowest when minimising) is compared with the percentile of
/// the completed trials' values reported at the current step (linear interpolation, NaN ignored, numpy's
/// <c>nanpercentile</c>); when minimising the trial is pruned if it is above, when maximising if it is below the
/// (100 - percentile)-th percentile;</item>
/// <item>a trial whose reported values are all NaN is pruned; fewer than <see cref="NMinTrials"/> completed trials
/// with a value at this step means no pruning.</item>
/// </list>
/// </summary>
public class PercentilePruner : IPruner
{
    /// <summary>Checks and stores the settings (Optuna's defaults: 5 startup trials, no warm-up, a check at every step, 1 trial at a step).</summary>
    /// <exception cref="ArgumentOutOfRangeException">percentile outside [0, 100], negative startup or warm-up counts, interval below 1, or nMinTrials below 1.</exception>
    public PercentilePruner(double percentile, int nStartupTrials = 5, int nWarmupSteps = 0, int intervalSteps = 1, int nMinTrials = 1)
    {
        if (!(percentile >= 0 && percentile <= 100)) throw new ArgumentOutOfRangeException(nameof(percentile), percentile, "percentile must be between 0 and 100.");
        ArgumentOutOfRangeException.ThrowIfNegative(nStartupTrials);
        ArgumentOutOfRangeException.ThrowIfNegative(nWarmupSteps);
        ArgumentOutOfRangeException.ThrowIfLessThan(intervalSteps, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(nMinTrials, 1);
        Percentile = percentile;
        NStartupTrials = nStartupTrials;
        NWarmupSteps = nWarmupSteps;
        IntervalSteps = intervalSteps;
        NMinTrials = nMinTrials;
    }

    /// <summary>The percentile kept (50 for the median): trials worse than it at a step are pruned.</summary>
    public double Percentile { get; }

    /// <summary>Completed trials needed before any pruning.</summary>
    public int NStartupTrials { get; }

    /// <summary>Steps (from 0) before which a trial is never pruned.</summary>
    public int NWarmupSteps { get; }

    /// <summary>Steps between checks, counted from the warm-up step.</summary>
    public int IntervalSteps { get; }

    /// <summary>Completed trials that must have reported at the current step for a check to count.</summary>
    public int NMinTrials { get; }

    /// <inheritdoc />
    public bool Prune(Study study, FrozenTrial trial)
    {
        ArgumentNullException.ThrowIfNull(study);
        ArgumentNullException.ThrowIfNull(trial);
        var completed = study.GetTrials(TrialState.Complete);
        if (completed.Count == 0 || completed.Count < NStartupTrials) return false;
        if (trial.LastStep is not int step) return false;
        if (step < NWarmupSteps) return false;
        if (!IsFirstInInterval(step, trial.IntermediateValues.Keys)) return false;

        bool maximize = study.Direction == StudyDirection.Maximize;
        double best = BestOverSteps(trial.IntermediateValues.Values, maximize);
        if (double.IsNaN(best)) return true;

        var atStep = completed.Where(t => t.IntermediateValues.ContainsKey(step)).Select(t => t.IntermediateValues[step]).ToList();
        if (atStep.Count < NMinTrials) return false;
        double p = NanPercentile(atStep, maximize ? 100 - Percentile : Percentile);
        if (double.IsNaN(p)) return false;
        return maximize ? best < p : best > p;
    }

    /// <summary>
    /// The settings, as the constructor takes them, e.g. <c>MedianPruner(nStartupTrials=5, nWarmupSteps=3, intervalSteps=1, nMinTrials=1)</c>
    /// (a percentile pruner also gives its percentile).
    /// </summary>
    public override string ToString()
    {
        string settings = string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"nStartupTrials={NStartupTrials}, nWarmupSteps={NWarmupSteps}, intervalSteps={IntervalSteps}, nMinTrials={NMinTrials}");
        return this is MedianPruner
            ? $"MedianPruner({settings})"
            : string.Create(System.Globalization.CultureInfo.InvariantCulture, $"PercentilePruner(percentile={Percentile}, {settings})");
    }

    /// <summary>
    /// True when no earlier report falls in the current check window: the window of <paramref name="step"/> starts at
    /// warm-up + k interval, and the trial's last report before this one must lie before it (Optuna's
    /// <c>_is_first_in_interval_step</c>).
    /// </summary>
    private bool IsFirstInInterval(int step, IEnumerable<int> steps)
    {
        int nearestLowerCheck = (step - NWarmupSteps) / IntervalSteps * IntervalSteps + NWarmupSteps;
        int secondLast = -1;
        foreach (int s in steps)
            if (s > secondLast && s != step) secondLast = s;
        return secondLast < nearestLowerCheck;
    }

    private static double BestOverSteps(IEnumerable<double> values, bool maximize)
    {
        double best = double.NaN;
        foreach (double v in values)
        {
            if (double.IsNaN(v)) continue;
            if (double.IsNaN(best) || (maximize ? v > best : v < best)) best = v;
        }
        return best;
    }

    /// <summary>numpy's <c>nanpercentile</c> with its default linear interpolation; NaN when every value is NaN.</summary>
    internal static double NanPercentile(IEnumerable<double> values, double percentile)
    {
        var sorted = values.Where(v => !double.IsNaN(v)).Order().ToArray();
        if (sorted.Length == 0) return double.NaN;
        double rank = percentile / 100 * (sorted.Length - 1);
        int lo = (int)Math.Floor(rank);
        int hi = Math.Min(lo + 1, sorted.Length - 1);
        double frac = rank - lo;
        return frac == 0 ? sorted[lo] : sorted[lo] + (sorted[hi] - sorted[lo]) * frac;
    }
}
