namespace GenreNotebooks.Features;

/// <summary>
/// Standardises columns to zero mean and unit variance, as scikit-learn's <c>StandardScaler</c>: fitted on the
/// training rows only, mean and population standard deviation (ddof = 0) per column in float64, then
/// <c>(x - mean) / scale</c> applied to any rows. A constant column (variance within rounding error of zero, the
/// test sklearn uses) gets scale 1, so it maps to 0 instead of NaN.
/// </summary>
public sealed class Standardiser
{
    private readonly double[] _means;
    private readonly double[] _variances;
    private readonly double[] _scales;

    private Standardiser(string[] columns, double[] means, double[] variances, double[] scales, int sampleCount)
    {
        Columns = columns;
        _means = means;
        _variances = variances;
        _scales = scales;
        SampleCount = sampleCount;
    }

    /// <summary>The fitted columns, in order.</summary>
    public IReadOnlyList<string> Columns { get; }

    /// <summary>Per-column mean of the training rows (sklearn <c>mean_</c>).</summary>
    public IReadOnlyList<double> Means => _means;

    /// <summary>Per-column population variance of the training rows (sklearn <c>var_</c>).</summary>
    public IReadOnlyList<double> Variances => _variances;

    /// <summary>Per-column divisor: the population standard deviation, 1 for constant columns (sklearn <c>scale_</c>).</summary>
    public IReadOnlyList<double> Scales => _scales;

    /// <summary>Number of training rows (sklearn <c>n_samples_seen_</c>).</summary>
    public int SampleCount { get; }

    /// <summary>Fits on the rows of <paramref name="training"/> over <paramref name="columns"/> (default: all its columns).</summary>
    /// <exception cref="ArgumentException">The table has no rows.</exception>
    public static Standardiser Fit(FeatureTable training, IReadOnlyList<string>? columns = null)
    {
        ArgumentNullException.ThrowIfNull(training);
        var names = (columns ?? training.Columns).ToArray();
        if (training.RowCount == 0) throw new ArgumentException("cannot fit a standardiser on a table with no rows", nameof(training));
        var means = new double[names.Length];
        var vars = new double[names.Length];
        for (int j = 0; j < names.Length; j++)
            (means[j], vars[j]) = MeanAndVariance(training.Column(names[j]));
        return Create(names, means, vars, training.RowCount);
    }

    /// <summary>Fits on the rows of <paramref name="training"/>, shape (n, d) (sklearn <c>StandardScaler().fit(X)</c>); columns are named x0..x(d-1) unless given.</summary>
    /// <exception cref="ArgumentException">No rows, rows of different lengths, or a name count different from d.</exception>
    public static Standardiser Fit(IReadOnlyList<double[]> training, IReadOnlyList<string>? columnNames = null)
    {
        ArgumentNullException.ThrowIfNull(training);
        if (training.Count == 0) throw new ArgumentException("cannot fit a standardiser on no rows", nameof(training));
        int d = training[0].Length;
        foreach (var row in training)
            if (row.Length != d) throw new ArgumentException($"rows differ in length ({row.Length} vs {d})", nameof(training));
        var names = (columnNames ?? Enumerable.Range(0, d).Select(i => $"x{i}").ToArray()).ToArray();
        if (names.Length != d) throw new ArgumentException($"{names.Length} names for {d} columns", nameof(columnNames));
        var means = new double[d];
        var vars = new double[d];
        var col = new double[training.Count];
        for (int j = 0; j < d; j++)
        {
            for (int i = 0; i < col.Length; i++) col[i] = training[i][j];
            (means[j], vars[j]) = MeanAndVariance(col);
        }
        return Create(names, means, vars, training.Count);
    }

