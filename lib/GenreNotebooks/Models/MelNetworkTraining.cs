using System.Diagnostics;
using GenreNotebooks.Datasets;
using GenreNotebooks.Evaluation;
using GenreNotebooks.Training;

namespace GenreNotebooks.Models;

/// <summary>
/// Trains a catalog CNN (the <c>bu-*</c> and <c>uct-*</c> entries) on clip log-mel spectrograms: inputs scaled by a
/// <see cref="MelScaling"/> fitted on the training clips, the paper's recipe (optimizer, schedule, early stopping),
/// validation after every epoch, and a score on the test clips with whole-song accuracy from their track ids.
/// Give it a split grouped by track (<see cref="Splits.ByTrack(IReadOnlyList{Clip}, int, SplitFractions?)"/>) so the
/// test songs were never heard in training.
/// Taught in notebooks/05-cnn-on-mel-spectrograms.
/// </summary>
public static class MelNetworkTraining
{
    /// <summary>Trains <paramref name="modelName"/> on <paramref name="train"/>, validates on <paramref name="validation"/>, scores <paramref name="test"/>.</summary>
    /// <exception cref="ArgumentException">An empty part, parts with different genre lists or shapes, or a model that does not take (1, H, W).</exception>
    public static (NetworkRun Run, MelScaling Scaling) TrainAndTest(string modelName, MelClipSet train, MelClipSet validation, MelClipSet test,
        MelRunOptions? options = null, IProgress<EpochReport>? progress = null, string? name = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(train);
        ArgumentNullException.ThrowIfNull(validation);
        ArgumentNullException.ThrowIfNull(test);
        options ??= new MelRunOptions();
        options.Validate();
        var spec = ModelCatalog.Get(modelName);
        if (spec.TypicalInputShape.Count != 3)
            throw new ArgumentException($"model '{modelName}' takes inputs of shape ({string.Join(", ", spec.TypicalInputShape)}), not a spectrogram; use a bu-* or uct-* model", nameof(modelName));
        foreach (var (part, what) in new[] { (train, "training"), (validation, "validation"), (test, "test") })
        {
            if (part.Count == 0) throw new ArgumentException($"the {what} part has no clips", nameof(train));
            if (!part.Genres.SequenceEqual(train.Genres) || part.Rows != train.Rows || part.Cols != train.Cols)
                throw new ArgumentException($"the {what} part has other genres or another clip shape than the training part", nameof(train));
        }
        var clock = Stopwatch.StartNew();
        var recipe = options.Recipe ?? spec.Recipe;
        var scaling = MelScaling.Fit(train);
        var x = MelInputs.ToTensor(train, scaling, options.Pool);
        var model = spec.Build(x.Shape.Skip(1).ToArray(), train.Genres.Count, options.Seed);
        var history = RecipeTraining.Fit(recipe, model, x, train.Labels,
            MelInputs.ToTensor(validation, scaling, options.Pool), validation.Labels,
            options.Epochs ?? recipe.Epochs, options.Seed + 1000, progress, cancellationToken);
        var evaluation = TestEvaluation.Evaluate(model, MelInputs.ToTensor(test, scaling, options.Pool), test.Labels, test.Genres,
            test.Clips.Select(c => c.TrackId).ToArray());
        var run = new NetworkRun
        {
            Name = name ?? modelName,
            Model = model,
            Recipe = recipe with { Epochs = options.Epochs ?? recipe.Epochs },
            History = history,
            Test = evaluation,
            Elapsed = clock.Elapsed,
        };
        return (run, scaling);
    }
}
