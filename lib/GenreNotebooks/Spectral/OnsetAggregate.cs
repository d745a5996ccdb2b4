namespace GenreNotebooks.Spectral;

/// <summary>
/// How <see cref="OnsetStrength"/> combines the per-band increases of a frame (librosa's <c>aggregate</c>).
/// </summary>
public enum OnsetAggregate
{
    /// <summary>Mean over mel bands (<c>np.mean</c>): <c>librosa.onset.onset_strength</c>'s default.</summary>
    Mean,

    /// <summary>Median over mel bands (<c>np.median</c>): what <c>librosa.beat.beat_track</c> uses.</summary>
    Median,
}
