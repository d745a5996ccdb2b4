namespace GenreNotebooks.Training.Tuning;

/// <summary>
/// Draws every parameter independently and uniformly (Optuna's <c>RandomSampler</c>): floats uniformly in [low, high],
/// log floats uniformly in log x, ints and stepped floats uniformly over their grid, log ints uniformly in log x over
/// [low - 0.5, high + 0.5] then rounded (Optuna's transform), categoricals uniformly over the choices. The baseline
/// <see cref="TpeSampler"/> is measured against, and TPE's first trials.
/// <para>
/// The value of parameter p in trial n comes from a generator seeded with (seed, n, p) and nothing else, so the same
/// seed gives the same trials whatever the order of the calls, and a resumed study goes on as an uninterrupted one.
/// Optuna keeps one generator for the whole study, so its values also depend on the order of the calls.
/// </para>
/// </summary>
public sealed class RandomSampler : ISampler
{
    /// <summary>A sampler drawing from <paramref name="seed"/>.</summary>
    public RandomSampler(int seed) => Seed = seed;

    /// <summary>The seed every draw is derived from.</summary>
    public int Seed { get; }

    /// <inheritdoc />
    public IReadOnlyDictionary<string, BaseDistribution> InferRelativeSearchSpace(Study study, FrozenTrial trial) =>
        new Dictionary<string, BaseDistribution>();

    /// <inheritdoc />
    public IReadOnlyDictionary<string, double> SampleRelative(Study study, FrozenTrial trial, IReadOnlyDictionary<string, BaseDistribution> searchSpace) =>
        new Dictionary<string, double>();

    /// <inheritdoc />
    public double SampleIndependent(Study study, FrozenTrial trial, string paramName, BaseDistribution distribution)
    {
        ArgumentNullException.ThrowIfNull(trial);
        ArgumentNullException.ThrowIfNull(distribution);
        return Draw(new TrialRandom(Seed, trial.Number, ParamStream(paramName)), distribution);
    }

    /// <summary>The stream name of a parameter's draws, shared with <see cref="TpeSampler"/>'s start-up trials.</summary>
    internal static string ParamStream(string paramName) => "param:" + paramName;

    internal static double Draw(TrialRandom rng, BaseDistribution distribution)
    {
        if (distribution.Single) return distribution.SingleValue;
        if (distribution is CategoricalDistribution c) return rng.NextInt(c.Choices.Count);
        var space = distribution.Numeric!;
        var (low, high) = space.TransformedBounds();
        return space.Untransform(rng.Uniform(low, high));
    }

    /// <summary>Optuna-style text with the seed.</summary>
    public override string ToString() => $"RandomSampler(seed={Seed})";
}
