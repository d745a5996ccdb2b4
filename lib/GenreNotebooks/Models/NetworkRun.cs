using GenreNotebooks.Evaluation;
using GenreNotebooks.Nn.Modules;
using GenreNotebooks.Training;

namespace GenreNotebooks.Models;

/// <summary>
/// One trained network and what it did: the model (holding its final or restored-best weights), the per-epoch
/// history, the score on the held-out test part and the wall-clock time.
/// Taught in notebooks/05-cnn-on-mel-spectrograms.
/// </summary>
public sealed class NetworkRun
{
    /// <summary>A label for tables, e.g. <c>dtu-mlp, 30-s features</c>.</summary>
    public required string Name { get; init; }

    /// <summary>The trained model.</summary>
    public required Module Model { get; init; }

    /// <summary>The recipe it was trained with (after any overrides).</summary>
    public required TrainingRecipe Recipe { get; init; }

    /// <summary>The per-epoch losses and accuracies.</summary>
    public required TrainingHistory History { get; init; }

    /// <summary>The score on the test samples.</summary>
    public required TestEvaluation Test { get; init; }

    /// <summary>Training plus evaluation time.</summary>
    public required TimeSpan Elapsed { get; init; }

    /// <summary>Validation accuracy after the last epoch the model kept (the restored one, if any); NaN without validation data.</summary>
    public double ValidationAccuracy =>
        History.Epochs.Count == 0 ? double.NaN
        : History.RestoredEpoch is int e ? History.Epochs[e - 1].ValAccuracy : History.Epochs[^1].ValAccuracy;

    /// <summary>One line: name, epochs, validation and test accuracy, time.</summary>
    public override string ToString() =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"{Name}: {History.Epochs.Count} epochs, val {ValidationAccuracy:P1}, {Test}, {Elapsed.TotalSeconds:F1} s");
}
