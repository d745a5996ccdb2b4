namespace GenreNotebooks.Features;

/// <summary>
/// The GTZAN CNN study's preprocessing as one fitted object: an optional correlation filter (drop the later feature of
/// every non-MFCC pair with |r| ≥ threshold, <see cref="CorrelationFilter"/>) then standardisation
/// (<see cref="Standardiser"/>, sklearn <c>StandardScaler</c>), both fitted on the TRAINING rows only and then applied
/// unchanged to validation and test rows, so nothing about the held-out rows leaks into the inputs.
/// <see cref="Transform"/> gives the float32 matrix (rows, kept columns) a network takes.
/// Taught in notebooks/04-feature-networks-and-cross-validation.
/// </summary>
public sealed class FeaturePipeline
{
    private FeaturePipeline(IReadOnlyList<string> columns, CorrelationFilterResult? filter, Standardiser scaler)
    {
        Columns = columns;
        Filter = filter;
        Scaler = scaler;
    }

    /// <summary>The columns fed to the network, in order (after the filter).</summary>
    public IReadOnlyList<string> Columns { get; }

    /// <summary>The fitted correlation filter, or null when none was asked for.</summary>
    public CorrelationFilterResult? Filter { get; }

    /// <summary>The standardiser fitted on the training rows over <see cref="Columns"/>.</summary>
    public Standardiser Scaler { get; }

    /// <summary>
    /// Fits the pipeline on <paramref name="training"/>: the candidate columns are <paramref name="columns"/> (default:
    /// every numeric column of the table); with a <paramref name="correlationThreshold"/> the correlation filter is
    /// fitted over the candidate non-MFCC columns and drops its columns; the standardiser is fitted on what remains.
    /// </summary>
    /// <exception cref="ArgumentException">No training rows, or the threshold is outside (0, 1].</exception>
    public static FeaturePipeline Fit(FeatureTable training, double? correlationThreshold = CorrelationFilter.StudyThreshold,
        IReadOnlyList<string>? columns = null)
    {
        ArgumentNullException.ThrowIfNull(training);
        if (training.RowCount == 0) throw new ArgumentException("the pipeline needs at least one training row", nameof(training));
        var candidates = (columns ?? training.Columns).ToArray();
        var table = training.SelectColumns(candidates);
        CorrelationFilterResult? filter = null;
        if (correlationThreshold is double t)
        {
            var nonMfcc = GtzanColumns.NonMfccFeatures.Where(table.HasColumn).ToArray();
            if (nonMfcc.Length >= 2)
            {
                filter = CorrelationFilter.Fit(table, t, nonMfcc);
                table = filter.Apply(table);
            }
        }
        return new FeaturePipeline(table.Columns.ToArray(), filter, Standardiser.Fit(table));
    }

    /// <summary>
    /// The standardised values of <paramref name="table"/>'s rows over <see cref="Columns"/>, float32, shape (rows, columns).
    /// </summary>
    /// <exception cref="KeyNotFoundException">The table lacks a column the pipeline was fitted on.</exception>
    public FloatMatrix Transform(FeatureTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        return Scaler.Transform(table.ToFloatMatrix(Columns));
    }

    /// <summary>One line: columns in and out, what the filter dropped and how many rows it was fitted on.</summary>
    public override string ToString() =>
        $"FeaturePipeline({Columns.Count} columns" +
        (Filter is null ? ", no correlation filter" : $", correlation filter |r| >= {Filter.Threshold} dropped {Filter.DroppedColumns.Count}: {string.Join(", ", Filter.DroppedColumns)}") +
        $"; standardised on {Scaler.SampleCount} training rows)";
}
