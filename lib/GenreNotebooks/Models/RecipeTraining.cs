using GenreNotebooks.Nn;
using GenreNotebooks.Nn.Modules;
using GenreNotebooks.Nn.Optim;
using GenreNotebooks.Training;

namespace GenreNotebooks.Models;

/// <summary>
/// Turns a <see cref="TrainingRecipe"/> into a configured <see cref="Trainer"/> (its optimizer, batch size and L2)
/// and trains any network the way the recipe says (<see cref="Fit"/>): the optimizer, scheduler and early stopping
/// of the recipe, for its epochs.
/// </summary>
public static class RecipeTraining
{
    /// <summary>A trainer of <paramref name="model"/> with the recipe's optimizer, batch size and L2; <paramref name="seed"/> drives the batch shuffle.</summary>
    public static Trainer CreateTrainer(TrainingRecipe recipe, Module model, ulong seed = 0, float[]? classWeights = null)
    {
        ArgumentNullException.ThrowIfNull(recipe);
        ArgumentNullException.ThrowIfNull(model);
        return new Trainer(model, recipe.CreateOptimizer(model.Parameters()), new TrainerOptions
        {
            BatchSize = recipe.BatchSize,
            Seed = seed,
            L2 = (float)recipe.L2,
            ClassWeights = classWeights,
        });
    }

    /// <summary>
    /// Trains <paramref name="model"/> as the recipe says: its optimizer, batch size, L2, scheduler and early stopping,
    /// for <see cref="TrainingRecipe.Epochs"/> epochs, validating after every epoch when validation data is given.
    /// </summary>
    /// <exception cref="ArgumentException">The recipe's early stopping or ReduceLROnPlateau watches validation metrics and no validation data is given.</exception>
    public static TrainingHistory Fit(TrainingRecipe recipe, Module model, Tensor x, IReadOnlyList<int> y,
        Tensor? xVal = null, IReadOnlyList<int>? yVal = null, ulong seed = 0,
        IProgress<EpochReport>? progress = null, CancellationToken cancellationToken = default, float[]? classWeights = null)
    {
        ArgumentNullException.ThrowIfNull(recipe);
        var trainer = CreateTrainer(recipe, model, seed, classWeights);
        var es = recipe.CreateEarlyStopping();
        var scheduler = recipe.CreateScheduler(trainer.Optimizer);
        if (xVal is null) RequireNoValidationRules(recipe, es, scheduler, "no validation data is given");
        return trainer.Fit(x, y, xVal, yVal, recipe.Epochs, es, scheduler, progress, cancellationToken);
    }

    /// <summary>Throws when the recipe has a rule that needs validation metrics (early stopping on a validation metric, ReduceLROnPlateau).</summary>
    internal static void RequireNoValidationRules(TrainingRecipe recipe, EarlyStopping? es, LRScheduler? scheduler, string why)
    {
        if (es is not null && es.Monitor.NeedsValidation())
            throw new ArgumentException($"the recipe's early stopping watches {es.Monitor}, but {why}; remove it (recipe with {{ EarlyStopping = null }})", nameof(recipe));
        if (scheduler is ReduceLROnPlateau)
            throw new ArgumentException($"the recipe's ReduceLROnPlateau watches the validation loss, but {why}; use another scheduler or none (recipe with {{ Scheduler = null }})", nameof(recipe));
    }
}
