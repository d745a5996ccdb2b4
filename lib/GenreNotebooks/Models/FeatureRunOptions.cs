namespace GenreNotebooks.Models;

/// <summary>
/// Settings of a feature-network run (<see cref="FeatureNetworkTraining"/>) besides the network and its recipe:
/// the seed of the batch order (and of the catalogue's weights), the correlation filter, the columns, and how a row
/// is shaped for the network. Defaults: seed 0, no filter, every numeric column, rows as vectors (N, F).
/// </summary>
public sealed record FeatureRunOptions
{
    /// <summary>Seed of the batch order (and, for catalogue models and cross-validation factories, of the weights); same seed, same run.</summary>
    public ulong Seed { get; init; }

    /// <summary>Correlation-filter threshold fitted on the training rows (the study's 0.8), or null for no filter.</summary>
    public double? CorrelationThreshold { get; init; }

    /// <summary>The candidate columns (e.g. <see cref="Features.GtzanColumns.MfccFeatures"/>), or null for all numeric columns.</summary>
    public IReadOnlyList<string>? Columns { get; init; }

    /// <summary>How a row is fed: a vector (N, F) for an MLP, or a one-channel sequence (N, 1, F) for a 1D CNN.</summary>
    public FeatureLayout Layout { get; init; } = FeatureLayout.Vector;

    /// <summary>Checks the settings.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A threshold outside (0, 1], an empty column list or an unknown layout.</exception>
    public void Validate()
    {
        if (CorrelationThreshold is double t && !(t > 0 && t <= 1))
            throw new ArgumentOutOfRangeException(nameof(CorrelationThreshold), t, "the threshold must be in (0, 1]");
        if (Columns is { Count: 0 }) throw new ArgumentOutOfRangeException(nameof(Columns), "give at least one column, or null for all");
        if (!Enum.IsDefined(Layout)) throw new ArgumentOutOfRangeException(nameof(Layout), Layout, "unknown layout");
    }
}
