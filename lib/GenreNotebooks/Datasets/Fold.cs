namespace GenreNotebooks.Datasets;

/// <summary>
/// One fold of a k-fold cross-validation: the items to train on and the held-out items to validate on.
/// </summary>
/// <typeparam name="T"><see cref="Track"/> or <see cref="Clip"/>.</typeparam>
/// <param name="Index">Fold number, from 0.</param>
/// <param name="Train">Training items (every other fold).</param>
/// <param name="Validation">Held-out items of this fold.</param>
public sealed record Fold<T>(int Index, IReadOnlyList<T> Train, IReadOnlyList<T> Validation)
{
    /// <inheritdoc/>
    public override string ToString() => $"fold {Index}: train {Train.Count}, validation {Validation.Count}";
}
