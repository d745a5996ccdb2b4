namespace GenreNotebooks.Training.Tuning;

/// <summary>
/// One point of an optimisation history (the data of Optuna's <c>plot_optimization_history</c>): a complete or pruned
/// trial's value and the best complete value up to and including it (null before the first complete trial).
/// </summary>
/// <param name="Number">The trial's number (the x axis).</param>
/// <param name="State">Complete or pruned.</param>
/// <param name="Value">The trial's value (for a pruned trial its last intermediate value).</param>
/// <param name="BestSoFar">The best complete value among trials 0..Number.</param>
public sealed record HistoryPoint(int Number, TrialState State, double Value, double? BestSoFar);
