using GenreNotebooks.Exploration;

namespace GenreNotebooks.Features;

/// <summary>
/// The features study's correlation filter: compute the Pearson matrix of the examined columns, look at its upper
/// triangle, and drop every column whose |r| with some earlier column is at or above the threshold (0.8 in the
/// study), i.e. the later feature of each highly correlated pair. This is the pandas recipe
/// <c>upper = corr.abs().where(np.triu(np.ones(corr.shape), k=1).astype(bool));
/// to_drop = [c for c in upper.columns if any(upper[c] &gt;= 0.8)]</c>: a column is dropped even when its partner
/// is dropped too, and NaN correlations (constant columns) never drop anything. By default only the 17 non-MFCC
/// GTZAN columns are examined, as in the study (MFCCs are correlated by nature and all kept); on the Kaggle 30-s
/// table that drops spectral_bandwidth_mean, rolloff_mean, rolloff_var, zero_crossing_rate_mean,
/// zero_crossing_rate_var and harmony_var. Fit it on training rows only.
/// Taught in notebooks/03-exploring-the-features.
/// </summary>
public static class CorrelationFilter
{
    /// <summary>The study's threshold, |r| &gt;= 0.8.</summary>
    public const double StudyThreshold = 0.8;

    /// <summary>
    /// Finds the columns to drop among <paramref name="columns"/> (default: the table's non-MFCC GTZAN columns,
    /// <see cref="GtzanColumns.NonMfccFeatures"/>, those it has) of <paramref name="table"/>.
    /// </summary>
    /// <param name="table">The (training) rows.</param>
    /// <param name="threshold">|r| at or above which the later column is dropped; in (0, 1].</param>
    /// <param name="columns">The columns to examine, in the order that decides which of a pair is "later".</param>
    /// <exception cref="ArgumentOutOfRangeException">The threshold is outside (0, 1].</exception>
    /// <exception cref="KeyNotFoundException">A named column is not in the table.</exception>
    public static CorrelationFilterResult Fit(FeatureTable table, double threshold = StudyThreshold, IReadOnlyList<string>? columns = null)
    {
        ArgumentNullException.ThrowIfNull(table);
        if (!(threshold > 0 && threshold <= 1))
            throw new ArgumentOutOfRangeException(nameof(threshold), threshold, "the threshold must be in (0, 1]");
        var names = (columns ?? GtzanColumns.NonMfccFeatures.Where(table.HasColumn).ToArray()).ToArray();
        var corr = Correlation.Pearson(table, names);
        var dropped = new List<DroppedFeature>();
        for (int j = 0; j < names.Length; j++)
        {
            var pairs = new List<CorrelatedPair>();
            for (int i = 0; i < j; i++)
                if (Math.Abs(corr[i, j]) >= threshold) pairs.Add(new CorrelatedPair(names[i], names[j], corr[i, j]));
            if (pairs.Count > 0)
                dropped.Add(new DroppedFeature(names[j], pairs.MaxBy(p => Math.Abs(p.R))!, pairs));
        }
        return new CorrelationFilterResult(names, corr, threshold, dropped);
    }

    /// <summary>Fits over every numeric column of <paramref name="table"/> (MFCCs included).</summary>
    public static CorrelationFilterResult FitAllColumns(FeatureTable table, double threshold = StudyThreshold)
    {
        ArgumentNullException.ThrowIfNull(table);
        return Fit(table, threshold, table.Columns);
    }
}
