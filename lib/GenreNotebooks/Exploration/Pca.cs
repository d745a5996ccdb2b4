using GenreNotebooks.Features;
using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.LinearAlgebra.Double;

namespace GenreNotebooks.Exploration;

/// <summary>
/// Principal component analysis in float64, as scikit-learn's <c>PCA(n_components=k, svd_solver="full")</c>: centre
/// the columns, take the SVD of the centred data (via a thin QR first when there are more rows than columns, so a
/// 9990-row table needs no 9990 x 9990 factor), keep the k strongest directions.
/// Taught in notebooks/03-exploring-the-features.
/// </summary>
public static class Pca
{
    /// <summary>Fits on <paramref name="rows"/>, shape (n, d); <paramref name="components"/> defaults to 2, at most min(n, d).</summary>
    /// <exception cref="ArgumentException">Fewer than two rows, ragged rows, non-finite values, or too many components.</exception>
    public static PcaModel Fit(IReadOnlyList<double[]> rows, int components = 2, IReadOnlyList<string>? columnNames = null)
    {
        ArgumentNullException.ThrowIfNull(rows);
        int n = rows.Count;
        if (n < 2) throw new ArgumentException($"PCA needs at least 2 rows, got {n}", nameof(rows));
        int d = rows[0].Length;
        var names = (columnNames ?? Enumerable.Range(0, d).Select(i => $"x{i}").ToArray()).ToArray();
        if (names.Length != d) throw new ArgumentException($"{names.Length} names for {d} columns", nameof(columnNames));
        int maxK = Math.Min(n, d);
        if (components < 1 || components > maxK)
            throw new ArgumentOutOfRangeException(nameof(components), components, $"components must be in 1..{maxK} (min of {n} rows, {d} columns)");

        var mean = new double[d];
        foreach (var row in rows)
        {
            if (row.Length != d) throw new ArgumentException($"rows differ in length ({row.Length} vs {d})", nameof(rows));
            for (int j = 0; j < d; j++) mean[j] += row[j];
        }
        for (int j = 0; j < d; j++) mean[j] /= n;
        var x = DenseMatrix.Create(n, d, 0);
        for (int i = 0; i < n; i++)
            for (int j = 0; j < d; j++)
            {
                double v = rows[i][j];
                if (!double.IsFinite(v)) throw new ArgumentException($"row {i}, column '{names[j]}' is {v}", nameof(rows));
                x[i, j] = v - mean[j];
            }

        double total = 0;
        for (int j = 0; j < d; j++)
        {
            double ss = 0;
            for (int i = 0; i < n; i++) ss += x[i, j] * x[i, j];
            total += ss / (n - 1);
        }

        // The right singular vectors and singular values of X equal those of R in X = QR.
        Matrix<double> core = n > d ? x.QR(MathNet.Numerics.LinearAlgebra.Factorization.QRMethod.Thin).R : x;
        var svd = core.Svd(computeVectors: true);
        var s = svd.S;
        var vt = svd.VT;

        var order = Enumerable.Range(0, s.Count).OrderByDescending(i => s[i]).Take(components).ToArray();
        var comps = new double[components][];
        var singular = new double[components];
        var explained = new double[components];
        for (int c = 0; c < components; c++)
        {
            int k = order[c];
            var v = new double[d];
            int argMax = 0;
            for (int j = 0; j < d; j++)
            {
                v[j] = vt[k, j];
                if (Math.Abs(v[j]) > Math.Abs(v[argMax])) argMax = j;
            }
            if (v[argMax] < 0)
                for (int j = 0; j < d; j++) v[j] = -v[j];
            comps[c] = v;
            singular[c] = s[k];
            explained[c] = s[k] * s[k] / (n - 1);
        }
        return new PcaModel(names, mean, comps, singular, explained, total, n);
    }

    /// <summary>Fits on the rows of <paramref name="table"/> over <paramref name="columns"/> (default: all its columns).</summary>
    public static PcaModel Fit(FeatureTable table, IReadOnlyList<string>? columns = null, int components = 2)
    {
        ArgumentNullException.ThrowIfNull(table);
        var names = (columns ?? table.Columns).ToArray();
        return Fit(table.ToDoubleRows(names), components, names);
    }

    /// <summary>Fits on the rows of a float32 matrix, shape (n, d), computing in float64.</summary>
    public static PcaModel Fit(FloatMatrix matrix, int components = 2)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        var rows = new double[matrix.Rows][];
        for (int i = 0; i < matrix.Rows; i++)
        {
            var r = matrix.Row(i);
            rows[i] = new double[r.Length];
            for (int j = 0; j < r.Length; j++) rows[i][j] = r[j];
        }
        return Fit(rows, components);
    }

    /// <summary>
    /// The 2-D projection of <paramref name="table"/> for a scatter plot: fits 2 components on the table over
    /// <paramref name="columns"/> (default: all), optionally standardising the columns first (as the study did),
    /// and returns the model with each row's (pc1, pc2).
    /// </summary>
    public static PcaProjection Project2D(FeatureTable table, IReadOnlyList<string>? columns = null, bool standardise = true)
    {
        ArgumentNullException.ThrowIfNull(table);
        var names = (columns ?? table.Columns).ToArray();
        var input = standardise ? Standardiser.Fit(table, names).Transform(table) : table;
        var model = Fit(input, names, 2);
        var points = model.Transform(input);
        return new PcaProjection(model, points.Select(p => p[0]).ToArray(), points.Select(p => p[1]).ToArray(), table.Labels.ToArray(), standardise);
    }
}
