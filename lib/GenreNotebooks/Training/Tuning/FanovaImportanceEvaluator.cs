namespace GenreNotebooks.Training.Tuning;

/// <summary>
/// fANOVA importances (Hutter, Hoos &amp; Leyton-Brown 2014, "An Efficient Approach for Assessing Hyperparameter
/// Importance", ICML), Optuna's default evaluator: a random forest of <see cref="NTrees"/> regression trees (each on a
/// bootstrap sample of the complete trials, depth up to <see cref="MaxDepth"/>, seeded) learns the objective from the
/// parameters; for each tree, a parameter's importance is the share of the tree's variance over the search space that
/// its marginal (the objective averaged over all other parameters) explains on its own; the importance is the mean
/// share over the trees with any variance. Main effects only: what parameters explain together is in no one's share,
/// so unnormalised importances sum to at most 1.
/// <para>
/// How the search space is measured: log parameters in log x (the measure a log-uniform search uses; Optuna measures
/// them linearly, which makes a learning rate's low decades look unimportant), grids widened by half a step,
/// categoricals as their choice index, each choice an equal share (Optuna one-hot encodes them; on an index, trees can
/// only group neighbouring choices, which suffices for the few choices of a study). With a few dozen trials the forest
/// is a rough model, so read importances as a ranking, not as precise shares.
/// </para>
/// </summary>
public sealed class FanovaImportanceEvaluator : IImportanceEvaluator
{
    /// <summary>Optuna's defaults: 64 trees of depth at most 64, seeded.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Fewer than 1 tree or a depth below 1.</exception>
    public FanovaImportanceEvaluator(int nTrees = 64, int maxDepth = 64, int seed = 0)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(nTrees, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxDepth, 1);
        NTrees = nTrees;
        MaxDepth = maxDepth;
        Seed = seed;
    }

    /// <summary>Trees in the forest.</summary>
    public int NTrees { get; }

    /// <summary>Largest depth of a tree.</summary>
    public int MaxDepth { get; }

    /// <summary>Seed of the bootstrap samples.</summary>
    public int Seed { get; }

    /// <inheritdoc />
    /// <exception cref="InvalidOperationException">Fewer than two complete trials with a finite target, or a target constant over them.</exception>
    /// <exception cref="ArgumentException">A requested parameter is not shared by all complete trials.</exception>
    public IReadOnlyDictionary<string, double> Evaluate(Study study, IReadOnlyList<string>? @params = null, Func<FrozenTrial, double>? target = null)
    {
        ArgumentNullException.ThrowIfNull(study);
        target ??= t => t.Value!.Value;
        var complete = study.GetTrials(TrialState.Complete).Where(t => double.IsFinite(target(t))).ToList();
        if (complete.Count < 2)
            throw new InvalidOperationException($"Parameter importance needs at least 2 complete trials with a finite value; study '{study.StudyName}' has {complete.Count}.");
        var space = SharedSpace(complete);
        var names = @params?.ToList() ?? [.. space.Keys];
        foreach (var name in names)
            if (!space.ContainsKey(name)) throw new ArgumentException($"'{name}' is not a parameter every complete trial of study '{study.StudyName}' drew from one distribution.", nameof(@params));
        var varying = names.Where(n => !space[n].Single).ToList();
        var result = new Dictionary<string, double>();
        if (varying.Count > 0)
        {
            var low = new double[varying.Count];
            var high = new double[varying.Count];
            for (int d = 0; d < varying.Count; d++) (low[d], high[d]) = Bounds(space[varying[d]]);
            var x = complete.Select(t => varying.Select((n, d) => Position(space[n], t.InternalParams[n])).ToArray()).ToArray();
            var y = complete.Select(target).ToArray();
            var shares = Shares(x, y, low, high);
            for (int d = 0; d < varying.Count; d++) result[varying[d]] = shares[d];
        }
        foreach (var n in names.Where(n => space[n].Single)) result[n] = 0;
        return result.OrderByDescending(p => p.Value).ThenBy(p => names.IndexOf(p.Key)).ToDictionary(p => p.Key, p => p.Value);
    }

    private double[] Shares(double[][] x, double[] y, double[] low, double[] high)
    {
        var sums = new double[low.Length];
        int used = 0;
        for (int tree = 0; tree < NTrees; tree++)
        {
            var rng = new TrialRandom(Seed, tree, "fanova");
            var sample = Enumerable.Range(0, x.Length).Select(_ => rng.NextInt(x.Length)).ToArray();
            var fitted = FanovaTree.Fit(x, y, sample, low, high, MaxDepth);
            if (!(fitted.Variance > 0)) continue;
            used++;
            for (int d = 0; d < low.Length; d++) sums[d] += Math.Max(0, fitted.MarginalVariance(d)) / fitted.Variance;
        }
        if (used == 0) throw new InvalidOperationException("The objective is constant over the complete trials: there is no variance for parameters to explain.");
        return [.. sums.Select(s => s / used)];
    }

    private static Dictionary<string, BaseDistribution> SharedSpace(List<FrozenTrial> trials)
    {
        var space = new Dictionary<string, BaseDistribution>(trials[0].Distributions);
        foreach (var t in trials.Skip(1))
            foreach (var name in space.Keys.ToList())
                if (!t.Distributions.TryGetValue(name, out var d) || !d.Equals(space[name])) space.Remove(name);
        return space;
    }

    private static (double Low, double High) Bounds(BaseDistribution d) =>
        d is CategoricalDistribution c ? (-0.5, c.Choices.Count - 0.5) : d.Numeric!.TransformedBounds();

    private static double Position(BaseDistribution d, double internalValue) =>
        d is CategoricalDistribution ? internalValue : d.Numeric!.Transform(internalValue);
}
