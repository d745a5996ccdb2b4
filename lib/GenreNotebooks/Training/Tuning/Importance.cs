namespace GenreNotebooks.Training.Tuning;

/// <summary>Parameter importances of a study (Optuna's <c>optuna.importance</c> module).</summary>
public static class Importance
{
    /// <summary>
    /// Importance per parameter, largest first (Optuna's <c>get_param_importances</c>): by default fANOVA over a
    /// seeded random forest (<see cref="FanovaImportanceEvaluator"/>), normalised to sum to 1.
    /// </summary>
    /// <param name="study">A study with at least two complete trials.</param>
    /// <param name="evaluator">Default: <c>new FanovaImportanceEvaluator()</c> (64 trees, seed 0).</param>
    /// <param name="params">The parameters to assess; default every parameter all complete trials share.</param>
    /// <param name="target">What to explain instead of the objective value.</param>
    /// <param name="normalize">Scale the importances to sum to 1 (Optuna's default).</param>
    /// <exception cref="InvalidOperationException">Fewer than two complete trials, or an objective constant over them.</exception>
    /// <exception cref="ArgumentException">A requested parameter is not shared by all complete trials.</exception>
    public static IReadOnlyDictionary<string, double> GetParamImportances(Study study, IImportanceEvaluator? evaluator = null,
        IReadOnlyList<string>? @params = null, Func<FrozenTrial, double>? target = null, bool normalize = true)
    {
        ArgumentNullException.ThrowIfNull(study);
        var result = (evaluator ?? new FanovaImportanceEvaluator()).Evaluate(study, @params, target);
        if (!normalize) return result;
        double sum = result.Values.Sum();
        if (!(sum > 0)) return result;
        var normalised = new Dictionary<string, double>();
        foreach (var (name, v) in result) normalised[name] = v / sum;
        return normalised;
    }
}
