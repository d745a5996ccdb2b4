namespace GenreNotebooks.Exploration;

/// <summary>
/// A 1-D Gaussian kernel density estimate, as <c>scipy.stats.gaussian_kde</c> (and so seaborn's <c>kdeplot</c>):
/// the density at x is <c>(1/n) Σ φ((x - xᵢ)/h) / h</c> with φ the standard normal pdf and bandwidth
/// <c>h = factor × std(samples, ddof=1)</c>, factor from <see cref="KdeBandwidthRule"/> (Scott: n^(-1/5)) times an
/// optional adjustment (seaborn's <c>bw_adjust</c>). Evaluated in float64.
/// </summary>
public sealed class GaussianKde
{
    private readonly double[] _samples;

    /// <summary>
    /// Fits the estimate to <paramref name="samples"/>.
    /// </summary>
    /// <param name="samples">The observations, n &gt;= 1; for n = 1 or constant samples give <paramref name="bandwidth"/>.</param>
    /// <param name="rule">The bandwidth rule (default Scott, scipy's default).</param>
    /// <param name="adjust">Multiplies the rule's factor (seaborn <c>bw_adjust</c>, default 1); &gt; 0.</param>
    /// <param name="bandwidth">
    /// A fixed kernel standard deviation h instead of the rule (e.g. for one sample, whose std is undefined).
    /// </param>
    /// <exception cref="ArgumentException">No samples, a non-finite sample, or a zero spread with no fixed bandwidth.</exception>
    public GaussianKde(ReadOnlySpan<double> samples, KdeBandwidthRule rule = KdeBandwidthRule.Scott, double adjust = 1.0, double? bandwidth = null)
    {
        if (samples.IsEmpty) throw new ArgumentException("a KDE needs at least one sample", nameof(samples));
        if (!(adjust > 0)) throw new ArgumentOutOfRangeException(nameof(adjust), adjust, "the bandwidth adjustment must be > 0");
        foreach (var s in samples)
            if (!double.IsFinite(s)) throw new ArgumentException($"sample {s} is not finite", nameof(samples));
        _samples = samples.ToArray();
        int n = _samples.Length;
        Factor = adjust * (rule == KdeBandwidthRule.Scott ? Kde.ScottFactor(n) : Kde.SilvermanFactor(n));
        SampleStd = n > 1 ? SampleStandardDeviation(_samples) : double.NaN;
        if (bandwidth is double h)
        {
            if (!(h > 0) || !double.IsFinite(h)) throw new ArgumentOutOfRangeException(nameof(bandwidth), h, "the bandwidth must be finite and > 0");
            Bandwidth = h;
        }
        else
        {
            Bandwidth = Factor * SampleStd;
            if (!(Bandwidth > 0))
                throw new ArgumentException(n == 1
                    ? "one sample has no standard deviation: give a fixed bandwidth"
                    : "the samples are all equal (zero standard deviation): give a fixed bandwidth", nameof(samples));
        }
    }

    /// <summary>Number of samples n.</summary>
    public int Count => _samples.Length;

    /// <summary>The bandwidth factor (scipy <c>kde.factor</c>), including the adjustment.</summary>
    public double Factor { get; }

    /// <summary>The samples' standard deviation with ddof = 1 (NaN for one sample).</summary>
    public double SampleStd { get; }

    /// <summary>The kernel standard deviation h (scipy <c>sqrt(kde.covariance)</c>).</summary>
    public double Bandwidth { get; }

    /// <summary>The density at <paramref name="x"/> (scipy <c>kde(x)</c>).</summary>
    public double Evaluate(double x)
    {
        double inv = 1.0 / Bandwidth;
        double sum = 0;
        foreach (var s in _samples)
        {
            double z = (x - s) * inv;
            sum += Math.Exp(-0.5 * z * z);
        }
        return sum * inv / (_samples.Length * Math.Sqrt(2 * Math.PI));
    }

    /// <summary>The density at each point of <paramref name="grid"/>, shape (grid,) (scipy <c>kde(grid)</c>).</summary>
    public double[] Evaluate(ReadOnlySpan<double> grid)
    {
        var result = new double[grid.Length];
        for (int i = 0; i < grid.Length; i++) result[i] = Evaluate(grid[i]);
        return result;
    }

    /// <summary>
    /// seaborn's evaluation grid: <paramref name="points"/> evenly spaced values from
    /// <c>min - cut·h</c> to <c>max + cut·h</c> (<c>kdeplot(gridsize=200, cut=3)</c>).
    /// </summary>
    public double[] Grid(int points = 200, double cut = 3)
    {
        double min = _samples.Min(), max = _samples.Max();
        return Kde.Linspace(min - cut * Bandwidth, max + cut * Bandwidth, points);
    }

    /// <inheritdoc/>
    public override string ToString() => $"GaussianKde(n = {Count}, factor = {Factor:G4}, h = {Bandwidth:G4})";

    internal static double SampleStandardDeviation(ReadOnlySpan<double> x)
    {
        double mean = 0;
        foreach (var v in x) mean += v;
        mean /= x.Length;
        double ss = 0;
        foreach (var v in x) ss += (v - mean) * (v - mean);
        return Math.Sqrt(ss / (x.Length - 1));
    }
}
