namespace GenreNotebooks.Spectral;

/// <summary>
/// How a centred STFT pads the signal by <c>n_fft / 2</c> samples on each side (numpy.pad modes, librosa's
/// <c>pad_mode</c>). Taught in notebooks/01-from-waveform-to-mel.
/// </summary>
public enum PadMode
{
    /// <summary>Zeros (<c>"constant"</c>): librosa 0.10's default.</summary>
    Constant,

    /// <summary>Mirror without repeating the edge sample (<c>"reflect"</c>): librosa 0.9's default.</summary>
    Reflect,

    /// <summary>Repeat the edge sample (<c>"edge"</c>).</summary>
    Edge,
}
