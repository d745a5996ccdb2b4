namespace GenreNotebooks.Features;

/// <summary>
/// The 60 columns of Kaggle's GTZAN feature tables (<c>features_30_sec.csv</c>, <c>features_3_sec.csv</c>), in file
/// order: <c>filename</c>, <c>length</c>, 57 numeric features (chroma_stft, rms, spectral_centroid,
/// spectral_bandwidth, rolloff, zero_crossing_rate, harmony, perceptr as <c>_mean</c>/<c>_var</c> pairs, <c>tempo</c>,
/// then <c>mfcc1_mean</c>, <c>mfcc1_var</c> ... <c>mfcc20_var</c>) and <c>label</c>.
/// Taught in notebooks/03-exploring-the-features.
/// </summary>
public static class GtzanColumns
{
    /// <summary>The first column: the audio file the row was computed from (<c>blues.00000.wav</c>, 3-s rows <c>blues.00000.3.wav</c>).</summary>
    public const string Filename = "filename";

    /// <summary>The second column: the clip length in samples at 22050 Hz (661794 for most 30-s GTZAN tracks, 66149 for 3-s rows).</summary>
    public const string Length = "length";

    /// <summary>The last column: the genre name (<c>blues</c>, <c>classical</c>, ...).</summary>
    public const string Label = "label";

    /// <summary>The tempo column (beats per minute, librosa's <c>beat_track</c> estimate).</summary>
    public const string Tempo = "tempo";

    /// <summary>Number of MFCC coefficients in the table (librosa's <c>n_mfcc=20</c>).</summary>
    public const int MfccCount = 20;

    /// <summary>
    /// The spectral and rhythm descriptors before the MFCCs, each stored as a <c>_mean</c> and a <c>_var</c> column
    /// (tempo, a single value, follows them).
    /// </summary>
    public static IReadOnlyList<string> DescriptorNames { get; } =
    [
        "chroma_stft", "rms", "spectral_centroid", "spectral_bandwidth", "rolloff",
        "zero_crossing_rate", "harmony", "perceptr",
    ];

    /// <summary>The 57 numeric feature columns between <c>length</c> and <c>label</c>, in file order.</summary>
    public static IReadOnlyList<string> Features { get; } = BuildFeatures();

    /// <summary>The 17 non-MFCC feature columns (<c>chroma_stft_mean</c> ... <c>perceptr_var</c>, <c>tempo</c>): the set the features study ran its correlation analysis on.</summary>
    public static IReadOnlyList<string> NonMfccFeatures { get; } = Features.Where(c => !IsMfcc(c)).ToArray();

    /// <summary>The 40 MFCC columns (<c>mfcc1_mean</c>, <c>mfcc1_var</c>, ..., <c>mfcc20_var</c>), the timbre descriptors.</summary>
    public static IReadOnlyList<string> MfccFeatures { get; } = Features.Where(IsMfcc).ToArray();

    /// <summary>The 20 MFCC mean columns (<c>mfcc1_mean</c> ... <c>mfcc20_mean</c>).</summary>
    public static IReadOnlyList<string> MfccMeans { get; } = Enumerable.Range(1, MfccCount).Select(i => $"mfcc{i}_mean").ToArray();

    /// <summary>All 60 columns in Kaggle's order: <c>filename</c>, <c>length</c>, the 57 features, <c>label</c>.</summary>
    public static IReadOnlyList<string> All { get; } = [Filename, Length, .. Features, Label];

    /// <summary>True for an MFCC column name (<c>mfcc&lt;k&gt;_mean</c> or <c>mfcc&lt;k&gt;_var</c>, k = 1..20).</summary>
    public static bool IsMfcc(string column)
    {
        ArgumentNullException.ThrowIfNull(column);
        if (!column.StartsWith("mfcc", StringComparison.Ordinal)) return false;
        int underscore = column.IndexOf('_');
        if (underscore < 5) return false;
        var suffix = column[(underscore + 1)..];
        return (suffix == "mean" || suffix == "var")
            && int.TryParse(column.AsSpan(4, underscore - 4), System.Globalization.NumberStyles.None,
                System.Globalization.CultureInfo.InvariantCulture, out int k)
            && k >= 1 && k <= MfccCount;
    }

    /// <summary>True for one of the 57 numeric feature columns.</summary>
    public static bool IsFeature(string column) => FeatureSet.Contains(column);

    private static readonly HashSet<string> FeatureSet = new(BuildFeatures(), StringComparer.Ordinal);

    private static string[] BuildFeatures()
    {
        var list = new List<string>(57);
        foreach (var d in DescriptorNames)
        {
            list.Add(d + "_mean");
            list.Add(d + "_var");
        }
        list.Add(Tempo);
        for (int i = 1; i <= MfccCount; i++)
        {
            list.Add($"mfcc{i}_mean");
            list.Add($"mfcc{i}_var");
        }
        return list.ToArray();
    }
}
