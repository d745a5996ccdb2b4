namespace GenreNotebooks.Training.Tuning;

/// <summary>
/// A mixture of product kernels over one or more parameters, fitted to observed values: TPE's l(x) (good trials) or
/// g(x) (the rest). Follows Optuna's <c>_ParzenEstimator</c>:
/// <list type="bullet">
/// <item>one kernel per observation plus a prior kernel; mixture weights are TPE's age weights
/// (<see cref="TpeSampler.DefaultWeights"/>) for the observations and <c>priorWeight</c> for the prior, normalised;
/// with no observations only the prior;</item>
/// <item>numeric parameters work in the transformed domain (log x for log spaces, grids widened by half a step each
/// side): Gaussians truncated to the domain, centred on the observations; the prior is centred on the middle with the
/// domain's width as sigma;</item>
/// <item>univariate bandwidths: each observation's sigma is the larger gap to its neighbours among the sorted
/// observations, the prior's centre and the domain ends; without <c>considerEndpoints</c> the outermost kernels use
/// their inner gap only (Bergstra et al. 2011's adaptive Parzen estimator); multivariate: Scott-like
/// 0.2 n^(-1/(d+4)) x width;</item>
/// <item>magic clip: sigmas are kept in [width / min(100, 1 + kernels), width];</item>
/// <item>grid parameters get the mass of their cell, [x - step/2, x + step/2], instead of a density;</item>
/// <item>categoricals: each observation's kernel puts priorWeight / kernels on every choice plus 1 on the observed
/// one, normalised; the prior kernel is uniform.</item>
/// </list>
/// Densities of log parameters are taken in log x; the Jacobian 1/x would be the same in l and g and cancels in TPE's
/// ratio l/g.
/// </summary>
internal sealed class ParzenEstimator
{
    private static readonly double HalfLog2Pi = 0.5 * Math.Log(2 * Math.PI);

    private readonly double[] _weights;
    private readonly double[] _logWeights;
    private readonly IDimension[] _dims;

    /// <param name="distributions">One per dimension.</param>
    /// <param name="observations">Rows of internal values (one column per dimension), oldest first.</param>
    /// <param name="priorWeight">Weight of the prior kernel (an observation's is 1 before age weighting).</param>
    /// <param name="considerMagicClip">Keep sigmas above width / min(100, 1 + kernels).</param>
    /// <param name="considerEndpoints">Let the outermost kernels use the gap to the domain end.</param>
    /// <param name="multivariate">Use the Scott-like bandwidth of the joint estimator.</param>
    public ParzenEstimator(IReadOnlyList<BaseDistribution> distributions, IReadOnlyList<double[]> observations,
        double priorWeight, bool considerMagicClip, bool considerEndpoints, bool multivariate)
    {
        int n = observations.Count;
        var w = TpeSampler.DefaultWeights(n);
        _weights = n == 0 ? [1.0] : [.. w, priorWeight];
        double total = _weights.Sum();
        for (int i = 0; i < _weights.Length; i++) _weights[i] /= total;
        _logWeights = [.. _weights.Select(w => Math.Log(w))];
        _dims = new IDimension[distributions.Count];
        for (int d = 0; d < distributions.Count; d++)
        {
            var column = observations.Select(o => o[d]).ToArray();
            _dims[d] = distributions[d] is CategoricalDistribution c
                ? new CategoricalDimension(c.Choices.Count, column, priorWeight)
                : new NumericDimension(distributions[d].Numeric!, column, considerMagicClip, considerEndpoints, multivariate, distributions.Count);
        }
    }

    /// <summary>Kernels in the mixture (observations plus the prior).</summary>
    public int KernelCount => _weights.Length;

    /// <summary>Mixture weights, summing to 1, the prior's last.</summary>
    public IReadOnlyList<double> Weights => _weights;

    /// <summary>The kernels of a numeric dimension (centres and sigmas in the transformed domain), for tests.</summary>
    public (double[] Mus, double[] Sigmas) NumericKernels(int dimension) =>
        _dims[dimension] is NumericDimension nd ? (nd.Mus, nd.Sigmas) : throw new InvalidOperationException("not a numeric dimension");

    /// <summary><paramref name="size"/> draws, each a row of internal values.</summary>
    public double[][] Sample(TrialRandom rng, int size)
    {
        var result = new double[size][];
        for (int i = 0; i < size; i++)
        {
            int k = rng.Choice(_weights);
            var row = new double[_dims.Length];
            for (int d = 0; d < _dims.Length; d++) row[d] = _dims[d].Sample(k, rng);
            result[i] = row;
        }
        return result;
    }

    /// <summary>log of the mixture's density (mass for grid and categorical dimensions) at a row of internal values.</summary>
    public double LogPdf(double[] x)
    {
        Span<double> terms = _weights.Length <= 256 ? stackalloc double[_weights.Length] : new double[_weights.Length];
        _logWeights.CopyTo(terms);
        for (int d = 0; d < _dims.Length; d++) _dims[d].AddLogPdf(x[d], terms);
        double max = double.NegativeInfinity;
        foreach (var t in terms) if (t > max) max = t;
        if (double.IsNegativeInfinity(max)) return max;
        double sum = 0;
        foreach (var t in terms) sum += Math.Exp(t - max);
        return max + Math.Log(sum);
    }

    private interface IDimension
    {
        double Sample(int kernel, TrialRandom rng);

        /// <summary>Adds every kernel's log density (or mass) at x to <paramref name="terms"/>.</summary>
        void AddLogPdf(double x, Span<double> terms);
    }

    private sealed class NumericDimension : IDimension
    {
        private readonly NumericSpace _space;
        private readonly double _low, _high;

