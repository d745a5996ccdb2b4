namespace GenreNotebooks.Training.Tuning;

/// <summary>
/// The Tree-structured Parzen Estimator (Bergstra, Bardenet, Bengio &amp; Kégl 2011, "Algorithms for Hyper-Parameter
/// Optimization", NeurIPS; section 4), with the defaults and details of Optuna's <c>TPESampler</c> (Optuna 4):
/// <list type="number">
/// <item>the first <see cref="NStartupTrials"/> (10) trials are random (<see cref="RandomSampler"/> with the same
/// seed, so a TPE and a random study with one seed share their first trials);</item>
/// <item>afterwards the n complete and pruned trials are ranked (complete ones by value; pruned ones after them,
/// deeper steps first, then by their last reported value) and split: the best gamma(n) = min(ceil(0.1 n), 25) are
/// "good" (<see cref="DefaultGamma"/>), the rest "bad"; failed and interrupted trials are left out;</item>
/// <item>a Parzen estimator with a prior is fitted to each group: l(x) to the good values, g(x) to the bad ones
/// (<see cref="DefaultWeights"/> down-weights the oldest of more than 25 observations; see the estimator for
/// bandwidths, magic clip, grids, log domains and categoricals);</item>
/// <item><see cref="NEiCandidates"/> (24) candidates are drawn from l(x) and the one with the largest l(x)/g(x) is
/// returned: the paper shows this maximises expected improvement.</item>
/// </list>
/// Univariate by default (each parameter modelled on its own, as in the paper and Optuna); <see cref="Multivariate"/>
/// models the parameters that every finished trial shares jointly (Falkner et al. 2018, BOHB's kernel density with
/// Optuna's Scott-like bandwidth) and leaves the others univariate.
/// <para>
/// Where this differs from Optuna: draws come from a generator seeded by (seed, trial number, parameter) instead of
/// one generator for the study, so a study resumed from its file samples exactly what an uninterrupted one would;
/// observations of a parameter are only taken from trials that drew it from the same distribution (Optuna uses any
/// trial with that name); gamma, the weights, constraints, grouping and the constant liar are not configurable.
/// </para>
/// Taught in notebooks/06-architecture-sweep-and-tuning.
/// </summary>
public sealed class TpeSampler : ISampler
{
    private readonly RandomSampler _random;

