namespace GenreNotebooks.Datasets;

/// <summary>A train/validation/test split of tracks or clips.</summary>
/// <typeparam name="T"><see cref="Track"/> or <see cref="Clip"/>.</typeparam>
/// <param name="Train">Training items.</param>
/// <param name="Validation">Validation items.</param>
/// <param name="Test">Test items.</param>
public sealed record SplitResult<T>(IReadOnlyList<T> Train, IReadOnlyList<T> Validation, IReadOnlyList<T> Test)
{
    /// <summary>
    /// Track ids that occur in more than one part (via <paramref name="trackOf"/>): empty for a grouped split, large
    /// for a clip-level split, where clips of one song are on both sides: the leak.
    /// </summary>
    public IReadOnlyList<string> SharedTracks(Func<T, string> trackOf)
    {
        var tr = Train.Select(trackOf).ToHashSet();
        var va = Validation.Select(trackOf).ToHashSet();
        var te = Test.Select(trackOf).ToHashSet();
        return tr.Where(id => va.Contains(id) || te.Contains(id)).Concat(va.Where(te.Contains)).Distinct().OrderBy(s => s, StringComparer.Ordinal).ToArray();
    }

    /// <inheritdoc/>
    public override string ToString() => $"train {Train.Count}, validation {Validation.Count}, test {Test.Count}";
}
