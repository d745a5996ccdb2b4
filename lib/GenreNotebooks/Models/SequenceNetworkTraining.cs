using System.Diagnostics;
using GenreNotebooks.Evaluation;
using GenreNotebooks.Nn.Modules;
using GenreNotebooks.Segments;
using GenreNotebooks.Training;

namespace GenreNotebooks.Models;

/// <summary>
/// Trains any network on segment sequences (<see cref="SegmentSequenceSet"/>): the timbre or pitch sequences
/// [N, 12, length] (the paper's c1m1 and c1m2) or the mixed [N, 2, 12, length] (c2m1), with a recipe's training
/// (validation after every epoch, its early stopping), then a score on the test tracks (accuracy, confusion matrix,
/// classification report). One sequence is one track, so a split of the tracks is a split by track. Inputs are fed
/// as they are, as the paper fed Echo Nest's values: timbre is already centred and scaled by <see cref="SegmentTimbre"/>,
/// pitch lies in [0, 1]. Build the three sets with one <see cref="SegmentTimbre"/> fitted on the training tracks.
/// Catalogue names (<c>gottingen-1d-cnn</c>, <c>gottingen-2d-cnn</c>) are a convenience: the catalogue builds the
/// network and gives the paper's recipe.
/// Taught in notebooks/08-timbre-and-pitch-sequences.
/// </summary>
public static class SequenceNetworkTraining
{
    /// <summary>
    /// Trains <paramref name="network"/> with <paramref name="recipe"/> on the <paramref name="input"/> sequences of
    /// <paramref name="train"/>, validates on <paramref name="validation"/> after every epoch, scores <paramref name="test"/>.
    /// </summary>
    /// <exception cref="ArgumentException">An empty part, parts with different genres or lengths, class weights of the wrong count, or a network that does not fit the input.</exception>
    public static NetworkRun TrainAndTest(Module network, TrainingRecipe recipe, SegmentSequenceSet train, SegmentSequenceSet validation,
        SegmentSequenceSet test, SegmentInput input, SequenceRunOptions? options = null, IProgress<EpochReport>? progress = null,
        string? name = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(network);
        return Core(_ => network, recipe, train, validation, test, input, options, progress, name ?? input.ToString(), cancellationToken);
    }

    /// <summary>
    /// As the other overload, with the network built by <paramref name="factory"/> from the input shape without the
    /// batch, e.g. (12, 512) or (2, 12, 512).
    /// </summary>
    public static NetworkRun TrainAndTest(Func<int[], Module> factory, TrainingRecipe recipe, SegmentSequenceSet train, SegmentSequenceSet validation,
        SegmentSequenceSet test, SegmentInput input, SequenceRunOptions? options = null, IProgress<EpochReport>? progress = null,
        string? name = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(factory);
        return Core(factory, recipe, train, validation, test, input, options, progress, name ?? input.ToString(), cancellationToken);
    }

    /// <summary>
    /// Trains the catalogue model <paramref name="modelName"/> (built with <see cref="SequenceRunOptions.Seed"/>)
    /// with its paper's recipe, or <paramref name="recipe"/> when given.
    /// </summary>
    /// <exception cref="ArgumentException">The model's input rank does not match <paramref name="input"/>, or the data is unusable.</exception>
    public static NetworkRun TrainAndTest(string modelName, SegmentSequenceSet train, SegmentSequenceSet validation, SegmentSequenceSet test,
        SegmentInput input, SequenceRunOptions? options = null, TrainingRecipe? recipe = null, IProgress<EpochReport>? progress = null,
        string? name = null, CancellationToken cancellationToken = default)
    {
        var spec = ModelCatalog.Get(modelName);
        int rank = input == SegmentInput.Mixed ? 3 : 2;
        if (spec.TypicalInputShape.Count != rank)
            throw new ArgumentException($"model '{modelName}' takes inputs of shape ({string.Join(", ", spec.TypicalInputShape)}), not {input} sequences " +
                $"(use gottingen-1d-cnn for timbre or pitch, gottingen-2d-cnn for mixed)", nameof(modelName));
        ArgumentNullException.ThrowIfNull(train);
        ulong seed = (options ?? new SequenceRunOptions()).Seed;
        return Core(shape => spec.Build(shape, train.Genres.Count, seed), recipe ?? spec.Recipe, train, validation, test, input, options, progress,
            name ?? modelName, cancellationToken);
    }

    private static NetworkRun Core(Func<int[], Module> build, TrainingRecipe recipe, SegmentSequenceSet train, SegmentSequenceSet validation,
        SegmentSequenceSet test, SegmentInput input, SequenceRunOptions? options, IProgress<EpochReport>? progress, string name, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(recipe);
        ArgumentNullException.ThrowIfNull(train);
        ArgumentNullException.ThrowIfNull(validation);
        ArgumentNullException.ThrowIfNull(test);
        if (!Enum.IsDefined(input)) throw new ArgumentOutOfRangeException(nameof(input), input, "unknown segment input");
        options ??= new SequenceRunOptions();
        options.Validate();
        recipe.Validate();
        foreach (var (part, what) in new[] { (train, "training"), (validation, "validation"), (test, "test") })
        {
            if (part.Count == 0) throw new ArgumentException($"the {what} part has no tracks", nameof(train));
            if (!part.Genres.SequenceEqual(train.Genres) || part.Length != train.Length)
                throw new ArgumentException($"the {what} part has other genres or another sequence length than the training part", nameof(train));
        }
        if (options.ClassWeights is { } w && w.Length != train.Genres.Count)
            throw new ArgumentException($"{w.Length} class weights for {train.Genres.Count} genres", nameof(options));
        var clock = Stopwatch.StartNew();
        var x = train.Input(input);
        int[] shape = x.Shape.Skip(1).ToArray();
        var model = build(shape);
        NetworkInput.Check(model, shape, train.Genres.Count, $"{input} sequences of {train.Length} segments");
        var history = RecipeTraining.Fit(recipe, model, x, train.Labels, validation.Input(input), validation.Labels,
            options.Seed + 1000, progress, cancellationToken, options.ClassWeights);
        var evaluation = TestEvaluation.Evaluate(model, test.Input(input), test.Labels, test.Genres);
        return new NetworkRun
        {
            Name = name,
            Model = model,
            Recipe = recipe,
            History = history,
            Test = evaluation,
            Elapsed = clock.Elapsed,
        };
    }
}
