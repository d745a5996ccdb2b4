using GenreNotebooks.Training.Tuning;

namespace GenreNotebooks.Tests.Training.Tuning;

/// <summary>
/// The Parzen estimator against hand computations of Optuna's rules, and the truncated normal against mpmath 1.3.0
/// (40 digits: <c>mpmath.log(mpmath.ncdf(b) - mpmath.ncdf(a))</c>).
/// </summary>
public sealed class ParzenEstimatorTests
{
    private static readonly FloatDistribution Unit = new(0, 1);

    [Fact]
    public void Univariate_sigmas_follow_the_neighbour_rule_without_endpoints_and_the_magic_clip()
    {
        // Observations 0.1 and 0.7, prior centre 0.5, ends 0 and 1: sorted 0 | 0.1 0.5 0.7 | 1.
        // Larger neighbour gaps: 0.1 -> max(0.1, 0.4) = 0.4; 0.7 -> max(0.2, 0.3) = 0.3; without endpoints the
        // outermost use their inner gap: 0.1 -> 0.4, 0.7 -> 0.2; magic clip: sigma >= 1 / min(100, 1 + 3) = 0.25.
        var pe = new ParzenEstimator([Unit], [[0.1], [0.7]], priorWeight: 1, considerMagicClip: true, considerEndpoints: false, multivariate: false);
        var (mus, sigmas) = pe.NumericKernels(0);
        Assert.Equal([0.1, 0.7, 0.5], mus);
        Assert.Equal(0.4, sigmas[0], 12);
        Assert.Equal(0.25, sigmas[1], 12);
        Assert.Equal(1.0, sigmas[2], 12);   // the prior: the domain's width
        Assert.All(pe.Weights, w => Assert.Equal(1 / 3.0, w, 12));

        var withEnds = new ParzenEstimator([Unit], [[0.1], [0.7]], 1, considerMagicClip: true, considerEndpoints: true, multivariate: false);
        Assert.Equal(0.3, withEnds.NumericKernels(0).Sigmas[1], 12);
    }

    [Fact]
    public void Multivariate_sigmas_are_scotts_rule_times_the_width()
    {
        var pe = new ParzenEstimator([Unit], [[0.1], [0.7]], 1, considerMagicClip: false, considerEndpoints: false, multivariate: true);
        double expected = 0.2 * Math.Pow(2, -1.0 / 5);
        Assert.Equal(expected, pe.NumericKernels(0).Sigmas[0], 12);
        Assert.Equal(expected, pe.NumericKernels(0).Sigmas[1], 12);
    }

    [Fact]
    public void Log_parameters_are_modelled_in_log_x_and_grids_are_widened_by_half_a_step()
    {
        var log = new ParzenEstimator([new FloatDistribution(1e-4, 1e-2, log: true)], [[2e-3]], 1, true, false, false);
        var (mus, sigmas) = log.NumericKernels(0);
        Assert.Equal(Math.Log(2e-3), mus[0], 12);
        Assert.Equal(0.5 * (Math.Log(1e-4) + Math.Log(1e-2)), mus[1], 12);
        Assert.Equal(Math.Log(100), sigmas[1], 12);

        var grid = new ParzenEstimator([new IntDistribution(1, 5)], [], 1, true, false, false);
        Assert.Equal(3.0, grid.NumericKernels(0).Mus[0], 12);
        Assert.Equal(5.0, grid.NumericKernels(0).Sigmas[0], 12);   // [0.5, 5.5]
    }

    [Fact]
    public void Age_weights_ramp_the_oldest_of_more_than_25_observations()
    {
        Assert.Equal(Enumerable.Repeat(1.0, 10), TpeSampler.DefaultWeights(10));
        var w = TpeSampler.DefaultWeights(30);
        Assert.Equal(1 / 30.0, w[0], 12);   // numpy.linspace(1/30, 1, 5)
        Assert.Equal(1 / 30.0 + (1 - 1 / 30.0) * 0.25, w[1], 12);
        Assert.Equal(1.0, w[4], 12);
        Assert.All(w[5..], x => Assert.Equal(1.0, x));
        Assert.Equal(1, TpeSampler.DefaultGamma(1));
        Assert.Equal(1, TpeSampler.DefaultGamma(10));
        Assert.Equal(2, TpeSampler.DefaultGamma(11));
        Assert.Equal(25, TpeSampler.DefaultGamma(1000));
    }