        public NumericDimension(NumericSpace space, double[] observed, bool magicClip, bool endpoints, bool multivariate, int dimensions)
        {
            _space = space;
            (_low, _high) = space.TransformedBounds();
            double width = _high - _low;
            var mus = observed.Select(space.Transform).ToArray();
            var sigmas = multivariate
                ? Enumerable.Repeat(0.2 * Math.Pow(Math.Max(mus.Length, 1), -1.0 / (dimensions + 4)) * width, mus.Length).ToArray()
                : NeighbourSigmas(mus, _low, _high, endpoints);
            double minSigma = magicClip ? width / Math.Min(100.0, 1.0 + (mus.Length + 1)) : 1e-12;
            for (int i = 0; i < sigmas.Length; i++) sigmas[i] = Math.Clamp(sigmas[i], minSigma, Math.Max(width, minSigma));
            Mus = [.. mus, 0.5 * (_low + _high)];
            Sigmas = [.. sigmas, width];
            // Everything about a kernel that does not depend on the point is computed once: the CDF at the domain
            // ends (for draws) and the log of the truncated mass times sigma (for densities).
            int n = Mus.Length;
            _phiLow = new double[n];
            _phiHigh = new double[n];
            _logNorm = new double[n];
            _logMass = new double[n];
            _inverseSigma = new double[n];
            for (int k = 0; k < n; k++)
            {
                double a = (_low - Mus[k]) / Sigmas[k], b = (_high - Mus[k]) / Sigmas[k];
                _phiLow[k] = TruncatedNormal.Phi(a);
                _phiHigh[k] = TruncatedNormal.Phi(b);
                _logMass[k] = TruncatedNormal.LogMass(a, b);
                _inverseSigma[k] = 1 / Sigmas[k];
                _logNorm[k] = HalfLog2Pi + Math.Log(Sigmas[k]) + _logMass[k];
            }
        }

        private readonly double[] _phiLow, _phiHigh, _logNorm, _logMass, _inverseSigma;

        public double[] Mus { get; }

        public double[] Sigmas { get; }

        /// <summary>
        /// Each observation's sigma: the larger distance to its neighbours in the sorted list of observations, the
        /// prior's centre and the two domain ends; without endpoints the first and last use their inner neighbour.
        /// </summary>
        private static double[] NeighbourSigmas(double[] mus, double low, double high, bool endpoints)
        {
            var withPrior = mus.Append(0.5 * (low + high)).ToArray();
            var order = Enumerable.Range(0, withPrior.Length).ToArray();
            Array.Sort(withPrior.ToArray(), order);
            var sorted = new double[withPrior.Length + 2];
            sorted[0] = low;
            for (int i = 0; i < order.Length; i++) sorted[i + 1] = withPrior[order[i]];
            sorted[^1] = high;
            var sortedSigmas = new double[withPrior.Length];
            for (int i = 0; i < sortedSigmas.Length; i++)
                sortedSigmas[i] = Math.Max(sorted[i + 1] - sorted[i], sorted[i + 2] - sorted[i + 1]);
            if (!endpoints && sorted.Length >= 4)
            {
                sortedSigmas[0] = sorted[2] - sorted[1];
                sortedSigmas[^1] = sorted[^2] - sorted[^3];
            }
            var sigmas = new double[withPrior.Length];
            for (int i = 0; i < order.Length; i++) sigmas[order[i]] = sortedSigmas[i];
            return sigmas[..mus.Length];
        }

        public double Sample(int kernel, TrialRandom rng)
        {
            double mu = Mus[kernel], sigma = Sigmas[kernel];
            double z = TruncatedNormal.Sample(rng, (_low - mu) / sigma, (_high - mu) / sigma, _phiLow[kernel], _phiHigh[kernel]);
            return _space.Untransform(mu + sigma * z);
        }

        public void AddLogPdf(double x, Span<double> terms)
        {
            if (_space.Step is not double step)
            {
                double t = _space.Transform(x);
                for (int k = 0; k < terms.Length; k++)
                {
                    double z = (t - Mus[k]) * _inverseSigma[k];
                    terms[k] += -0.5 * z * z - _logNorm[k];
                }
                return;
            }
            double lo = _space.Transform(x - step / 2), hi = _space.Transform(x + step / 2);
            for (int k = 0; k < terms.Length; k++)
                terms[k] += TruncatedNormal.LogMass((lo - Mus[k]) / Sigmas[k], (hi - Mus[k]) / Sigmas[k]) - _logMass[k];
        }
    }

    private sealed class CategoricalDimension : IDimension
    {
        private readonly double[][] _probabilities;

        public CategoricalDimension(int choices, double[] observed, double priorWeight)
        {
            if (observed.Length == 0)
            {
                _probabilities = [Enumerable.Repeat(1.0 / choices, choices).ToArray()];
                return;
            }
            int kernels = observed.Length + 1;
            _probabilities = new double[kernels][];
            for (int k = 0; k < kernels; k++)
            {
                var row = Enumerable.Repeat(priorWeight / kernels, choices).ToArray();
                if (k < observed.Length) row[(int)observed[k]] += 1;
                double sum = row.Sum();
                for (int c = 0; c < choices; c++) row[c] = sum > 0 ? row[c] / sum : 1.0 / choices;
                _probabilities[k] = row;
            }
        }

        public double Sample(int kernel, TrialRandom rng) => rng.Choice(_probabilities[kernel]);

        public void AddLogPdf(double x, Span<double> terms)
        {
            for (int k = 0; k < terms.Length; k++) terms[k] += Math.Log(_probabilities[k][(int)x]);
        }
    }
}
