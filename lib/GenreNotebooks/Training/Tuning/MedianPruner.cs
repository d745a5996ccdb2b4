namespace GenreNotebooks.Training.Tuning;

/// <summary>
/// Prunes a trial whose best intermediate value so far is worse than the median of the completed trials' values at
/// the same step (Optuna's <c>MedianPruner</c>: a <see cref="PercentilePruner"/> at 50, with the same startup, warm-up
/// and interval rules). The default pruner of <see cref="Study.Create"/>, as in Optuna. For training runs, report the
/// validation loss after each epoch (steps 0, 1, ...); <c>nWarmupSteps</c> keeps the first, noisy epochs from pruning.
/// Taught in notebooks/06-architecture-sweep-and-tuning.
/// </summary>
public sealed class MedianPruner : PercentilePruner
{
    /// <summary>Optuna's defaults: 5 completed trials before pruning, no warm-up, a check at every step.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Negative startup or warm-up counts, interval below 1, or nMinTrials below 1.</exception>
    public MedianPruner(int nStartupTrials = 5, int nWarmupSteps = 0, int intervalSteps = 1, int nMinTrials = 1)
        : base(50, nStartupTrials, nWarmupSteps, intervalSteps, nMinTrials) { }
}
