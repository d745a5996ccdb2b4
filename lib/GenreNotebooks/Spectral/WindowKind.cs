namespace GenreNotebooks.Spectral;

/// <summary>
/// Analysis windows for the STFT (scipy.signal.get_window names <c>"hann"</c>, <c>"hamming"</c>, <c>"blackman"</c>,
/// <c>"boxcar"</c>). Taught in notebooks/01-from-waveform-to-mel.
/// </summary>
public enum WindowKind
{
    /// <summary>Hann: <c>0.5 - 0.5 cos(2 pi n / N)</c>; librosa's default.</summary>
    Hann,

    /// <summary>Hamming: <c>0.54 - 0.46 cos(2 pi n / N)</c>.</summary>
    Hamming,

    /// <summary>Blackman: <c>0.42 - 0.5 cos(2 pi n / N) + 0.08 cos(4 pi n / N)</c>.</summary>
    Blackman,

    /// <summary>Rectangular (scipy's <c>"boxcar"</c>): all ones.</summary>
    Rectangular,
}
