namespace GenreNotebooks.Training.Tuning;

/// <summary>
/// Decides whether a running trial should stop early, from what it has reported and what the study's trials reported
/// (Optuna's <c>BasePruner</c>): <see cref="MedianPruner"/>, <see cref="PercentilePruner"/> or <see cref="NopPruner"/>.
/// A pruner must depend only on its settings and the trials, so that resumed studies prune the same trials.
/// </summary>
public interface IPruner
{
    /// <summary>True to prune <paramref name="trial"/> (a snapshot of the running trial) now.</summary>
    bool Prune(Study study, FrozenTrial trial);
}
