namespace GenreNotebooks.Models;

/// <summary>
/// Settings of a segment-sequence run (<see cref="SequenceNetworkTraining"/>) besides the network and its recipe: the
/// seed of the batch order (and of the catalogue's weights) and optional class weights. Defaults: seed 0, no class weights.
/// Taught in notebooks/08-timbre-and-pitch-sequences.
/// </summary>
public sealed record SequenceRunOptions
{
    /// <summary>Seed of the batch order (and, for catalogue models, of the weights and dropout masks).</summary>
    public ulong Seed { get; init; }

    /// <summary>Per-genre loss weights (e.g. <see cref="Training.SequenceSample.ClassWeights"/> for the unbalanced sample), or null.</summary>
    public float[]? ClassWeights { get; init; }

    /// <summary>Checks the settings.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A negative or NaN class weight.</exception>
    public void Validate()
    {
        if (ClassWeights is not null && ClassWeights.Any(w => !(w >= 0)))
            throw new ArgumentOutOfRangeException(nameof(ClassWeights), "class weights must be >= 0");
    }
}
