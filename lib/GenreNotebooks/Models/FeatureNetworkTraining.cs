using System.Diagnostics;
using GenreNotebooks.Datasets;
using GenreNotebooks.Evaluation;
using GenreNotebooks.Features;
using GenreNotebooks.Nn;
using GenreNotebooks.Training;

namespace GenreNotebooks.Models;

/// <summary>
/// Trains the catalog's feature networks (<c>dtu-mlp</c>, <c>features-1d-cnn</c>) on rows of a GTZAN feature table:
/// a <see cref="FeaturePipeline"/> fitted on the training rows, the model's paper recipe, then a score on held-out
/// rows (<see cref="TrainAndTest"/>) or a track-grouped k-fold cross-validation (<see cref="CrossValidate"/>).
/// In PyTorch terms: <c>StandardScaler().fit(X[train])</c>, a tensor of shape (N, F) for an MLP or (N, 1, F) for a
/// 1D CNN, the usual training loop, <c>softmax(model(X[test]))</c>.
/// Taught in notebooks/04-feature-networks-and-cross-validation.
/// </summary>
public static class FeatureNetworkTraining
{
    /// <summary>
    /// Trains <paramref name="modelName"/> on <paramref name="split"/>'s training rows, validating after every epoch
    /// on its validation rows (the recipe's early stopping and plateau schedule watch them), and scores the test rows;
    /// whole-song results come from the rows' track ids.
    /// </summary>
    /// <exception cref="ArgumentException">The model does not take a feature vector, or a part of the split is empty.</exception>
    public static NetworkRun TrainAndTest(string modelName, FeatureTable table, SplitResult<int> split, FeatureRunOptions? options = null,
        IProgress<EpochReport>? progress = null, string? name = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(split);
        options ??= new FeatureRunOptions();
        options.Validate();
        var spec = ModelCatalog.Get(modelName);
        if (split.Train.Count == 0 || split.Test.Count == 0)
            throw new ArgumentException($"the split has {split.Train.Count} training and {split.Test.Count} test rows; both parts need rows", nameof(split));
        var clock = Stopwatch.StartNew();
        var encoding = table.LabelEncoding;
        var labels = table.EncodedLabels(encoding);
        var train = table.SelectRows(split.Train);
        var pipeline = FeaturePipeline.Fit(train, options.CorrelationThreshold, options.Columns);
        var shape = InputShape(spec, pipeline.Columns.Count);
        Tensor X(IReadOnlyList<int> rows) => ToTensor(pipeline.Transform(table.SelectRows(rows)), shape);
        int[] Y(IReadOnlyList<int> rows) => rows.Select(r => labels[r]).ToArray();

        var model = spec.Build(shape, encoding.Count, options.Seed);
        bool hasVal = split.Validation.Count > 0;
        var history = RecipeTraining.Fit(spec.Recipe, model, X(split.Train), Y(split.Train),
            hasVal ? X(split.Validation) : null, hasVal ? Y(split.Validation) : null,
            options.Epochs, options.Seed + 1000, progress, cancellationToken);
        var test = TestEvaluation.Evaluate(model, X(split.Test), Y(split.Test), encoding.Classes,
            split.Test.Select(r => table.TrackIds[r].Track).ToArray());
        return new NetworkRun
        {
            Name = name ?? modelName,
            Model = model,
            Recipe = spec.Recipe with { Epochs = options.Epochs ?? spec.Recipe.Epochs },
            History = history,
            Test = test,
            Elapsed = clock.Elapsed,
        };
    }

    /// <summary>
    /// k-fold cross-validation of <paramref name="modelName"/> on all rows of <paramref name="table"/>: folds grouped
    /// by track and stratified by genre (<see cref="CrossValidation.GroupedStratifiedFolds"/>), a fresh pipeline and
    /// network per fold, fitted on the other folds. The held-out fold is scored once at the end; it is also passed as
    /// validation data so <paramref name="epochProgress"/> can show its curve, but nothing is chosen with it (early
    /// stopping and plateau schedules are left out). Same seed, same folds and result.
    /// </summary>
    /// <param name="modelName">A catalog model taking a feature vector.</param>
    /// <param name="table">The rows.</param>
    /// <param name="folds">k, at least 2.</param>
    /// <param name="options">Epochs, seed, correlation filter, columns.</param>
    /// <param name="foldProgress">Receives each fold's result.</param>
    /// <param name="epochProgress">Receives every epoch of every fold.</param>
    /// <param name="cancellationToken">Stops between batches and folds.</param>
    public static CrossValidationResult CrossValidate(string modelName, FeatureTable table, int folds = 5, FeatureRunOptions? options = null,
        IProgress<FoldResult>? foldProgress = null, IProgress<EpochReport>? epochProgress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(table);
        options ??= new FeatureRunOptions();
        options.Validate();
        var spec = ModelCatalog.Get(modelName);
        var encoding = table.LabelEncoding;
        if (encoding.Count < 2) throw new ArgumentException("cross-validation needs at least 2 genres", nameof(table));
        var labels = table.EncodedLabels(encoding);
        var groups = table.TrackIds.Select(t => t.Track).ToArray();
        return CrossValidation.Run(labels, groups, folds, options.Seed, fold =>
        {
            var train = table.SelectRows(fold.TrainIndices);
            var pipeline = FeaturePipeline.Fit(train, options.CorrelationThreshold, options.Columns);
            var shape = InputShape(spec, pipeline.Columns.Count);
            var x = ToTensor(pipeline.Transform(train), shape);
            var xVal = ToTensor(pipeline.Transform(table.SelectRows(fold.ValidationIndices)), shape);
            var y = fold.TrainIndices.Select(i => labels[i]).ToArray();
            var yVal = fold.ValidationIndices.Select(i => labels[i]).ToArray();
            var model = spec.Build(shape, encoding.Count, options.Seed + (ulong)fold.Index);
            var trainer = RecipeTraining.CreateTrainer(spec.Recipe, model, options.Seed + 1000 + (ulong)fold.Index);
            var schedule = spec.Recipe.CreateSchedule();
            if (schedule is ReduceLrOnPlateauSchedule) schedule = null;
            trainer.Fit(x, y, xVal, yVal, options.Epochs ?? spec.Recipe.Epochs, earlyStopping: null, schedule, epochProgress, cancellationToken);
            return trainer.Predict(xVal);
        }, encoding.Classes, foldProgress, cancellationToken);
    }

    /// <summary>
    /// The input shape (without batch) of <paramref name="spec"/> for <paramref name="features"/> columns: (F) for an
    /// MLP, (1, F) for a 1D CNN.
    /// </summary>
    /// <exception cref="ArgumentException">The model does not take a feature vector.</exception>
    public static int[] InputShape(ModelSpec spec, int features)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var typical = spec.TypicalInputShape;
        if (typical.Count == 1) return [features];
        if (typical.Count == 2 && typical[0] == 1) return [1, features];
        throw new ArgumentException(
            $"model '{spec.Name}' takes inputs of shape ({string.Join(", ", typical)}), not a feature vector; use dtu-mlp or features-1d-cnn", nameof(spec));
    }

    /// <summary>A float32 matrix (N, F) as a tensor of shape (N, ...<paramref name="shape"/>).</summary>
    public static Tensor ToTensor(FloatMatrix rows, IReadOnlyList<int> shape)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(shape);
        return new Tensor((float[])rows.Data.Clone(), [rows.Rows, .. shape]);
    }
}
