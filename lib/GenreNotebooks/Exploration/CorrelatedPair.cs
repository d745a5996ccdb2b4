namespace GenreNotebooks.Exploration;

/// <summary>
/// Two variables and their Pearson correlation: <paramref name="First"/> comes before <paramref name="Second"/> in
/// the column order.
/// </summary>
/// <param name="First">The earlier variable.</param>
/// <param name="Second">The later variable.</param>
/// <param name="R">Pearson's r, in [-1, 1].</param>
public sealed record CorrelatedPair(string First, string Second, double R)
{
    /// <inheritdoc/>
    public override string ToString() => $"{First} ~ {Second}: r = {R:0.000}";
}
