namespace GenreNotebooks.Nn;

public sealed partial class Tensor
{
    /// <summary>A tensor of zeros (<c>torch.zeros(*shape)</c>).</summary>
    public static Tensor Zeros(params int[] shape) => new(new float[CheckShape(shape, "Zeros")], shape);

    /// <summary>A tensor of ones (<c>torch.ones(*shape)</c>).</summary>
    public static Tensor Ones(params int[] shape) => Full(1f, shape);

    /// <summary>A tensor filled with <paramref name="value"/> (<c>torch.full(shape, value)</c>).</summary>
    public static Tensor Full(float value, params int[] shape)
    {
        var data = new float[CheckShape(shape, "Full")];
        Array.Fill(data, value);
        return new Tensor(data, shape);
    }

    /// <summary>A one-element tensor of shape [] (<c>torch.tensor(value)</c>).</summary>
    public static Tensor Scalar(float value) => new([value]);

    /// <summary>A copy of <paramref name="values"/> with <paramref name="shape"/> (<c>torch.tensor(values).view(shape)</c>).</summary>
    public static Tensor FromArray(ReadOnlySpan<float> values, params int[] shape) => new(values.ToArray(), shape);

    /// <summary>Standard-normal samples from <paramref name="generator"/> (or the default one) (<c>torch.randn</c>).</summary>
    public static Tensor Randn(int[] shape, Generator? generator = null)
    {
        var g = generator ?? Torch.DefaultGenerator;
        var data = new float[CheckShape(shape, "Randn")];
        for (int i = 0; i < data.Length; i++) data[i] = (float)g.NextGaussian();
        return new Tensor(data, shape);
    }

    /// <summary>Uniform samples in [0, 1) from <paramref name="generator"/> (or the default one) (<c>torch.rand</c>).</summary>
    public static Tensor Rand(int[] shape, Generator? generator = null)
    {
        var g = generator ?? Torch.DefaultGenerator;
        var data = new float[CheckShape(shape, "Rand")];
        for (int i = 0; i < data.Length; i++) data[i] = g.NextFloat();
        return new Tensor(data, shape);
    }

    /// <summary>0, 1, ..., n-1 as floats (<c>torch.arange(n)</c>).</summary>
    public static Tensor Arange(int n)
    {
        var data = new float[n];
        for (int i = 0; i < n; i++) data[i] = i;
        return new Tensor(data, n);
    }

    /// <summary>Rows of <paramref name="rows"/> stacked into an [rows, columns] tensor.</summary>
    /// <exception cref="ArgumentException">Rows of different lengths.</exception>
    public static Tensor FromRows(IReadOnlyList<float[]> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        int cols = rows.Count == 0 ? 0 : rows[0].Length;
        var data = new float[rows.Count * cols];
        for (int r = 0; r < rows.Count; r++)
        {
            if (rows[r].Length != cols) throw new ArgumentException($"FromRows: row {r} has {rows[r].Length} values, row 0 has {cols}.");
            rows[r].CopyTo(data, r * cols);
        }
        return new Tensor(data, rows.Count, cols);
    }
}
