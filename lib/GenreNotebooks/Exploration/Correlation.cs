using GenreNotebooks.Features;

namespace GenreNotebooks.Exploration;

/// <summary>
/// Pearson correlation between feature columns, in float64: <c>r = Σ(x-x̄)(y-ȳ) / sqrt(Σ(x-x̄)² Σ(y-ȳ)²)</c>,
/// clipped to [-1, 1], NaN when a column is constant (<c>np.corrcoef</c>, pandas <c>df.corr()</c> without missing values).
/// Taught in notebooks/03-exploring-the-features.
/// </summary>
public static class Correlation
{
    /// <summary>The correlation matrix of <paramref name="columns"/> (default: all columns) of <paramref name="table"/>, shape (d, d) (pandas <c>df[columns].corr()</c>).</summary>
    public static CorrelationMatrix Pearson(FeatureTable table, IReadOnlyList<string>? columns = null)
    {
        ArgumentNullException.ThrowIfNull(table);
        var names = (columns ?? table.Columns).ToArray();
        var variables = names.Select(n => table.Column(n).ToArray()).ToArray();
        return PearsonMatrix(variables, names);
    }

    /// <summary>
    /// The correlation matrix of <paramref name="variables"/>: each array is one variable's n observations
    /// (<c>np.corrcoef(variables)</c>, rows as variables), shape (d, d). Names default to x0..x(d-1).
    /// </summary>
    /// <exception cref="ArgumentException">Variables differ in length, or a name count differs from d.</exception>
    public static CorrelationMatrix PearsonMatrix(IReadOnlyList<double[]> variables, IReadOnlyList<string>? names = null)
    {
        ArgumentNullException.ThrowIfNull(variables);
        int d = variables.Count;
        names ??= Enumerable.Range(0, d).Select(i => $"x{i}").ToArray();
        if (names.Count != d) throw new ArgumentException($"{names.Count} names for {d} variables", nameof(names));
        int n = d == 0 ? 0 : variables[0].Length;
        var centred = new double[d][];
        var norms = new double[d];
        for (int i = 0; i < d; i++)
        {
            if (variables[i].Length != n)
                throw new ArgumentException($"variable '{names[i]}' has {variables[i].Length} values, '{names[0]}' has {n}", nameof(variables));
            double mean = 0;
            foreach (var v in variables[i]) mean += v;
            mean /= n;
            var c = centred[i] = new double[n];
            double ss = 0;
            for (int k = 0; k < n; k++)
            {
                c[k] = variables[i][k] - mean;
                ss += c[k] * c[k];
            }
            norms[i] = Math.Sqrt(ss);
        }
        var r = new double[d, d];
        for (int i = 0; i < d; i++)
        {
            for (int j = i; j < d; j++)
            {
                double dot = 0;
                var a = centred[i];
                var b = centred[j];
                for (int k = 0; k < n; k++) dot += a[k] * b[k];
                double v = dot / (norms[i] * norms[j]);
                v = double.IsNaN(v) ? double.NaN : Math.Clamp(v, -1.0, 1.0);
                r[i, j] = v;
                r[j, i] = v;
            }
        }
        return new CorrelationMatrix(names, r);
    }

    /// <summary>Pearson's r between two equal-length samples (<c>scipy.stats.pearsonr(x, y)[0]</c>); NaN if either is constant.</summary>
    /// <exception cref="ArgumentException">The samples differ in length.</exception>
    public static double Pearson(ReadOnlySpan<double> x, ReadOnlySpan<double> y)
    {
        if (x.Length != y.Length) throw new ArgumentException($"samples differ in length ({x.Length} vs {y.Length})");
        return PearsonMatrix([x.ToArray(), y.ToArray()])[0, 1];
    }
}
