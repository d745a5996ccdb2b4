namespace GenreNotebooks.Exploration;

/// <summary>Two genres and a similarity between them.</summary>
/// <param name="First">The first genre (earlier in sorted order).</param>
/// <param name="Second">The second genre.</param>
/// <param name="Similarity">The cosine similarity of their mean feature vectors, in [-1, 1].</param>
public sealed record GenrePair(string First, string Second, double Similarity)
{
    /// <inheritdoc/>
    public override string ToString() => $"{First} ~ {Second}: {Similarity:0.000}";
}
