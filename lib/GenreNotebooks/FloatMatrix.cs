namespace GenreNotebooks;

/// <summary>
/// A dense row-major float32 matrix, shape (Rows, Cols): the library's 2-D container for spectrograms
/// (rows = frequency bins or mel bands, columns = frames, as librosa's <c>(n_bins, t)</c>) and feature tables.
/// </summary>
public sealed class FloatMatrix
{
    /// <summary>A zero matrix of shape (<paramref name="rows"/>, <paramref name="cols"/>).</summary>
    public FloatMatrix(int rows, int cols)
        // Negative sizes allocate nothing here, so the main constructor's checks name them.
        : this(rows, cols, new float[checked(Math.Max(rows, 0) * Math.Max(cols, 0))])
    {
    }

    /// <summary>A matrix over <paramref name="data"/> (row-major, not copied).</summary>
    /// <exception cref="ArgumentException">The data length is not <c>rows * cols</c>.</exception>
    public FloatMatrix(int rows, int cols, float[] data)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(rows);
        ArgumentOutOfRangeException.ThrowIfNegative(cols);
        ArgumentNullException.ThrowIfNull(data);
        if (data.Length != (long)rows * cols)
            throw new ArgumentException($"data has {data.Length} values, shape ({rows}, {cols}) needs {(long)rows * cols}", nameof(data));
        Rows = rows;
        Cols = cols;
        Data = data;
    }

    /// <summary>Number of rows.</summary>
    public int Rows { get; }

    /// <summary>Number of columns.</summary>
    public int Cols { get; }

    /// <summary>The values, row-major: element (r, c) is <c>Data[r * Cols + c]</c>.</summary>
    public float[] Data { get; }

    /// <summary>Element (<paramref name="row"/>, <paramref name="col"/>).</summary>
    public float this[int row, int col]
    {
        get => Data[Index(row, col)];
        set => Data[Index(row, col)] = value;
    }

    /// <summary>Row <paramref name="row"/> as a writable span of length <see cref="Cols"/>.</summary>
    public Span<float> Row(int row)
    {
        if ((uint)row >= (uint)Rows) throw new ArgumentOutOfRangeException(nameof(row), $"row {row} outside 0..{Rows - 1}");
        return Data.AsSpan(row * Cols, Cols);
    }

    /// <summary>A copy of column <paramref name="col"/>.</summary>
    public float[] Column(int col)
    {
        if ((uint)col >= (uint)Cols) throw new ArgumentOutOfRangeException(nameof(col), $"column {col} outside 0..{Cols - 1}");
        var result = new float[Rows];
        for (int r = 0; r < Rows; r++) result[r] = Data[r * Cols + col];
        return result;
    }

    /// <summary>The transpose, shape (Cols, Rows), as a new matrix.</summary>
    public FloatMatrix Transpose()
    {
        var t = new FloatMatrix(Cols, Rows);
        for (int r = 0; r < Rows; r++)
            for (int c = 0; c < Cols; c++)
                t.Data[c * Rows + r] = Data[r * Cols + c];
        return t;
    }

    /// <summary>A deep copy.</summary>
    public FloatMatrix Clone() => new(Rows, Cols, (float[])Data.Clone());

    /// <summary>Builds a matrix from equal-length rows.</summary>
    /// <exception cref="ArgumentException">Rows differ in length.</exception>
    public static FloatMatrix FromRows(IReadOnlyList<float[]> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        int cols = rows.Count == 0 ? 0 : rows[0].Length;
        var m = new FloatMatrix(rows.Count, cols);
        for (int r = 0; r < rows.Count; r++)
        {
            if (rows[r].Length != cols)
                throw new ArgumentException($"row {r} has {rows[r].Length} values, row 0 has {cols}", nameof(rows));
            rows[r].CopyTo(m.Data, r * cols);
        }
        return m;
    }

    /// <summary>A copy as a 2-D array <c>[Rows, Cols]</c>.</summary>
    public float[,] ToArray2D()
    {
        var a = new float[Rows, Cols];
        for (int r = 0; r < Rows; r++)
            for (int c = 0; c < Cols; c++)
                a[r, c] = Data[r * Cols + c];
        return a;
    }

    /// <inheritdoc/>
    public override string ToString() => $"FloatMatrix({Rows}, {Cols})";

    private int Index(int row, int col)
    {
        if ((uint)row >= (uint)Rows || (uint)col >= (uint)Cols)
            throw new IndexOutOfRangeException($"({row}, {col}) outside shape ({Rows}, {Cols})");
        return row * Cols + col;
    }
}
