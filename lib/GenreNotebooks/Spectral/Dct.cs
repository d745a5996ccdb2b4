namespace GenreNotebooks.Spectral;

/// <summary>
/// Discrete cosine transforms as scipy.fftpack.dct (types II and III, unnormalised or orthonormal), applied along
/// the rows of a matrix (axis -2, as librosa's MFCC) with float64 accumulation.
/// </summary>
public static class Dct
{
    /// <summary>
    /// The first <paramref name="outputs"/> rows of the DCT matrix for inputs of length <paramref name="n"/>,
    /// shape (outputs, n): <c>y = D x</c>.
    /// </summary>
    public static double[,] Matrix(int n, int outputs, int type = 2, DctNorm norm = DctNorm.Ortho)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(n);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(outputs);
        if (outputs > n) throw new ArgumentOutOfRangeException(nameof(outputs), outputs, $"at most {n} outputs for {n} inputs");
        if (type is not (2 or 3)) throw new ArgumentOutOfRangeException(nameof(type), type, "only DCT types 2 and 3 are supported");
        var d = new double[outputs, n];
        for (int k = 0; k < outputs; k++)
            for (int i = 0; i < n; i++)
            {
                if (type == 2)
                {
                    double c = 2.0 * Math.Cos(Math.PI * k * (2 * i + 1) / (2.0 * n));
                    if (norm == DctNorm.Ortho) c *= k == 0 ? Math.Sqrt(1.0 / (4.0 * n)) : Math.Sqrt(1.0 / (2.0 * n));
                    d[k, i] = c;
                }
                else
                {
                    double c = i == 0 ? 1.0 : 2.0 * Math.Cos(Math.PI * i * (2 * k + 1) / (2.0 * n));
                    if (norm == DctNorm.Ortho) c = i == 0 ? 1.0 / Math.Sqrt(n) : c / Math.Sqrt(2.0 * n);
                    d[k, i] = c;
                }
            }
        return d;
    }

    /// <summary>Applies the DCT along the rows of <paramref name="x"/> (each column is one signal): shape (n, t) to (outputs, t).</summary>
    public static FloatMatrix AlongRows(FloatMatrix x, int outputs, int type = 2, DctNorm norm = DctNorm.Ortho)
    {
        ArgumentNullException.ThrowIfNull(x);
        var d = Matrix(x.Rows, outputs, type, norm);
        int n = x.Rows, t = x.Cols;
        var result = new FloatMatrix(outputs, t);
        var acc = new double[t];
        for (int k = 0; k < outputs; k++)
        {
            Array.Clear(acc);
            for (int i = 0; i < n; i++)
            {
                double c = d[k, i];
                var row = x.Data.AsSpan(i * t, t);
                for (int j = 0; j < t; j++) acc[j] += c * row[j];
            }
            var dst = result.Row(k);
            for (int j = 0; j < t; j++) dst[j] = (float)acc[j];
        }
        return result;
    }
}
