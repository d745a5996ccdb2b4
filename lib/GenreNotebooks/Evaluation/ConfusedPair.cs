namespace GenreNotebooks.Evaluation;

/// <summary>
/// Two genres and how often a network mixed them up, in either direction (see <see cref="ConfusionMatrix.ConfusedPairs"/>).
/// </summary>
/// <param name="First">A genre (the earlier one in label order).</param>
/// <param name="Second">The other genre.</param>
/// <param name="Count">Samples of First predicted as Second plus samples of Second predicted as First.</param>
/// <param name="Rate">Count divided by the two genres' samples together: the fraction of the pair's samples lost to each other.</param>
public sealed record ConfusedPair(string First, string Second, int Count, double Rate)
{
    /// <inheritdoc />
    public override string ToString() =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{First} <-> {Second}: {Count} ({Rate:P1})");
}
