using GenreNotebooks.Evaluation;

namespace GenreNotebooks.Training;

/// <summary>The outcome of one cross-validation fold: its validation accuracy and confusion matrix.</summary>
/// <param name="Index">0-based fold number (printed 1-based).</param>
/// <param name="TrainCount">Number of training samples.</param>
/// <param name="ValidationCount">Number of validation samples.</param>
/// <param name="Accuracy">Validation accuracy of the fold's model.</param>
/// <param name="Confusion">Confusion matrix of the fold's validation predictions.</param>
public sealed record FoldResult(int Index, int TrainCount, int ValidationCount, double Accuracy, ConfusionMatrix Confusion);
