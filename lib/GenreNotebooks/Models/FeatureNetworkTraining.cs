using System.Diagnostics;
using GenreNotebooks.Datasets;
using GenreNotebooks.Evaluation;
using GenreNotebooks.Features;
using GenreNotebooks.Nn;
using GenreNotebooks.Nn.Modules;
using GenreNotebooks.Training;

namespace GenreNotebooks.Models;

/// <summary>
/// Trains any network on rows of a GTZAN feature table: a <see cref="FeaturePipeline"/> (correlation filter and
/// standardisation) fitted on the training rows, the recipe's training, then a score on held-out rows
/// (<see cref="TrainAndTest(Module, TrainingRecipe, FeatureTable, SplitResult{int}, FeatureRunOptions?, IProgress{EpochReport}?, string?, CancellationToken)"/>)
/// or a track-grouped k-fold cross-validation with a fresh network per fold
/// (<see cref="CrossValidate(Func{int, Module}, TrainingRecipe, FeatureTable, int, FeatureRunOptions?, IProgress{FoldResult}?, IProgress{EpochReport}?, CancellationToken)"/>).
/// Catalogue names (<c>dtu-mlp</c>, <c>features-1d-cnn</c>) are a convenience: the catalogue builds the network and
/// gives the paper's recipe. In PyTorch terms: <c>StandardScaler().fit(X[train])</c>, a tensor of shape (N, F) for an
/// MLP or (N, 1, F) for a 1D CNN, the training loop of notebook 04, <c>softmax(model(X[test]))</c>.
/// Taught in notebooks/04-feature-networks-and-cross-validation.
/// </summary>
public static class FeatureNetworkTraining
{
    /// <summary>
    /// Trains <paramref name="network"/> with <paramref name="recipe"/> on <paramref name="split"/>'s training rows,
    /// validating after every epoch on its validation rows (the recipe's early stopping and ReduceLROnPlateau watch
    /// them), and scores the test rows; whole-song results come from the rows' track ids. The network must take
    /// inputs of the pipeline's width in the options' layout (checked before training).
    /// </summary>
    /// <exception cref="ArgumentException">A part of the split is empty, or the network does not fit the inputs.</exception>
    public static NetworkRun TrainAndTest(Module network, TrainingRecipe recipe, FeatureTable table, SplitResult<int> split,
        FeatureRunOptions? options = null, IProgress<EpochReport>? progress = null, string? name = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(network);
        return TrainAndTestCore(_ => network, recipe, table, split, options, progress, name ?? "network", cancellationToken);
    }

    /// <summary>
    /// Trains the catalogue model <paramref name="modelName"/> (built for the pipeline's width with
    /// <see cref="FeatureRunOptions.Seed"/>) with its paper's recipe, or <paramref name="recipe"/> when given.
    /// </summary>
    /// <exception cref="ArgumentException">The model does not take a feature vector, or a part of the split is empty.</exception>
    public static NetworkRun TrainAndTest(string modelName, FeatureTable table, SplitResult<int> split, FeatureRunOptions? options = null,
        TrainingRecipe? recipe = null, IProgress<EpochReport>? progress = null, string? name = null, CancellationToken cancellationToken = default)
    {
        var spec = ModelCatalog.Get(modelName);
        options = (options ?? new FeatureRunOptions()) with { Layout = LayoutOf(spec) };
        var seed = options.Seed;
        return TrainAndTestCore(width => spec.Build(InputShape(spec, width), table.LabelEncoding.Count, seed), recipe ?? spec.Recipe,
            table, split, options, progress, name ?? modelName, cancellationToken);
    }

