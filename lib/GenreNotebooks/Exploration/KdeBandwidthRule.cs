namespace GenreNotebooks.Exploration;

/// <summary>
/// The rule that sets a Gaussian KDE's bandwidth factor from the sample count n (1-D data), as
/// <c>scipy.stats.gaussian_kde(bw_method=...)</c>.
/// </summary>
public enum KdeBandwidthRule
{
    /// <summary>Scott's rule, factor n^(-1/5): scipy's and seaborn's default.</summary>
    Scott,

    /// <summary>Silverman's rule, factor (3n/4)^(-1/5).</summary>
    Silverman,
}
