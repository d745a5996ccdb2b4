namespace GenreNotebooks.Datasets.Synthesis;

/// <summary>
/// An option of a recipe and its relative probability.
/// </summary>
/// <typeparam name="T">The option type.</typeparam>
/// <param name="Item">The option.</param>
/// <param name="Weight">Relative probability (any positive scale).</param>
public readonly record struct Weighted<T>(T Item, float Weight);