    [Fact]
    public void Continuous_densities_integrate_to_one_and_grid_and_categorical_masses_sum_to_one()
    {
        var cont = new ParzenEstimator([Unit], [[0.02], [0.5], [0.97]], 1, true, false, false);
        int n = 20000;
        double integral = 0;
        for (int i = 0; i <= n; i++)
        {
            double x = (double)i / n, w = i == 0 || i == n ? 1 : i % 2 == 1 ? 4 : 2;
            integral += w * Math.Exp(cont.LogPdf([x]));
        }
        Assert.Equal(1.0, integral / (3.0 * n), 6);   // Simpson's rule

        var ints = new ParzenEstimator([new IntDistribution(0, 20, step: 2)], [[0], [8], [20]], 1, true, false, false);
        Assert.Equal(1.0, Enumerable.Range(0, 11).Sum(k => Math.Exp(ints.LogPdf([2.0 * k]))), 12);

        var logInts = new ParzenEstimator([new IntDistribution(1, 64, log: true)], [[1], [30]], 1, true, false, false);
        Assert.Equal(1.0, Enumerable.Range(1, 64).Sum(k => Math.Exp(logInts.LogPdf([k]))), 12);

        var cat = new ParzenEstimator([new CategoricalDistribution(["a", "b", "c"])], [[0], [0], [2]], 1, true, false, false);
        Assert.Equal(1.0, Enumerable.Range(0, 3).Sum(k => Math.Exp(cat.LogPdf([k]))), 12);
        // Each observed kernel: 1/4 everywhere plus 1 on its choice, over 7/4; the prior kernel uniform; weights 1/4 each.
        double pA = 0.25 * (2 * (1.25 / 1.75) + 0.25 / 1.75 + 1 / 3.0);
        Assert.Equal(pA, Math.Exp(cat.LogPdf([0])), 12);
    }

    [Fact]
    public void Draws_stay_in_their_space()
    {
        var pe = new ParzenEstimator([new FloatDistribution(1e-5, 1e-1, log: true), new IntDistribution(2, 10, step: 4), new CategoricalDistribution([true, false])],
            [[1e-5, 2, 0], [1e-1, 10, 1]], 1, true, false, true);
        foreach (var row in pe.Sample(new TrialRandom(1, 0, "test"), 500))
        {
            Assert.InRange(row[0], 1e-5, 1e-1);
            Assert.Contains(row[1], new[] { 2.0, 6.0, 10.0 });
            Assert.Contains(row[2], new[] { 0.0, 1.0 });
        }
    }

    [Theory]
    [InlineData(-0.5, 0.25, -1.237292501322450236)]
    [InlineData(30, 31, -454.3212439563432520)]
    [InlineData(-40, -39.5, -784.7208791066240119)]
    [InlineData(6, 6.001, -25.82969247860363255)]
    public void Truncated_masses_match_mpmath_in_the_centre_and_far_in_the_tails(double a, double b, double expected)
    {
        Assert.Equal(expected, TruncatedNormal.LogMass(a, b), 9);
    }

    [Fact]
    public void Log_phi_matches_mpmath()
    {
        Assert.Equal(-454.3212439563431971, TruncatedNormal.LogPhi(-30), 9);
        Assert.Equal(-35.01343715991454990, TruncatedNormal.LogPhi(-8), 10);
        Assert.Equal(-0.001350809964748193799, TruncatedNormal.LogPhi(3), 15);
    }

    [Fact]
    public void Truncated_draws_have_the_truncated_mean()
    {
        // Mean of N(0,1) truncated to [a, b]: (phi(a) - phi(b)) / (Phi(b) - Phi(a)).
        double a = -0.5, b = 2.0;
        static double Pdf(double z) => Math.Exp(-0.5 * z * z) / Math.Sqrt(2 * Math.PI);
        double expected = (Pdf(a) - Pdf(b)) / (TruncatedNormal.Phi(b) - TruncatedNormal.Phi(a));
        var rng = new TrialRandom(5, 0, "mean");
        var draws = Enumerable.Range(0, 40000).Select(_ => TruncatedNormal.Sample(rng, a, b)).ToArray();
        Assert.All(draws, z => Assert.InRange(z, a, b));
        Assert.Equal(expected, draws.Average(), 2);   // standard error about 0.003
    }
}
