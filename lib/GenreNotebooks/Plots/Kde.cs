namespace GenreNotebooks.Plots;

/// <summary>
/// Gaussian kernel density estimate on a grid, with Scott's rule bandwidth (std (ddof 1) times n^(-1/5)), as
/// scipy.stats.gaussian_kde and seaborn's kdeplot; the grid spans the data plus 3 bandwidths each side.
/// </summary>
internal static class Kde
{
    public static (double[] X, double[] Density) Estimate(IReadOnlyList<double> values, int points)
    {
        var data = values.Where(double.IsFinite).ToArray();
        if (data.Length < 2) throw new ArgumentException("A density needs at least two finite values.", nameof(values));
        if (points < 2) throw new ArgumentOutOfRangeException(nameof(points), points, "At least two grid points.");
        double mean = data.Average();
        double std = Math.Sqrt(data.Sum(v => (v - mean) * (v - mean)) / (data.Length - 1));
        double bw = std * Math.Pow(data.Length, -0.2);
        if (bw <= 0) bw = Math.Max(Math.Abs(mean) * 1e-3, 1e-6);
        double lo = data.Min() - 3 * bw, hi = data.Max() + 3 * bw;
        var x = new double[points];
        var d = new double[points];
        double norm = 1.0 / (data.Length * bw * Math.Sqrt(2 * Math.PI));
        for (int i = 0; i < points; i++)
        {
            x[i] = lo + (hi - lo) * i / (points - 1);
            double sum = 0;
            foreach (var v in data)
            {
                double u = (x[i] - v) / bw;
                sum += Math.Exp(-0.5 * u * u);
            }
            d[i] = sum * norm;
        }
        return (x, d);
    }
}
