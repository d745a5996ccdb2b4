namespace GenreNotebooks.Exploration;

/// <summary>
/// Cosine similarity between genres' mean feature vectors, shape (g, g), symmetric, 1 on the diagonal (for a
/// non-zero mean vector), genres in sorted order.
/// </summary>
public sealed class GenreSimilarityMatrix
{
    private readonly double[,] _values;

    internal GenreSimilarityMatrix(IReadOnlyList<string> genres, IReadOnlyList<string> columns, double[,] values, double[][] means, bool standardised)
    {
        Genres = genres;
        Columns = columns;
        _values = values;
        GenreMeans = means;
        Standardised = standardised;
    }

    /// <summary>The genres, in row/column order.</summary>
    public IReadOnlyList<string> Genres { get; }

    /// <summary>The feature columns the mean vectors were built from.</summary>
    public IReadOnlyList<string> Columns { get; }

    /// <summary>Whether the columns were standardised (over all rows) before averaging per genre.</summary>
    public bool Standardised { get; }

    /// <summary>Each genre's mean vector over <see cref="Columns"/>, shape (g, d).</summary>
    public IReadOnlyList<IReadOnlyList<double>> GenreMeans { get; }

    /// <summary>The similarity between genres i and j.</summary>
    public double this[int i, int j] => _values[i, j];

    /// <summary>The similarity between two named genres.</summary>
    /// <exception cref="KeyNotFoundException">A genre is not in the matrix.</exception>
    public double this[string a, string b] => _values[IndexOf(a), IndexOf(b)];

    /// <summary>A copy of the values, shape (g, g).</summary>
    public double[,] ToArray() => (double[,])_values.Clone();

    /// <summary>A copy of the values as rows, shape (g, g), e.g. for a heatmap.</summary>
    public double[][] ToRows()
    {
        int g = Genres.Count;
        var rows = new double[g][];
        for (int i = 0; i < g; i++)
        {
            rows[i] = new double[g];
            for (int j = 0; j < g; j++) rows[i][j] = _values[i, j];
        }
        return rows;
    }

    /// <summary>All pairs of different genres, most similar first.</summary>
    public IReadOnlyList<GenrePair> PairsBySimilarity()
    {
        var pairs = new List<GenrePair>();
        for (int i = 0; i < Genres.Count; i++)
            for (int j = i + 1; j < Genres.Count; j++)
                pairs.Add(new GenrePair(Genres[i], Genres[j], _values[i, j]));
        return pairs.OrderByDescending(p => p.Similarity).ToArray();
    }

    /// <summary>The genre most similar to <paramref name="genre"/> (other than itself).</summary>
    public GenrePair MostSimilarTo(string genre)
    {
        int i = IndexOf(genre);
        int best = -1;
        for (int j = 0; j < Genres.Count; j++)
            if (j != i && (best < 0 || _values[i, j] > _values[i, best])) best = j;
        if (best < 0) throw new InvalidOperationException("the matrix has a single genre");
        return new GenrePair(genre, Genres[best], _values[i, best]);
    }

    private int IndexOf(string genre)
    {
        for (int i = 0; i < Genres.Count; i++)
            if (Genres[i] == genre) return i;
        throw new KeyNotFoundException($"no genre '{genre}' (genres: {string.Join(", ", Genres)})");
    }

    /// <inheritdoc/>
    public override string ToString() => $"GenreSimilarityMatrix({Genres.Count} genres, {Columns.Count} columns{(Standardised ? ", standardised" : "")})";
}
