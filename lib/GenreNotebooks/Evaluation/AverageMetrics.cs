namespace GenreNotebooks.Evaluation;

/// <summary>
/// An averaged line of a <see cref="ClassificationReport"/>: "macro avg" (unweighted mean over classes) or
/// "weighted avg" (mean weighted by support), as in sklearn's <c>classification_report</c>.
/// </summary>
/// <param name="Name">"macro avg" or "weighted avg".</param>
/// <param name="Precision">Averaged precision.</param>
/// <param name="Recall">Averaged recall (the weighted average equals the accuracy).</param>
/// <param name="F1">Averaged per-class F1 (not the F1 of the averaged precision and recall).</param>
/// <param name="Support">Total number of samples.</param>
public sealed record AverageMetrics(string Name, double Precision, double Recall, double F1, int Support);
