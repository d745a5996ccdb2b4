using GenreNotebooks.Exploration;

namespace GenreNotebooks.Features;

/// <summary>
/// A column the correlation filter drops and why: the earlier column it correlates most strongly with, and every
/// earlier column at or above the threshold.
/// </summary>
/// <param name="Column">The dropped (later) column.</param>
/// <param name="Strongest">The pair with the largest |r| (its <c>Second</c> is <paramref name="Column"/>).</param>
/// <param name="Pairs">All pairs with an earlier column at or above the threshold, in column order.</param>
public sealed record DroppedFeature(string Column, CorrelatedPair Strongest, IReadOnlyList<CorrelatedPair> Pairs)
{
    /// <inheritdoc/>
    public override string ToString() =>
        $"{Column}: r = {Strongest.R:0.000} with {Strongest.First}" + (Pairs.Count > 1 ? $" (and {Pairs.Count - 1} more)" : "");
}
