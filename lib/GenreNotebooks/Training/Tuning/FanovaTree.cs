namespace GenreNotebooks.Training.Tuning;

/// <summary>
/// A regression tree over a bounded box, and its functional ANOVA (Hutter, Hoos &amp; Leyton-Brown 2014): the tree is
/// a piecewise-constant function f over the box; under the uniform measure its total variance is
/// V = Σ_leaves vol (v - f0)², and a parameter j's main effect is the variance of its marginal
/// a_j(x_j) = mean of f over the other parameters, V_j = Σ_intervals width (a_j - f0)², computed exactly between the
/// tree's split points on j. V_j / V is the fraction of variance parameter j explains on its own.
/// </summary>
internal sealed class FanovaTree
{
    private readonly double[] _low, _high;
    private readonly List<Leaf> _leaves;

    internal sealed record Leaf(double[] Low, double[] High, double Value);

    internal FanovaTree(double[] low, double[] high, List<Leaf> leaves)
    {
        _low = low;
        _high = high;
        _leaves = leaves;
        double total = 0, mean = 0;
        foreach (var leaf in leaves)
        {
            double vol = Volume(leaf, skip: -1);
            total += vol;
            mean += vol * leaf.Value;
        }
        Mean = mean / total;
        double variance = 0;
        foreach (var leaf in leaves) variance += Volume(leaf, -1) / total * Math.Pow(leaf.Value - Mean, 2);
        Variance = variance;
    }

    /// <summary>f0, the mean of the tree's function over the box.</summary>
    public double Mean { get; }

    /// <summary>V, the variance of the tree's function over the box.</summary>
    public double Variance { get; }

    /// <summary>V_j, the variance of parameter j's marginal.</summary>
    public double MarginalVariance(int j)
    {
        var cuts = _leaves.SelectMany(l => new[] { l.Low[j], l.High[j] }).Append(_low[j]).Append(_high[j]).Distinct().Order().ToArray();
        double range = _high[j] - _low[j], result = 0;
        for (int i = 0; i + 1 < cuts.Length; i++)
        {
            double mid = 0.5 * (cuts[i] + cuts[i + 1]), width = (cuts[i + 1] - cuts[i]) / range;
            double marginal = 0;
            foreach (var leaf in _leaves)
                if (leaf.Low[j] <= mid && mid < leaf.High[j]) marginal += leaf.Value * Volume(leaf, skip: j);
            result += width * Math.Pow(marginal - Mean, 2);
        }
        return result;
    }

    /// <summary>The leaf's share of the box, leaving out dimension <paramref name="skip"/> (none when -1).</summary>
    private double Volume(Leaf leaf, int skip)
    {
        double v = 1;
        for (int d = 0; d < _low.Length; d++)
            if (d != skip) v *= (leaf.High[d] - leaf.Low[d]) / (_high[d] - _low[d]);
        return v;
    }

    /// <summary>
    /// Fits a CART regression tree (sklearn's <c>DecisionTreeRegressor</c> rules as Optuna's fANOVA uses them: all
    /// features tried at every node, the split with the largest squared-error reduction, thresholds halfway between
    /// neighbouring values, min 2 samples to split, 1 per leaf) to rows <paramref name="x"/> and values
    /// <paramref name="y"/> at the given <paramref name="indices"/> (a bootstrap sample, repeats allowed).
    /// </summary>
    public static FanovaTree Fit(double[][] x, double[] y, int[] indices, double[] low, double[] high, int maxDepth)
    {
        var leaves = new List<Leaf>();
        Grow(x, y, indices, (double[])low.Clone(), (double[])high.Clone(), 0, maxDepth, leaves);
        return new FanovaTree(low, high, leaves);
    }

    private static void Grow(double[][] x, double[] y, int[] idx, double[] low, double[] high, int depth, int maxDepth, List<Leaf> leaves)
    {
        double mean = idx.Average(i => y[i]);
        if (depth >= maxDepth || idx.Length < 2 || idx.All(i => y[i] == y[idx[0]]) || !BestSplit(x, y, idx, out int feature, out double threshold))
        {
            leaves.Add(new Leaf(low, high, mean));
            return;
        }
        var left = idx.Where(i => x[i][feature] <= threshold).ToArray();
        var right = idx.Where(i => x[i][feature] > threshold).ToArray();
        var leftHigh = (double[])high.Clone();
        leftHigh[feature] = threshold;
        var rightLow = (double[])low.Clone();
        rightLow[feature] = threshold;
        Grow(x, y, left, (double[])low.Clone(), leftHigh, depth + 1, maxDepth, leaves);
        Grow(x, y, right, rightLow, (double[])high.Clone(), depth + 1, maxDepth, leaves);
    }

    private static bool BestSplit(double[][] x, double[] y, int[] idx, out int feature, out double threshold)
    {
        feature = -1;
        threshold = 0;
        double bestScore = double.NegativeInfinity;
        int n = idx.Length, dims = x[idx[0]].Length;
        double total = idx.Sum(i => y[i]);
        for (int d = 0; d < dims; d++)
        {
            var sorted = idx.OrderBy(i => x[i][d]).ToArray();
            double leftSum = 0;
            for (int k = 0; k < n - 1; k++)
            {
                leftSum += y[sorted[k]];
                double a = x[sorted[k]][d], b = x[sorted[k + 1]][d];
                if (a == b) continue;
                int nl = k + 1, nr = n - nl;
                // Maximising sum_left²/n_left + sum_right²/n_right minimises the children's squared error.
                double score = leftSum * leftSum / nl + (total - leftSum) * (total - leftSum) / nr;
                if (feature < 0 || score > bestScore + 1e-12 * Math.Abs(bestScore))
                {
                    bestScore = score;
                    feature = d;
                    threshold = 0.5 * (a + b);
                    if (threshold == b) threshold = a;   // halfway rounded onto the right value: keep the split
                }
            }
        }
        return feature >= 0;
    }
}
