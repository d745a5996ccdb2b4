namespace GenreNotebooks.Training.Tuning;

/// <summary>
/// One point of a slice plot (Optuna's <c>plot_slice</c>): a complete trial's value against one parameter.
/// </summary>
/// <param name="Number">The trial's number (for colouring by time).</param>
/// <param name="X">The parameter's value, or the choice's index for a categorical.</param>
/// <param name="Label">The value as text (the choice for a categorical).</param>
/// <param name="Value">The trial's objective value.</param>
public sealed record SlicePoint(int Number, double X, string Label, double Value);
