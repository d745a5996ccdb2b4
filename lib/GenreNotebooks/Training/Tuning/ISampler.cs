namespace GenreNotebooks.Training.Tuning;

/// <summary>
/// Chooses parameter values for trials (Optuna's <c>BaseSampler</c>): <see cref="RandomSampler"/> or
/// <see cref="TpeSampler"/>. Values are internal representations (<see cref="BaseDistribution"/>).
/// <para>
/// A sampler must be a pure function of its settings, the trial (its number), the parameter and the study's finished
/// trials: no generator whose state lives between calls. That is what makes a study resumed from its file draw the
/// same values as one that was never stopped.
/// </para>
/// </summary>
public interface ISampler
{
    /// <summary>
    /// The parameters to draw jointly at the start of a trial (Optuna's <c>infer_relative_search_space</c>); empty for
    /// samplers that draw each parameter on its own.
    /// </summary>
    IReadOnlyDictionary<string, BaseDistribution> InferRelativeSearchSpace(Study study, FrozenTrial trial);

    /// <summary>Joint values for <paramref name="searchSpace"/>, or an empty map to leave them to <see cref="SampleIndependent"/> (Optuna's <c>sample_relative</c>).</summary>
    IReadOnlyDictionary<string, double> SampleRelative(Study study, FrozenTrial trial, IReadOnlyDictionary<string, BaseDistribution> searchSpace);

    /// <summary>A value for one parameter (Optuna's <c>sample_independent</c>), called when the objective first asks for it.</summary>
    double SampleIndependent(Study study, FrozenTrial trial, string paramName, BaseDistribution distribution);
}
