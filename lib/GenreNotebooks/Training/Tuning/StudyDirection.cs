namespace GenreNotebooks.Training.Tuning;

/// <summary>
/// Whether a <see cref="Study"/> looks for the smallest or the largest objective value (Optuna's
/// <c>StudyDirection.MINIMIZE</c> / <c>MAXIMIZE</c>, given to <c>optuna.create_study(direction=...)</c>).
/// Taught in notebooks/06-architecture-sweep-and-tuning.
/// </summary>
public enum StudyDirection
{
    /// <summary>Smaller is better (a loss, an error rate). The default, as in Optuna.</summary>
    Minimize,

    /// <summary>Larger is better (an accuracy).</summary>
    Maximize,
}