    /// <summary>A sampler with Optuna's defaults, drawing from <paramref name="seed"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A negative startup count, fewer than 1 candidate, or a negative prior weight.</exception>
    public TpeSampler(int seed, int nStartupTrials = 10, int nEiCandidates = 24, double priorWeight = 1.0,
        bool considerMagicClip = true, bool considerEndpoints = false, bool multivariate = false)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(nStartupTrials);
        ArgumentOutOfRangeException.ThrowIfLessThan(nEiCandidates, 1);
        if (!(priorWeight >= 0) || !double.IsFinite(priorWeight))
            throw new ArgumentOutOfRangeException(nameof(priorWeight), priorWeight, "priorWeight must be a non-negative number.");
        Seed = seed;
        NStartupTrials = nStartupTrials;
        NEiCandidates = nEiCandidates;
        PriorWeight = priorWeight;
        ConsiderMagicClip = considerMagicClip;
        ConsiderEndpoints = considerEndpoints;
        Multivariate = multivariate;
        _random = new RandomSampler(seed);
    }

    /// <summary>The seed every draw is derived from.</summary>
    public int Seed { get; }

    /// <summary>Finished (complete or pruned) trials drawn at random before TPE starts (Optuna: 10).</summary>
    public int NStartupTrials { get; }

    /// <summary>Candidates drawn from l(x) per suggestion (Optuna: 24).</summary>
    public int NEiCandidates { get; }

    /// <summary>Weight of the prior kernel relative to an observation's (Optuna: 1).</summary>
    public double PriorWeight { get; }

    /// <summary>Whether sigmas are kept above width / min(100, 1 + kernels) (Optuna: true).</summary>
    public bool ConsiderMagicClip { get; }

    /// <summary>Whether the outermost kernels may take the gap to the domain end as sigma (Optuna: false).</summary>
    public bool ConsiderEndpoints { get; }

    /// <summary>Whether the parameters shared by all finished trials are modelled jointly (Optuna: false).</summary>
    public bool Multivariate { get; }

    /// <summary>Optuna's <c>default_gamma</c>: the number of "good" trials among n, min(ceil(0.1 n), 25).</summary>
    public static int DefaultGamma(int n) => Math.Min((int)Math.Ceiling(0.1 * n), 25);

    /// <summary>
    /// Optuna's <c>default_weights</c> for n observations, oldest first: all 1 below 25; above, the newest 25 get 1
    /// and the older n - 25 a ramp from 1/n to 1 (Bergstra et al. 2013).
    /// </summary>
    public static double[] DefaultWeights(int n)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(n);
        if (n < 25) return Enumerable.Repeat(1.0, n).ToArray();
        int rampLength = n - 25;
        var w = new double[n];
        for (int i = 0; i < rampLength; i++)
            w[i] = rampLength == 1 ? 1.0 / n : 1.0 / n + (1.0 - 1.0 / n) * i / (rampLength - 1);
        for (int i = rampLength; i < n; i++) w[i] = 1.0;
        return w;
    }

    /// <inheritdoc />
    public IReadOnlyDictionary<string, BaseDistribution> InferRelativeSearchSpace(Study study, FrozenTrial trial)
    {
        var space = new SortedDictionary<string, BaseDistribution>(StringComparer.Ordinal);
        if (!Multivariate) return space;
        bool first = true;
        foreach (var t in study.GetTrials(TrialState.Complete, TrialState.Pruned))
        {
            if (first)
            {
                foreach (var (name, d) in t.Distributions) space[name] = d;
                first = false;
                continue;
            }
            foreach (var name in space.Keys.ToList())
                if (!t.Distributions.TryGetValue(name, out var d) || !d.Equals(space[name])) space.Remove(name);
        }
        foreach (var name in space.Where(p => p.Value.Single).Select(p => p.Key).ToList()) space.Remove(name);
        return space;
    }

    /// <inheritdoc />
    public IReadOnlyDictionary<string, double> SampleRelative(Study study, FrozenTrial trial, IReadOnlyDictionary<string, BaseDistribution> searchSpace)
    {
        var result = new Dictionary<string, double>();
        if (searchSpace.Count == 0) return result;
        var names = searchSpace.Keys.ToArray();
        var dists = names.Select(n => searchSpace[n]).ToArray();
        var trials = study.GetTrials(TrialState.Complete, TrialState.Pruned).Where(t => HasAll(t, names, dists)).ToList();
        if (trials.Count < NStartupTrials) return result;
        var best = SampleFromSplit(study.Direction, trials, names, dists, new TrialRandom(Seed, trial.Number, "relative"));
        for (int i = 0; i < names.Length; i++) result[names[i]] = best[i];
        return result;
    }

    /// <inheritdoc />
    public double SampleIndependent(Study study, FrozenTrial trial, string paramName, BaseDistribution distribution)
    {
        ArgumentNullException.ThrowIfNull(study);
        ArgumentNullException.ThrowIfNull(trial);
        var trials = study.GetTrials(TrialState.Complete, TrialState.Pruned);
        if (trials.Count < NStartupTrials) return _random.SampleIndependent(study, trial, paramName, distribution);
        var rng = new TrialRandom(Seed, trial.Number, RandomSampler.ParamStream(paramName));
        return SampleFromSplit(study.Direction, trials, [paramName], [distribution], rng)[0];
    }

    private double[] SampleFromSplit(StudyDirection direction, IReadOnlyList<FrozenTrial> trials, string[] names, BaseDistribution[] dists, TrialRandom rng)
    {
        var (below, above) = Split(trials, DefaultGamma(trials.Count), direction);
        var l = Estimator(below, names, dists);
        var g = Estimator(above, names, dists);
        var candidates = l.Sample(rng, NEiCandidates);
        double bestScore = double.NegativeInfinity;
        double[] best = candidates[0];
        foreach (var c in candidates)
        {
            double score = l.LogPdf(c) - g.LogPdf(c);
            if (score > bestScore)
            {
                bestScore = score;
                best = c;
            }
        }
        return best;
    }

    private ParzenEstimator Estimator(IEnumerable<FrozenTrial> trials, string[] names, BaseDistribution[] dists)
    {
        var observations = trials.Where(t => HasAll(t, names, dists)).Select(t => names.Select(n => t.InternalParams[n]).ToArray()).ToList();
        return new ParzenEstimator(dists, observations, PriorWeight, ConsiderMagicClip, ConsiderEndpoints, Multivariate);
    }

    private static bool HasAll(FrozenTrial t, string[] names, BaseDistribution[] dists)
    {
        for (int i = 0; i < names.Length; i++)
            if (!t.Distributions.TryGetValue(names[i], out var d) || !d.Equals(dists[i])) return false;
        return true;
    }

    /// <summary>
    /// Optuna's split: rank by (-step, signed value), complete trials having step +∞, pruned ones their last
    /// reported step and value (NaN worst, nothing reported last); the first <paramref name="nBelow"/> are good. Both
    /// groups come back oldest first.
    /// </summary>
    internal static (List<FrozenTrial> Below, List<FrozenTrial> Above) Split(IReadOnlyList<FrozenTrial> trials, int nBelow, StudyDirection direction)
    {
        double sign = direction == StudyDirection.Minimize ? 1 : -1;
        (double Step, double Score) Key(FrozenTrial t)
        {
            if (t.State == TrialState.Complete) return (double.NegativeInfinity, sign * t.Value!.Value);
            if (t.LastStep is int step)
            {
                double v = t.IntermediateValues[step];
                return (-step, double.IsNaN(v) ? double.PositiveInfinity : sign * v);
            }
            return (double.PositiveInfinity, 0);
        }
        var keys = new (double Step, double Score, int Number)[trials.Count];
        var order = new FrozenTrial[trials.Count];
        for (int i = 0; i < trials.Count; i++)
        {
            var (step, score) = Key(trials[i]);
            keys[i] = (step, score, trials[i].Number);
            order[i] = trials[i];
        }
        Array.Sort(keys, order);
        var below = order.Take(nBelow).OrderBy(t => t.Number).ToList();
        var above = order.Skip(nBelow).OrderBy(t => t.Number).ToList();
        return (below, above);
    }

    /// <summary>Optuna-style text with the settings.</summary>
    public override string ToString() =>
        $"TpeSampler(seed={Seed}, nStartupTrials={NStartupTrials}, nEiCandidates={NEiCandidates}, multivariate={(Multivariate ? "true" : "false")})";
}
