namespace GenreNotebooks.Nn.Modules;

/// <summary>One row of a <see cref="ModelSummary"/>: a leaf layer, its output shape (batch shown as -1) and parameter count.</summary>
/// <param name="Layer">Dotted name and type, e.g. <c>0 (Conv2d)</c>.</param>
/// <param name="OutputShape">Output shape with the batch dimension as -1.</param>
/// <param name="Parameters">Number of parameter values of the layer.</param>
public sealed record SummaryRow(string Layer, IReadOnlyList<int> OutputShape, long Parameters);
