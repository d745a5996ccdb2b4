namespace GenreNotebooks.Training.Tuning;

/// <summary>Measures how much each parameter matters to a study's objective (Optuna's <c>BaseImportanceEvaluator</c>).</summary>
public interface IImportanceEvaluator
{
    /// <summary>
    /// Importance per parameter, largest first. <paramref name="params"/> limits the parameters (default: those every
    /// complete trial has); <paramref name="target"/> replaces the objective value (e.g. a user attribute).
    /// </summary>
    IReadOnlyDictionary<string, double> Evaluate(Study study, IReadOnlyList<string>? @params = null, Func<FrozenTrial, double>? target = null);
}
