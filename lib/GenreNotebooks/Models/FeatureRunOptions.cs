namespace GenreNotebooks.Models;

/// <summary>
/// Settings of a feature-network run (<see cref="FeatureNetworkTraining"/>). Defaults: the recipe's epochs, seed 0,
/// no correlation filter, every numeric column.
/// </summary>
public sealed record FeatureRunOptions
{
    /// <summary>Epochs; null for the model recipe's (DTU 150, features study 50).</summary>
    public int? Epochs { get; init; }

    /// <summary>Seed of weights, dropout and batch order; same seed, same run.</summary>
    public ulong Seed { get; init; }

    /// <summary>Correlation-filter threshold fitted on the training rows (the study's 0.8), or null for no filter.</summary>
    public double? CorrelationThreshold { get; init; }

    /// <summary>The candidate columns (e.g. <see cref="Features.GtzanColumns.MfccFeatures"/>), or null for all numeric columns.</summary>
    public IReadOnlyList<string>? Columns { get; init; }

    /// <summary>Checks the settings.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Epochs below 1 or a threshold outside (0, 1].</exception>
    public void Validate()
    {
        if (Epochs is < 1) throw new ArgumentOutOfRangeException(nameof(Epochs), Epochs, "epochs must be at least 1");
        if (CorrelationThreshold is double t && !(t > 0 && t <= 1))
            throw new ArgumentOutOfRangeException(nameof(CorrelationThreshold), t, "the threshold must be in (0, 1]");
        if (Columns is { Count: 0 }) throw new ArgumentOutOfRangeException(nameof(Columns), "give at least one column, or null for all");
    }
}
