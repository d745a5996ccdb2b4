namespace GenreNotebooks.Spectral;

/// <summary>
/// MFCC settings with librosa.feature.mfcc's defaults: 20 coefficients, DCT type II, orthonormal, no liftering.
/// </summary>
public sealed record MfccOptions
{
    /// <summary>Number of coefficients kept (librosa <c>n_mfcc</c>). Default 20.</summary>
    public int NMfcc { get; init; } = 20;

    /// <summary>DCT type (librosa <c>dct_type</c>): 2 (default) or 3 (the inverse of type 2).</summary>
    public int DctType { get; init; } = 2;

    /// <summary>DCT normalisation (librosa <c>norm</c>). Default <see cref="DctNorm.Ortho"/>.</summary>
    public DctNorm Norm { get; init; } = DctNorm.Ortho;

    /// <summary>Sinusoidal liftering coefficient (librosa <c>lifter</c>); 0 disables it. Default 0.</summary>
    public double Lifter { get; init; }

    /// <summary>Checks the settings.</summary>
    /// <exception cref="ArgumentOutOfRangeException">n_mfcc is not positive, the DCT type is not 2 or 3, or lifter is negative.</exception>
    public void Validate()
    {
        if (NMfcc <= 0) throw new ArgumentOutOfRangeException(nameof(NMfcc), NMfcc, "n_mfcc must be positive");
        if (DctType is not (2 or 3)) throw new ArgumentOutOfRangeException(nameof(DctType), DctType, "only DCT types 2 and 3 are supported");
        if (!Enum.IsDefined(Norm)) throw new ArgumentOutOfRangeException(nameof(Norm), Norm, "unknown DCT norm");
        if (!(Lifter >= 0) || double.IsInfinity(Lifter)) throw new ArgumentOutOfRangeException(nameof(Lifter), Lifter, "lifter must be a non-negative number");
    }
}
