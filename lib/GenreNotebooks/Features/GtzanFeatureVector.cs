namespace GenreNotebooks.Features;

/// <summary>
/// One row of Kaggle's GTZAN feature tables computed from audio: <c>filename</c>, <c>length</c> (samples), the 57
/// feature values in <see cref="GtzanColumns.Features"/> order, and <c>label</c>.
/// Taught in notebooks/03-exploring-the-features.
/// </summary>
/// <param name="Filename">The row's file name (<c>blues.00000.wav</c>; 3-s rows <c>blues.00000.3.wav</c>).</param>
/// <param name="Length">The clip's length in samples at 22050 Hz.</param>
/// <param name="Values">The 57 feature values, in <see cref="GtzanColumns.Features"/> order.</param>
/// <param name="Label">The genre name.</param>
public sealed record GtzanFeatureVector(string Filename, int Length, IReadOnlyList<double> Values, string Label)
{
    /// <summary>The value of feature column <paramref name="column"/> (one of <see cref="GtzanColumns.Features"/>).</summary>
    /// <exception cref="KeyNotFoundException">The name is not a GTZAN feature column.</exception>
    public double this[string column]
    {
        get
        {
            for (int i = 0; i < GtzanColumns.Features.Count; i++)
                if (GtzanColumns.Features[i] == column) return Values[i];
            throw new KeyNotFoundException($"'{column}' is not one of the 57 GTZAN feature columns");
        }
    }
}
