using GenreNotebooks.Features;

namespace GenreNotebooks.Exploration;

/// <summary>
/// Gaussian kernel density estimates for notebooks: one-line evaluation on a grid, seaborn's grid, the bandwidth
/// rules, and per-genre curves of a feature column (seaborn <c>kdeplot(data=df, x=column, hue="label")</c>).
/// See <see cref="GaussianKde"/> for the estimate itself. Taught in notebooks/03-exploring-the-features.
/// </summary>
public static class Kde
{
    /// <summary>Scott's factor for n 1-D samples: n^(-1/5) (scipy <c>kde.scotts_factor()</c>).</summary>
    public static double ScottFactor(int n) => Math.Pow(n, -1.0 / 5.0);

    /// <summary>Silverman's factor for n 1-D samples: (n·3/4)^(-1/5) (scipy <c>kde.silverman_factor()</c>).</summary>
    public static double SilvermanFactor(int n) => Math.Pow(n * 3.0 / 4.0, -1.0 / 5.0);

    /// <summary>
    /// The KDE of <paramref name="samples"/> (Scott's rule) at each point of <paramref name="grid"/>, shape (grid,)
    /// (<c>scipy.stats.gaussian_kde(samples)(grid)</c>).
    /// </summary>
    public static double[] Evaluate(ReadOnlySpan<double> samples, ReadOnlySpan<double> grid) => new GaussianKde(samples).Evaluate(grid);

    /// <summary>seaborn's grid for <paramref name="samples"/>: <paramref name="points"/> values from min - cut·h to max + cut·h, h the Scott bandwidth.</summary>
    public static double[] Grid(ReadOnlySpan<double> samples, int points = 200, double cut = 3) => new GaussianKde(samples).Grid(points, cut);

    /// <summary><paramref name="points"/> evenly spaced values from <paramref name="start"/> to <paramref name="stop"/> inclusive (<c>np.linspace</c>).</summary>
    /// <exception cref="ArgumentOutOfRangeException">Fewer than 2 points.</exception>
    public static double[] Linspace(double start, double stop, int points)
    {
        if (points < 2) throw new ArgumentOutOfRangeException(nameof(points), points, "a grid needs at least 2 points");
        var g = new double[points];
        double step = (stop - start) / (points - 1);
        for (int i = 0; i < points; i++) g[i] = start + i * step;
        g[^1] = stop;
        return g;
    }

    /// <summary>
    /// The density of <paramref name="column"/> for each genre of <paramref name="table"/>, genres in sorted order,
    /// each on its own seaborn grid (<c>kdeplot(data=df, x=column, hue="label")</c>). With
    /// <paramref name="commonNorm"/> true (seaborn's default) each curve is scaled by its genre's share of the rows,
    /// so the curves together integrate to 1; false gives each genre a density of its own. Genres with fewer than two
    /// distinct values are skipped (seaborn does the same).
    /// </summary>
    public static IReadOnlyList<GenreDensity> ByGenre(FeatureTable table, string column, int points = 200, bool commonNorm = true, double cut = 3)
    {
        ArgumentNullException.ThrowIfNull(table);
        var values = table.Column(column);
        var result = new List<GenreDensity>();
        foreach (var genre in table.Genres)
        {
            var samples = new List<double>();
            for (int r = 0; r < table.RowCount; r++)
                if (table.Labels[r] == genre) samples.Add(values[r]);
            if (samples.Count < 2 || samples.Distinct().Count() < 2) continue;
            var kde = new GaussianKde(samples.ToArray());
            var grid = kde.Grid(points, cut);
            var density = kde.Evaluate(grid);
            if (commonNorm)
            {
                double share = samples.Count / (double)table.RowCount;
                for (int i = 0; i < density.Length; i++) density[i] *= share;
            }
            result.Add(new GenreDensity(genre, samples.Count, grid, density));
        }
        return result;
    }
}
