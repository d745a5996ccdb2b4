namespace GenreNotebooks.Training.Tuning;

/// <summary>
/// Where a trial stands (Optuna's <c>TrialState</c>, plus <see cref="Interrupted"/>). Only <see cref="Complete"/>
/// and <see cref="Pruned"/> trials inform the samplers; only <see cref="Complete"/> trials inform the pruners and
/// <see cref="Study.BestTrial"/>.
/// Taught in notebooks/06-architecture-sweep-and-tuning.
/// </summary>
public enum TrialState
{
    /// <summary>
    /// The objective is running. A study file saved while a trial runs records it as running; a file that still says
    /// so when it is loaded was left by a process that died mid-trial, and the trial is read as <see cref="Interrupted"/>.
    /// </summary>
    Running,

    /// <summary>The objective returned a number; <see cref="FrozenTrial.Value"/> holds it.</summary>
    Complete,

    /// <summary>
    /// The objective threw <see cref="TrialPrunedException"/> (usually after <see cref="Trial.ShouldPrune"/> said
    /// so); <see cref="FrozenTrial.Value"/> holds the last reported intermediate value, as in Optuna.
    /// </summary>
    Pruned,

    /// <summary>
    /// The objective threw, or returned NaN; <see cref="FrozenTrial.FailReason"/> says why. The study goes on.
    /// </summary>
    Fail,

    /// <summary>
    /// Stopped by cancellation (Ctrl+C) or by the death of the process while the trial ran. Not in Optuna, which
    /// records an interrupted trial as failed and gives the next one a new number: here the next
    /// <see cref="Study.Optimize"/> runs the trial again under the same number (and, with the same seed, the same
    /// parameters), so a resumed study has the same trials as one that was never stopped.
    /// </summary>
    Interrupted,
}
