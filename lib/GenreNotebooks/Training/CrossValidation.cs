using GenreNotebooks.Evaluation;

namespace GenreNotebooks.Training;

/// <summary>
/// k-fold cross-validation around any train-and-predict function (sklearn's <c>cross_val_predict</c> + per-fold
/// <c>accuracy_score</c>): for each fold the function trains a fresh model on the other folds and predicts the fold's
/// samples; the result collects per-fold accuracy and the confusion matrix aggregated over folds.
/// Folds come from a fold assignment (one fold number per sample, from any splitter, such as the track-grouped
/// splitters of GenreNotebooks.Datasets) or from track ids, which keeps every track's clips in one fold.
/// <see cref="Models.FeatureNetworkTraining.CrossValidate(System.Func{int, GenreNotebooks.Nn.Modules.Module}, Models.TrainingRecipe, Features.FeatureTable, int, Models.FeatureRunOptions?, System.IProgress{FoldResult}?, System.IProgress{EpochReport}?, System.Threading.CancellationToken)"/> runs it for feature networks.
/// </summary>
public static class CrossValidation
{
    /// <summary>
    /// A grouped, stratified fold assignment: every group (track id) lies wholly in one fold, and each genre's tracks
    /// are spread evenly over the folds (like sklearn's <c>StratifiedGroupKFold(shuffle=True)</c>, simpler).
    /// Same seed, same folds.
    /// </summary>
    /// <param name="labels">Class of each sample.</param>
    /// <param name="groups">Track id of each sample; all samples of a track must have the same class.</param>
    /// <param name="folds">Number of folds k, at least 2 and at most the number of tracks.</param>
    /// <param name="seed">Shuffling seed.</param>
    /// <returns>The fold number (0..k-1) of each sample.</returns>
    public static int[] GroupedStratifiedFolds(IReadOnlyList<int> labels, IReadOnlyList<string> groups, int folds, ulong seed) =>
        GroupedStratifiedKFold.Assign(labels, groups, folds, seed);

    /// <summary>The folds of a fold assignment, as index pairs.</summary>
    /// <exception cref="ArgumentException">A fold number is negative, or some fold 0..max is empty.</exception>
    public static IReadOnlyList<CrossValidationFold> Folds(IReadOnlyList<int> foldOfSample)
    {
        ArgumentNullException.ThrowIfNull(foldOfSample);
        if (foldOfSample.Count == 0) throw new ArgumentException("no samples", nameof(foldOfSample));
        int k = foldOfSample.Max() + 1;
        if (foldOfSample.Min() < 0) throw new ArgumentException("fold numbers must be >= 0", nameof(foldOfSample));
        if (k < 2) throw new ArgumentException("cross-validation needs at least 2 folds", nameof(foldOfSample));
        var result = new CrossValidationFold[k];
        for (int f = 0; f < k; f++)
        {
            var val = new List<int>();
            var train = new List<int>();
            for (int i = 0; i < foldOfSample.Count; i++) (foldOfSample[i] == f ? val : train).Add(i);
            if (val.Count == 0) throw new ArgumentException($"fold {f} has no samples", nameof(foldOfSample));
            result[f] = new CrossValidationFold(f, train.ToArray(), val.ToArray());
        }
        return result;
    }

    /// <summary>
    /// Runs the cross-validation over a given fold assignment.
    /// </summary>
    /// <param name="labels">Class of each sample.</param>
    /// <param name="foldOfSample">Fold number of each sample (0..k-1).</param>
    /// <param name="trainAndPredict">Trains a new model on <see cref="CrossValidationFold.TrainIndices"/> and returns the predicted class of each of <see cref="CrossValidationFold.ValidationIndices"/>, in that order.</param>
    /// <param name="labelNames">Class names for the confusion matrix; defaults to class numbers.</param>
    /// <param name="progress">Receives each fold's result as it finishes.</param>
    /// <param name="cancellationToken">Checked between folds (and passed on by the caller's function if it wishes).</param>
    /// <exception cref="InvalidOperationException">The function returned the wrong number of predictions.</exception>
    public static CrossValidationResult Run(IReadOnlyList<int> labels, IReadOnlyList<int> foldOfSample,
        Func<CrossValidationFold, int[]> trainAndPredict, IReadOnlyList<string>? labelNames = null,
        IProgress<FoldResult>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(trainAndPredict);
        if (labels.Count != foldOfSample.Count)
            throw new ArgumentException($"{labels.Count} labels but {foldOfSample.Count} fold numbers", nameof(foldOfSample));
        var names = labelNames ?? Enumerable.Range(0, labels.Max() + 1).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        var results = new List<FoldResult>();
        foreach (var fold in Folds(foldOfSample))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var predicted = trainAndPredict(fold);
            if (predicted is null || predicted.Length != fold.ValidationIndices.Length)
                throw new InvalidOperationException(
                    $"fold {fold.Index + 1}: expected {fold.ValidationIndices.Length} predictions, got {predicted?.Length ?? 0}");
            var truth = fold.ValidationIndices.Select(i => labels[i]).ToArray();
            var cm = ConfusionMatrix.Compute(truth, predicted, names);
            var r = new FoldResult(fold.Index, fold.TrainIndices.Length, fold.ValidationIndices.Length, cm.Accuracy, cm);
            results.Add(r);
            progress?.Report(r);
        }
        return new CrossValidationResult(results);
    }

    /// <summary>
    /// Runs a grouped, stratified k-fold cross-validation: folds from <see cref="GroupedStratifiedFolds"/>, so no
    /// track has clips in two folds.
    /// </summary>
    public static CrossValidationResult Run(IReadOnlyList<int> labels, IReadOnlyList<string> groups, int folds, ulong seed,
        Func<CrossValidationFold, int[]> trainAndPredict, IReadOnlyList<string>? labelNames = null,
        IProgress<FoldResult>? progress = null, CancellationToken cancellationToken = default) =>
        Run(labels, GroupedStratifiedFolds(labels, groups, folds, seed), trainAndPredict, labelNames, progress, cancellationToken);
}