    /// <summary>
    /// The table with the fitted columns standardised and every other column kept as it is
    /// (sklearn <c>scaler.transform(df[columns])</c> written back into the frame).
    /// </summary>
    /// <exception cref="KeyNotFoundException">The table lacks a fitted column.</exception>
    public FeatureTable Transform(FeatureTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        var values = new double[table.ColumnCount][];
        for (int c = 0; c < table.ColumnCount; c++) values[c] = table.Column(c).ToArray();
        for (int j = 0; j < Columns.Count; j++)
        {
            var v = values[table.ColumnIndex(Columns[j])];
            double m = _means[j], s = _scales[j];
            for (int r = 0; r < v.Length; r++) v[r] = (v[r] - m) / s;
        }
        return table.WithValues(table.Columns, values);
    }

    /// <summary>Standardised copies of <paramref name="rows"/>, shape (n, d) with d = <c>Columns.Count</c> (sklearn <c>transform</c>).</summary>
    /// <exception cref="ArgumentException">A row's length differs from the fitted column count.</exception>
    public double[][] Transform(IReadOnlyList<double[]> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var result = new double[rows.Count][];
        for (int i = 0; i < rows.Count; i++)
        {
            CheckWidth(rows[i].Length);
            var r = result[i] = new double[rows[i].Length];
            for (int j = 0; j < r.Length; j++) r[j] = (rows[i][j] - _means[j]) / _scales[j];
        }
        return result;
    }

    /// <summary>A standardised float32 copy of <paramref name="matrix"/>, shape (n, d), arithmetic in float64.</summary>
    public FloatMatrix Transform(FloatMatrix matrix)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        CheckWidth(matrix.Cols);
        var result = new FloatMatrix(matrix.Rows, matrix.Cols);
        for (int i = 0; i < matrix.Rows; i++)
        {
            var src = matrix.Row(i);
            var dst = result.Row(i);
            for (int j = 0; j < src.Length; j++) dst[j] = (float)((src[j] - _means[j]) / _scales[j]);
        }
        return result;
    }

    /// <summary>Undoes the standardisation of <paramref name="rows"/> (sklearn <c>inverse_transform</c>).</summary>
    public double[][] InverseTransform(IReadOnlyList<double[]> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var result = new double[rows.Count][];
        for (int i = 0; i < rows.Count; i++)
        {
            CheckWidth(rows[i].Length);
            var r = result[i] = new double[rows[i].Length];
            for (int j = 0; j < r.Length; j++) r[j] = rows[i][j] * _scales[j] + _means[j];
        }
        return result;
    }

    /// <inheritdoc/>
    public override string ToString() => $"Standardiser({Columns.Count} columns, fitted on {SampleCount} rows)";

    private void CheckWidth(int width)
    {
        if (width != Columns.Count)
            throw new ArgumentException($"a row has {width} values, the standardiser was fitted on {Columns.Count} columns");
    }

    private static Standardiser Create(string[] names, double[] means, double[] vars, int n)
    {
        var scales = new double[names.Length];
        for (int j = 0; j < scales.Length; j++)
        {
            // sklearn's _is_constant_feature: a variance below the bound of its own rounding error counts as zero.
            const double eps = 2.220446049250313e-16; // np.finfo(np.float64).eps
            double bound = n * eps * vars[j] + Math.Pow(n * means[j] * eps, 2);
            scales[j] = vars[j] <= bound ? 1.0 : Math.Sqrt(vars[j]);
        }
        return new Standardiser(names, means, vars, scales, n);
    }

    private static (double Mean, double Variance) MeanAndVariance(ReadOnlySpan<double> x)
    {
        double sum = 0;
        foreach (var v in x) sum += v;
        double mean = sum / x.Length;
        // Two-pass with the compensation term, as numpy/sklearn, so large offsets do not swamp small spreads.
        double sq = 0, correction = 0;
        foreach (var v in x)
        {
            double d = v - mean;
            sq += d * d;
            correction += d;
        }
        double variance = (sq - correction * correction / x.Length) / x.Length;
        return (mean, Math.Max(variance, 0));
    }
}
