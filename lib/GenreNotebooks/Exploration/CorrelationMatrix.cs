namespace GenreNotebooks.Exploration;

/// <summary>
/// A square matrix of Pearson correlation coefficients between named variables, shape (d, d), symmetric, 1 on the
/// diagonal, NaN for a constant variable (as <c>np.corrcoef</c> and pandas <c>df.corr()</c>).
/// </summary>
public sealed class CorrelationMatrix
{
    private readonly double[,] _values;
    private readonly Dictionary<string, int> _index;

    /// <summary>A matrix over <paramref name="names"/>; <paramref name="values"/> is copied.</summary>
    /// <exception cref="ArgumentException">The matrix is not (d, d) for d names, or a name repeats.</exception>
    public CorrelationMatrix(IReadOnlyList<string> names, double[,] values)
    {
        ArgumentNullException.ThrowIfNull(names);
        ArgumentNullException.ThrowIfNull(values);
        if (values.GetLength(0) != names.Count || values.GetLength(1) != names.Count)
            throw new ArgumentException($"values are ({values.GetLength(0)}, {values.GetLength(1)}), {names.Count} names need ({names.Count}, {names.Count})", nameof(values));
        Names = names.ToArray();
        _values = (double[,])values.Clone();
        _index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < Names.Count; i++)
            if (!_index.TryAdd(Names[i], i)) throw new ArgumentException($"variable '{Names[i]}' appears twice", nameof(names));
    }

    /// <summary>The variable names, in row/column order.</summary>
    public IReadOnlyList<string> Names { get; }

    /// <summary>Number of variables d.</summary>
    public int Size => Names.Count;

    /// <summary>r between variables i and j.</summary>
    public double this[int i, int j] => _values[i, j];

    /// <summary>r between the named variables (pandas <c>corr.loc[a, b]</c>).</summary>
    /// <exception cref="KeyNotFoundException">A name is not in the matrix.</exception>
    public double this[string a, string b] => _values[IndexOf(a), IndexOf(b)];

    /// <summary>The position of variable <paramref name="name"/>.</summary>
    /// <exception cref="KeyNotFoundException">No such variable.</exception>
    public int IndexOf(string name) =>
        _index.TryGetValue(name, out int i) ? i : throw new KeyNotFoundException($"the correlation matrix has no variable '{name}'");

    /// <summary>A copy of the values, shape (d, d).</summary>
    public double[,] ToArray() => (double[,])_values.Clone();

    /// <summary>A copy of the values as rows, shape (d, d), e.g. for a heatmap.</summary>
    public double[][] ToRows()
    {
        var rows = new double[Size][];
        for (int i = 0; i < Size; i++)
        {
            rows[i] = new double[Size];
            for (int j = 0; j < Size; j++) rows[i][j] = _values[i, j];
        }
        return rows;
    }

    /// <summary>
    /// The pairs (i &lt; j, upper triangle) with |r| at or above <paramref name="threshold"/>, strongest first.
    /// </summary>
    public IReadOnlyList<CorrelatedPair> PairsAtLeast(double threshold)
    {
        var pairs = new List<CorrelatedPair>();
        for (int i = 0; i < Size; i++)
            for (int j = i + 1; j < Size; j++)
                if (Math.Abs(_values[i, j]) >= threshold) pairs.Add(new CorrelatedPair(Names[i], Names[j], _values[i, j]));
        return pairs.OrderByDescending(p => Math.Abs(p.R)).ToArray();
    }

    /// <inheritdoc/>
    public override string ToString() => $"CorrelationMatrix({Size} x {Size})";
}