    /// <summary>
    /// k-fold cross-validation on all rows of <paramref name="table"/>: folds grouped by track and stratified by genre
    /// (<see cref="CrossValidation.GroupedStratifiedFolds"/>); per fold a pipeline fitted on the other folds and a fresh
    /// network from <paramref name="network"/>(feature count after the pipeline), built after
    /// <c>Torch.ManualSeed(Seed + fold)</c> so networks drawing from the default generator are reproducible. The
    /// held-out fold is scored once at the end; it is also passed as validation data so
    /// <paramref name="epochProgress"/> can show its curve, but nothing may be chosen with it: a recipe with early
    /// stopping or ReduceLROnPlateau is refused. Same seed, same folds and result.
    /// </summary>
    /// <param name="network">Builds the fold's network for the given number of features.</param>
    /// <param name="recipe">How each fold's network is trained.</param>
    /// <param name="table">The rows.</param>
    /// <param name="folds">k, at least 2.</param>
    /// <param name="options">Seed, correlation filter, columns, layout.</param>
    /// <param name="foldProgress">Receives each fold's result.</param>
    /// <param name="epochProgress">Receives every epoch of every fold.</param>
    /// <param name="cancellationToken">Stops between batches and folds.</param>
    /// <exception cref="ArgumentException">Fewer than 2 genres, or a recipe with rules that watch validation metrics.</exception>
    public static CrossValidationResult CrossValidate(Func<int, Module> network, TrainingRecipe recipe, FeatureTable table, int folds = 5,
        FeatureRunOptions? options = null, IProgress<FoldResult>? foldProgress = null, IProgress<EpochReport>? epochProgress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(network);
        options ??= new FeatureRunOptions();
        var seed = options.Seed;
        return CrossValidateCore((width, fold) =>
        {
            Torch.ManualSeed(seed + (ulong)fold);
            return network(width);
        }, recipe, table, folds, options, foldProgress, epochProgress, cancellationToken);
    }

    /// <summary>Cross-validation with a network factory that does not need the feature count (no correlation filter, or a fixed width).</summary>
    public static CrossValidationResult CrossValidate(Func<Module> network, TrainingRecipe recipe, FeatureTable table, int folds = 5,
        FeatureRunOptions? options = null, IProgress<FoldResult>? foldProgress = null, IProgress<EpochReport>? epochProgress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(network);
        return CrossValidate(_ => network(), recipe, table, folds, options, foldProgress, epochProgress, cancellationToken);
    }

    /// <summary>Cross-validation of the catalogue model <paramref name="modelName"/> (weights seeded Seed + fold) with its recipe, or <paramref name="recipe"/>.</summary>
    public static CrossValidationResult CrossValidate(string modelName, FeatureTable table, int folds = 5, FeatureRunOptions? options = null,
        TrainingRecipe? recipe = null, IProgress<FoldResult>? foldProgress = null, IProgress<EpochReport>? epochProgress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(table);
        var spec = ModelCatalog.Get(modelName);
        options = (options ?? new FeatureRunOptions()) with { Layout = LayoutOf(spec) };
        var seed = options.Seed;
        int classes = table.LabelEncoding.Count;
        return CrossValidateCore((width, fold) => spec.Build(InputShape(spec, width), classes, seed + (ulong)fold), recipe ?? spec.Recipe,
            table, folds, options, foldProgress, epochProgress, cancellationToken);
    }

