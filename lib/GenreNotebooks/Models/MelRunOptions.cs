namespace GenreNotebooks.Models;

/// <summary>
/// Settings of a mel-spectrogram CNN run (<see cref="MelNetworkTraining"/>). Defaults: the model's recipe and epochs,
/// seed 0, full-resolution input (pool 1).
/// </summary>
public sealed record MelRunOptions
{
    /// <summary>Epochs; null for the recipe's.</summary>
    public int? Epochs { get; init; }

    /// <summary>Seed of weights, dropout and batch order.</summary>
    public ulong Seed { get; init; }

    /// <summary>A recipe replacing the catalog's (e.g. the catalog's with SGD instead of Adam), or null.</summary>
    public TrainingRecipe? Recipe { get; init; }

    /// <summary>Average-pooling factor of the input (1: 128 x 130; 2: 64 x 65), see <see cref="MelInputs"/>.</summary>
    public int Pool { get; init; } = 1;

    /// <summary>Checks the settings.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Epochs or pool below 1.</exception>
    public void Validate()
    {
        if (Epochs is < 1) throw new ArgumentOutOfRangeException(nameof(Epochs), Epochs, "epochs must be at least 1");
        ArgumentOutOfRangeException.ThrowIfLessThan(Pool, 1, nameof(Pool));
    }
}
