namespace GenreNotebooks.Models;

/// <summary>
/// Settings of a mel-spectrogram CNN run (<see cref="MelNetworkTraining"/>) besides the network and its recipe: the
/// seed of the batch order (and of the catalogue's weights), the input pooling and optional class weights.
/// Defaults: seed 0, full-resolution input (pool 1), no class weights.
/// </summary>
public sealed record MelRunOptions
{
    /// <summary>Seed of the batch order (and, for catalogue models, of the weights and dropout masks).</summary>
    public ulong Seed { get; init; }

    /// <summary>Average-pooling factor of the input (1: 128 x 130; 2: 64 x 65), see <see cref="MelInputs"/>.</summary>
    public int Pool { get; init; } = 1;

    /// <summary>Per-genre loss weights (e.g. <see cref="Training.ClassWeights.Balanced"/> for an unbalanced set), or null.</summary>
    public float[]? ClassWeights { get; init; }

    /// <summary>Checks the settings.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A pool below 1 or a negative class weight.</exception>
    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(Pool, 1, nameof(Pool));
        if (ClassWeights is not null && ClassWeights.Any(w => !(w >= 0)))
            throw new ArgumentOutOfRangeException(nameof(ClassWeights), "class weights must be >= 0");
    }
}
