using GenreNotebooks.Features;

namespace GenreNotebooks.Exploration;

/// <summary>
/// How alike genres are on average: each genre's mean feature vector (optionally after standardising the columns
/// over all rows, as the features study did) and the cosine of the angle between every two of them,
/// <c>a·b / (|a| |b|)</c> (scikit-learn <c>cosine_similarity(df.groupby("label")[columns].mean())</c>). The study
/// compared the MFCC columns with the other columns and found the most similar genres (rock/disco) to be the ones
/// its network confused. Taught in notebooks/03-exploring-the-features.
/// </summary>
public static class GenreSimilarity
{
    /// <summary>
    /// The genre-by-genre cosine similarity of mean vectors over <paramref name="columns"/> of <paramref name="table"/>.
    /// </summary>
    /// <param name="table">Labelled rows.</param>
    /// <param name="columns">The feature columns.</param>
    /// <param name="standardise">
    /// True (default): standardise each column over all rows first, so large-valued columns (variances of the spectral
    /// centroid, in Hz²) do not decide the angle alone; false: raw values.
    /// </param>
    public static GenreSimilarityMatrix Cosine(FeatureTable table, IReadOnlyList<string> columns, bool standardise = true)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(columns);
        var input = standardise ? Standardiser.Fit(table, columns).Transform(table) : table;
        var means = GenreMeans(input, columns);
        int g = means.Length;
        var values = new double[g, g];
        for (int i = 0; i < g; i++)
            for (int j = i; j < g; j++)
                values[i, j] = values[j, i] = CosineOf(means[i], means[j]);
        return new GenreSimilarityMatrix(table.Genres, columns.ToArray(), values, means, standardise);
    }

    /// <summary>The similarity over the table's MFCC columns (<see cref="GtzanColumns.MfccFeatures"/>).</summary>
    public static GenreSimilarityMatrix Mfcc(FeatureTable table, bool standardise = true)
    {
        ArgumentNullException.ThrowIfNull(table);
        return Cosine(table, GtzanColumns.MfccFeatures.Where(table.HasColumn).ToArray(), standardise);
    }

    /// <summary>The similarity over the table's non-MFCC GTZAN columns (<see cref="GtzanColumns.NonMfccFeatures"/>).</summary>
    public static GenreSimilarityMatrix NonMfcc(FeatureTable table, bool standardise = true)
    {
        ArgumentNullException.ThrowIfNull(table);
        return Cosine(table, GtzanColumns.NonMfccFeatures.Where(table.HasColumn).ToArray(), standardise);
    }

    /// <summary>Each genre's mean over <paramref name="columns"/>, genres in sorted order: shape (g, d) (pandas <c>df.groupby("label")[columns].mean()</c>).</summary>
    public static double[][] GenreMeans(FeatureTable table, IReadOnlyList<string> columns)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(columns);
        var enc = table.LabelEncoding;
        var labels = table.EncodedLabels(enc);
        var counts = new int[enc.Count];
        foreach (var l in labels) counts[l]++;
        var means = new double[enc.Count][];
        for (int k = 0; k < enc.Count; k++) means[k] = new double[columns.Count];
        for (int j = 0; j < columns.Count; j++)
        {
            var col = table.Column(columns[j]);
            for (int r = 0; r < col.Length; r++) means[labels[r]][j] += col[r];
        }
        for (int k = 0; k < enc.Count; k++)
            for (int j = 0; j < columns.Count; j++) means[k][j] /= counts[k];
        return means;
    }

    /// <summary>The cosine of the angle between two vectors, <c>a·b / (|a| |b|)</c>, 0 when either is zero (sklearn's convention).</summary>
    /// <exception cref="ArgumentException">The vectors differ in length.</exception>
    public static double CosineOf(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        if (a.Length != b.Length) throw new ArgumentException($"vectors differ in length ({a.Length} vs {b.Length})");
        double dot = 0, na = 0, nb = 0;
        for (int i = 0; i < a.Length; i++)
        {
            dot += a[i] * b[i];
            na += a[i] * a[i];
            nb += b[i] * b[i];
        }
        if (na == 0 || nb == 0) return 0;
        return Math.Clamp(dot / (Math.Sqrt(na) * Math.Sqrt(nb)), -1.0, 1.0);
    }
}
