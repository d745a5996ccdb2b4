using GenreNotebooks.Nn.Modules;
using GenreNotebooks.Nn.Optim;
using GenreNotebooks.Training;

namespace GenreNotebooks.Models;

/// <summary>
/// Turns a <see cref="TrainingRecipe"/> into the engine's optimizer and a configured <see cref="Trainer"/>, and trains
/// a catalog model the way its paper did (<see cref="Fit"/>).
/// Taught in notebooks/04-feature-networks-and-cross-validation and notebooks/05-cnn-on-mel-spectrograms.
/// </summary>
public static class RecipeTraining
{
    /// <summary>The recipe's optimizer over <paramref name="model"/>'s parameters (Adam/AdamW/SGD with its rate, momentum, weight decay).</summary>
    public static Optimizer CreateOptimizer(TrainingRecipe recipe, Module model)
    {
        ArgumentNullException.ThrowIfNull(recipe);
        ArgumentNullException.ThrowIfNull(model);
        float lr = (float)recipe.LearningRate, wd = (float)recipe.WeightDecay;
        return recipe.Optimizer switch
        {
            OptimizerKind.Adam => new Adam(model.Parameters(), lr, weightDecay: wd),
            OptimizerKind.AdamW => new AdamW(model.Parameters(), lr, weightDecay: wd),
            OptimizerKind.Sgd => new SGD(model.Parameters(), lr, (float)recipe.Momentum, wd),
            _ => throw new ArgumentOutOfRangeException(nameof(recipe), recipe.Optimizer, "unknown optimizer"),
        };
    }

    /// <summary>A trainer with the recipe's optimizer, batch size and L2; <paramref name="seed"/> drives the batch shuffle.</summary>
    public static Trainer CreateTrainer(TrainingRecipe recipe, Module model, ulong seed = 0, float[]? classWeights = null) =>
        new(model, CreateOptimizer(recipe, model), new TrainerOptions
        {
            BatchSize = recipe.BatchSize,
            Seed = seed,
            L2 = (float)recipe.L2,
            ClassWeights = classWeights,
        });

    /// <summary>
    /// Trains <paramref name="model"/> as the recipe says: its optimizer, batch size, L2, schedule and early stopping,
    /// for <paramref name="epochs"/> epochs (default: the recipe's). Early stopping and schedules that watch
    /// validation metrics need validation data; without it they are left out.
    /// </summary>
    public static TrainingHistory Fit(TrainingRecipe recipe, Module model, GenreNotebooks.Nn.Tensor x, IReadOnlyList<int> y,
        GenreNotebooks.Nn.Tensor? xVal = null, IReadOnlyList<int>? yVal = null, int? epochs = null, ulong seed = 0,
        IProgress<EpochReport>? progress = null, CancellationToken cancellationToken = default)
    {
        var trainer = CreateTrainer(recipe, model, seed);
        bool hasVal = xVal is not null;
        var es = recipe.CreateEarlyStopping();
        if (es is not null && !hasVal && es.Monitor.NeedsValidation()) es = null;
        var schedule = recipe.CreateSchedule();
        if (schedule is ReduceLrOnPlateauSchedule p && !hasVal && p.Monitor.NeedsValidation()) schedule = null;
        return trainer.Fit(x, y, xVal, yVal, epochs ?? recipe.Epochs, es, schedule, progress, cancellationToken);
    }
}
