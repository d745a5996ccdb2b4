using GenreNotebooks.Features;

namespace GenreNotebooks.Exploration;

/// <summary>
/// A fitted principal component analysis (scikit-learn <c>PCA</c> with the full SVD solver): the training mean,
/// the k components (unit rows, strongest first), their variances and shares of the total variance, and the
/// projection of new rows. Components follow scikit-learn 1.5+'s sign convention (<c>svd_flip</c> with
/// <c>u_based_decision=False</c>): in each component the entry of largest magnitude is positive.
/// </summary>
public sealed class PcaModel
{
    private readonly double[] _mean;
    private readonly double[][] _components;

    internal PcaModel(IReadOnlyList<string> columns, double[] mean, double[][] components, double[] singularValues,
        double[] explainedVariance, double totalVariance, int sampleCount)
    {
        Columns = columns;
        _mean = mean;
        _components = components;
        SingularValues = singularValues;
        ExplainedVariance = explainedVariance;
        TotalVariance = totalVariance;
        ExplainedVarianceRatio = explainedVariance.Select(v => v / totalVariance).ToArray();
        SampleCount = sampleCount;
    }

    /// <summary>The input column names (x0.. for unnamed rows), d of them.</summary>
    public IReadOnlyList<string> Columns { get; }

    /// <summary>Number of components k.</summary>
    public int ComponentCount => _components.Length;

    /// <summary>Number of training rows n.</summary>
    public int SampleCount { get; }

    /// <summary>The training mean, shape (d,) (sklearn <c>mean_</c>).</summary>
    public IReadOnlyList<double> Mean => _mean;

    /// <summary>The components, shape (k, d), orthonormal rows (sklearn <c>components_</c>).</summary>
    public IReadOnlyList<IReadOnlyList<double>> Components => _components;

    /// <summary>The singular values of the centred data, shape (k,) (sklearn <c>singular_values_</c>).</summary>
    public IReadOnlyList<double> SingularValues { get; }

    /// <summary>The variance along each component, s²/(n-1), shape (k,) (sklearn <c>explained_variance_</c>).</summary>
    public IReadOnlyList<double> ExplainedVariance { get; }

    /// <summary>Each component's share of the total variance, shape (k,) (sklearn <c>explained_variance_ratio_</c>).</summary>
    public IReadOnlyList<double> ExplainedVarianceRatio { get; }

    /// <summary>The total variance of the training data (sum of the column variances, ddof = 1).</summary>
    public double TotalVariance { get; }

    /// <summary>Projects <paramref name="rows"/>, shape (n, d), onto the components: shape (n, k) (sklearn <c>transform</c>).</summary>
    /// <exception cref="ArgumentException">A row's length differs from d.</exception>
    public double[][] Transform(IReadOnlyList<double[]> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var result = new double[rows.Count][];
        for (int i = 0; i < rows.Count; i++)
        {
            var x = rows[i];
            if (x.Length != _mean.Length)
                throw new ArgumentException($"row {i} has {x.Length} values, the PCA was fitted on {_mean.Length} columns", nameof(rows));
            var y = result[i] = new double[ComponentCount];
            for (int c = 0; c < ComponentCount; c++)
            {
                double s = 0;
                var v = _components[c];
                for (int j = 0; j < x.Length; j++) s += (x[j] - _mean[j]) * v[j];
                y[c] = s;
            }
        }
        return result;
    }

    /// <summary>Projects the rows of <paramref name="table"/> over the fitted columns: shape (n, k).</summary>
    public double[][] Transform(FeatureTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        return Transform(table.ToDoubleRows(Columns));
    }

    /// <inheritdoc/>
    public override string ToString() =>
        $"PcaModel({ComponentCount} of {Columns.Count} dimensions, explained variance ratio " +
        string.Join(", ", ExplainedVarianceRatio.Select(r => r.ToString("0.000", System.Globalization.CultureInfo.InvariantCulture))) + ")";
}
