using System.Diagnostics;
using GenreNotebooks.Datasets;
using GenreNotebooks.Evaluation;
using GenreNotebooks.Nn.Modules;
using GenreNotebooks.Training;

namespace GenreNotebooks.Models;

/// <summary>
/// Trains any CNN on clip log-mel spectrograms: inputs scaled by a <see cref="MelScaling"/> fitted on the training
/// clips (and average-pooled when asked), the recipe's training with validation after every epoch, and a score on the
/// test clips with whole-song accuracy from their track ids. Catalogue names (the <c>bu-*</c> and <c>uct-*</c>
/// entries) are a convenience: the catalogue builds the network and gives the paper's recipe.
/// Give it a split grouped by track (<see cref="Splits.ByTrack(IReadOnlyList{Clip}, int, SplitFractions?)"/>) so the
/// test songs were never heard in training.
/// Taught in notebooks/05-cnn-on-mel-spectrograms.
/// </summary>
public static class MelNetworkTraining
{
    /// <summary>
    /// Trains <paramref name="network"/> with <paramref name="recipe"/> on <paramref name="train"/>, validates on
    /// <paramref name="validation"/> after every epoch, scores <paramref name="test"/>. The network must take inputs of
    /// shape (1, n_mels / pool, frames / pool) (checked before training).
    /// </summary>
    /// <exception cref="ArgumentException">An empty part, parts with different genre lists or shapes, or a network that does not fit the inputs.</exception>
    public static (NetworkRun Run, MelScaling Scaling) TrainAndTest(Module network, TrainingRecipe recipe, MelClipSet train, MelClipSet validation,
        MelClipSet test, MelRunOptions? options = null, IProgress<EpochReport>? progress = null, string? name = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(network);
        return TrainAndTestCore(_ => network, recipe, train, validation, test, options, progress, name ?? "network", cancellationToken);
    }

    /// <summary>
    /// Trains the catalogue model <paramref name="modelName"/> (built for the pooled input with
    /// <see cref="MelRunOptions.Seed"/>) with its paper's recipe, or <paramref name="recipe"/> when given.
    /// </summary>
    /// <exception cref="ArgumentException">The model does not take a spectrogram, or the data is unusable (see the other overload).</exception>
    public static (NetworkRun Run, MelScaling Scaling) TrainAndTest(string modelName, MelClipSet train, MelClipSet validation, MelClipSet test,
        MelRunOptions? options = null, TrainingRecipe? recipe = null, IProgress<EpochReport>? progress = null, string? name = null,
        CancellationToken cancellationToken = default)
    {
        var spec = ModelCatalog.Get(modelName);
        if (spec.TypicalInputShape.Count != 3)
            throw new ArgumentException($"model '{modelName}' takes inputs of shape ({string.Join(", ", spec.TypicalInputShape)}), not a spectrogram; use a bu-* or uct-* model", nameof(modelName));
        ulong seed = (options ?? new MelRunOptions()).Seed;
        return TrainAndTestCore(shape => spec.Build(shape, train.Genres.Count, seed), recipe ?? spec.Recipe, train, validation, test, options, progress,
            name ?? modelName, cancellationToken);
    }

    private static (NetworkRun Run, MelScaling Scaling) TrainAndTestCore(Func<int[], Module> build, TrainingRecipe recipe, MelClipSet train,
        MelClipSet validation, MelClipSet test, MelRunOptions? options, IProgress<EpochReport>? progress, string name, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(recipe);
        ArgumentNullException.ThrowIfNull(train);
        ArgumentNullException.ThrowIfNull(validation);
        ArgumentNullException.ThrowIfNull(test);
        options ??= new MelRunOptions();
        options.Validate();
        recipe.Validate();
        foreach (var (part, what) in new[] { (train, "training"), (validation, "validation"), (test, "test") })
        {
            if (part.Count == 0) throw new ArgumentException($"the {what} part has no clips", nameof(train));
            if (!part.Genres.SequenceEqual(train.Genres) || part.Rows != train.Rows || part.Cols != train.Cols)
                throw new ArgumentException($"the {what} part has other genres or another clip shape than the training part", nameof(train));
        }
        if (options.ClassWeights is { } w && w.Length != train.Genres.Count)
            throw new ArgumentException($"{w.Length} class weights for {train.Genres.Count} genres", nameof(options));
        var clock = Stopwatch.StartNew();
        var scaling = MelScaling.Fit(train);
        var x = MelInputs.ToTensor(train, scaling, options.Pool);
        int[] shape = x.Shape.Skip(1).ToArray();
        var model = build(shape);
        NetworkInput.Check(model, shape, train.Genres.Count, $"{train.Rows} x {train.Cols} log-mels pooled by {options.Pool}");
        var history = RecipeTraining.Fit(recipe, model, x, train.Labels,
            MelInputs.ToTensor(validation, scaling, options.Pool), validation.Labels,
            options.Seed + 1000, progress, cancellationToken, options.ClassWeights);
        var evaluation = TestEvaluation.Evaluate(model, MelInputs.ToTensor(test, scaling, options.Pool), test.Labels, test.Genres,
            test.Clips.Select(c => c.TrackId).ToArray());
        var run = new NetworkRun
        {
            Name = name,
            Model = model,
            Recipe = recipe,
            History = history,
            Test = evaluation,
            Elapsed = clock.Elapsed,
        };
        return (run, scaling);
    }
}
