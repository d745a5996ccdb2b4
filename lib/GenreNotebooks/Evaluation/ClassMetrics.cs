namespace GenreNotebooks.Evaluation;

/// <summary>
/// One class's line of a <see cref="ClassificationReport"/> (sklearn <c>precision_recall_fscore_support(average=None)</c>).
/// </summary>
/// <param name="Label">The class name.</param>
/// <param name="Precision">TP / (TP + FP): of the samples predicted as this class, the fraction that are.</param>
/// <param name="Recall">TP / (TP + FN): of this class's samples, the fraction found (the per-genre accuracy).</param>
/// <param name="F1">2 TP / (2 TP + FP + FN), the harmonic mean of precision and recall.</param>
/// <param name="Support">Number of true samples of this class.</param>
/// <param name="PrecisionUndefined">True when the class was never predicted (TP + FP = 0); precision was then set to the report's zero-division value.</param>
/// <param name="RecallUndefined">True when the class has no true samples (support 0); recall was then set to the zero-division value.</param>
public sealed record ClassMetrics(
    string Label, double Precision, double Recall, double F1, int Support,
    bool PrecisionUndefined, bool RecallUndefined);
