namespace GenreNotebooks.Training.Tuning;

/// <summary>
/// Thrown by an objective to stop its trial early (Optuna's <c>optuna.TrialPruned</c>): the study records the trial as
/// <see cref="TrialState.Pruned"/>, with the last reported intermediate value as its value, and goes on.
/// <code>
/// trial.Report(valLoss, epoch);
/// if (trial.ShouldPrune()) throw new TrialPrunedException();
/// </code>
/// Taught in notebooks/06-architecture-sweep-and-tuning.
/// </summary>
public sealed class TrialPrunedException : Exception
{
    /// <summary>Prunes the current trial.</summary>
    public TrialPrunedException() : base("The trial was pruned.") { }

    /// <summary>Prunes the current trial, saying why.</summary>
    public TrialPrunedException(string message) : base(message) { }

    /// <summary>Prunes the current trial, saying why and what caused it.</summary>
    public TrialPrunedException(string message, Exception innerException) : base(message, innerException) { }
}