    /// <summary>
    /// The input shape (without batch) of <paramref name="spec"/> for <paramref name="features"/> columns: (F) for an
    /// MLP, (1, F) for a 1D CNN.
    /// </summary>
    /// <exception cref="ArgumentException">The model does not take a feature vector.</exception>
    public static int[] InputShape(ModelSpec spec, int features)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return LayoutOf(spec) == FeatureLayout.Vector ? [features] : [1, features];
    }

    /// <summary>A float32 matrix (N, F) as a tensor of shape (N, F) or (N, 1, F).</summary>
    public static Tensor ToTensor(FloatMatrix rows, FeatureLayout layout = FeatureLayout.Vector)
    {
        ArgumentNullException.ThrowIfNull(rows);
        return layout == FeatureLayout.Vector
            ? new Tensor((float[])rows.Data.Clone(), rows.Rows, rows.Cols)
            : new Tensor((float[])rows.Data.Clone(), rows.Rows, 1, rows.Cols);
    }

    private static FeatureLayout LayoutOf(ModelSpec spec)
    {
        var typical = spec.TypicalInputShape;
        if (typical.Count == 1) return FeatureLayout.Vector;
        if (typical.Count == 2 && typical[0] == 1) return FeatureLayout.Sequence;
        throw new ArgumentException(
            $"model '{spec.Name}' takes inputs of shape ({string.Join(", ", typical)}), not a feature vector; use dtu-mlp or features-1d-cnn", nameof(spec));
    }

    private static int[] Shape(FeatureLayout layout, int features) => layout == FeatureLayout.Vector ? [features] : [1, features];

    private static NetworkRun TrainAndTestCore(Func<int, Module> build, TrainingRecipe recipe, FeatureTable table, SplitResult<int> split,
        FeatureRunOptions? options, IProgress<EpochReport>? progress, string name, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(recipe);
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(split);
        options ??= new FeatureRunOptions();
        options.Validate();
        recipe.Validate();
        if (split.Train.Count == 0 || split.Test.Count == 0)
            throw new ArgumentException($"the split has {split.Train.Count} training and {split.Test.Count} test rows; both parts need rows", nameof(split));
        var clock = Stopwatch.StartNew();
        var encoding = table.LabelEncoding;
        var labels = table.EncodedLabels(encoding);
        var pipeline = FeaturePipeline.Fit(table.SelectRows(split.Train), options.CorrelationThreshold, options.Columns);
        Tensor X(IReadOnlyList<int> rows) => ToTensor(pipeline.Transform(table.SelectRows(rows)), options.Layout);
        int[] Y(IReadOnlyList<int> rows) => rows.Select(r => labels[r]).ToArray();

        var model = build(pipeline.Columns.Count);
        NetworkInput.Check(model, Shape(options.Layout, pipeline.Columns.Count), encoding.Count,
            $"{pipeline.Columns.Count} feature columns after the pipeline, {options.Layout} layout");
        bool hasVal = split.Validation.Count > 0;
        var history = RecipeTraining.Fit(recipe, model, X(split.Train), Y(split.Train),
            hasVal ? X(split.Validation) : null, hasVal ? Y(split.Validation) : null,
            options.Seed + 1000, progress, cancellationToken);
        var test = TestEvaluation.Evaluate(model, X(split.Test), Y(split.Test), encoding.Classes,
            split.Test.Select(r => table.TrackIds[r].Track).ToArray());
        return new NetworkRun
        {
            Name = name,
            Model = model,
            Recipe = recipe,
            History = history,
            Test = test,
            Elapsed = clock.Elapsed,
        };
    }

    private static CrossValidationResult CrossValidateCore(Func<int, int, Module> build, TrainingRecipe recipe, FeatureTable table, int folds,
        FeatureRunOptions options, IProgress<FoldResult>? foldProgress, IProgress<EpochReport>? epochProgress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(recipe);
        ArgumentNullException.ThrowIfNull(table);
        options.Validate();
        recipe.Validate();
        RecipeTraining.RequireNoValidationRules(recipe, recipe.CreateEarlyStopping(), null,
            "cross-validation has no validation data apart from the held-out fold, which must not choose anything");
        var encoding = table.LabelEncoding;
        if (encoding.Count < 2) throw new ArgumentException("cross-validation needs at least 2 genres", nameof(table));
        var labels = table.EncodedLabels(encoding);
        var groups = table.TrackIds.Select(t => t.Track).ToArray();
        return CrossValidation.Run(labels, groups, folds, options.Seed, fold =>
        {
            var train = table.SelectRows(fold.TrainIndices);
            var pipeline = FeaturePipeline.Fit(train, options.CorrelationThreshold, options.Columns);
            var x = ToTensor(pipeline.Transform(train), options.Layout);
            var xVal = ToTensor(pipeline.Transform(table.SelectRows(fold.ValidationIndices)), options.Layout);
            var y = fold.TrainIndices.Select(i => labels[i]).ToArray();
            var yVal = fold.ValidationIndices.Select(i => labels[i]).ToArray();
            var model = build(pipeline.Columns.Count, fold.Index);
            NetworkInput.Check(model, Shape(options.Layout, pipeline.Columns.Count), encoding.Count,
                $"fold {fold.Index + 1}: {pipeline.Columns.Count} feature columns after the pipeline, {options.Layout} layout");
            var trainer = RecipeTraining.CreateTrainer(recipe, model, options.Seed + 1000 + (ulong)fold.Index);
            var scheduler = recipe.CreateScheduler(trainer.Optimizer);
            RecipeTraining.RequireNoValidationRules(recipe, null, scheduler,
                "cross-validation has no validation data apart from the held-out fold, which must not choose anything");
            trainer.Fit(x, y, xVal, yVal, recipe.Epochs, earlyStopping: null, scheduler, epochProgress, cancellationToken);
            return trainer.Predict(xVal);
        }, encoding.Classes, foldProgress, cancellationToken);
    }
}
