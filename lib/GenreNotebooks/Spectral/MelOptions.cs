namespace GenreNotebooks.Spectral;

/// <summary>
/// Mel filterbank settings with librosa.filters.mel's defaults (sr 22050, n_fft 2048, n_mels 128, fmin 0,
/// fmax sr/2, Slaney mel scale, Slaney normalisation). Taught in notebooks/01-from-waveform-to-mel.
/// </summary>
public sealed record MelOptions
{
    /// <summary>Sample rate in Hz (librosa <c>sr</c>). Default 22050.</summary>
    public int SampleRate { get; init; } = 22050;

    /// <summary>FFT size the filters apply to (librosa <c>n_fft</c>): filters have <c>1 + NFft / 2</c> weights. Default 2048.</summary>
    public int NFft { get; init; } = 2048;

    /// <summary>Number of mel bands (librosa <c>n_mels</c>). Default 128.</summary>
    public int NMels { get; init; } = 128;

    /// <summary>Lowest frequency in Hz (librosa <c>fmin</c>). Default 0.</summary>
    public double FMin { get; init; }

    /// <summary>Highest frequency in Hz (librosa <c>fmax</c>); null means <c>SampleRate / 2</c>.</summary>
    public double? FMax { get; init; }

    /// <summary>Use the HTK mel formula <c>2595 log10(1 + f / 700)</c> instead of Slaney's (librosa <c>htk</c>). Default false.</summary>
    public bool Htk { get; init; }

    /// <summary>Filter normalisation (librosa <c>norm</c>). Default <see cref="MelNorm.Slaney"/>.</summary>
    public MelNorm Norm { get; init; } = MelNorm.Slaney;

    /// <summary>The effective upper frequency: <see cref="FMax"/> or <c>SampleRate / 2</c>.</summary>
    public double EffectiveFMax => FMax ?? SampleRate / 2.0;

    /// <summary>Checks the settings.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A size or rate is not positive, or the frequency range is empty or negative.</exception>
    public void Validate()
    {
        if (SampleRate <= 0) throw new ArgumentOutOfRangeException(nameof(SampleRate), SampleRate, "sample rate must be positive");
        if (NFft < 2) throw new ArgumentOutOfRangeException(nameof(NFft), NFft, "n_fft must be at least 2");
        if (NMels <= 0) throw new ArgumentOutOfRangeException(nameof(NMels), NMels, "n_mels must be positive");
        if (!(FMin >= 0) || double.IsInfinity(FMin)) throw new ArgumentOutOfRangeException(nameof(FMin), FMin, "fmin must be a non-negative number");
        if (!(EffectiveFMax > FMin) || double.IsInfinity(EffectiveFMax))
            throw new ArgumentOutOfRangeException(nameof(FMax), FMax, $"fmax must be a number above fmin ({FMin})");
        if (!Enum.IsDefined(Norm)) throw new ArgumentOutOfRangeException(nameof(Norm), Norm, "unknown mel norm");
    }
}
