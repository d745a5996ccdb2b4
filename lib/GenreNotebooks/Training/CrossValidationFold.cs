namespace GenreNotebooks.Training;

/// <summary>
/// One fold of a k-fold cross-validation: which samples train and which validate (sklearn's
/// <c>(train_index, test_index)</c> pair from <c>KFold.split</c>). Indices are ascending.
/// </summary>
/// <param name="Index">0-based fold number.</param>
/// <param name="TrainIndices">Samples of the other folds.</param>
/// <param name="ValidationIndices">Samples of this fold.</param>
public sealed record CrossValidationFold(int Index, int[] TrainIndices, int[] ValidationIndices);
