namespace GenreNotebooks.Spectral;

/// <summary>
/// Short-time Fourier transform settings with librosa 0.10.2's defaults: <c>n_fft=2048</c>, <c>hop_length=512</c>,
/// <c>win_length=n_fft</c>, <c>window="hann"</c> (periodic), <c>center=True</c>, <c>pad_mode="constant"</c>.
/// Taught in notebooks/01-from-waveform-to-mel.
/// </summary>
public sealed record StftOptions
{
    /// <summary>FFT size in samples (librosa <c>n_fft</c>); the spectrogram has <c>1 + NFft / 2</c> bins. Default 2048.</summary>
    public int NFft { get; init; } = 2048;

    /// <summary>Samples between successive frames (librosa <c>hop_length</c>). Default 512.</summary>
    public int HopLength { get; init; } = 512;

    /// <summary>Window length (librosa <c>win_length</c>); null means <see cref="NFft"/>. A shorter window is zero-padded on both sides to <see cref="NFft"/>.</summary>
    public int? WinLength { get; init; }

    /// <summary>Analysis window, periodic as librosa. Default Hann.</summary>
    public WindowKind Window { get; init; } = WindowKind.Hann;

    /// <summary>Pad <c>NFft / 2</c> samples on both sides so frame t is centred on sample <c>t * HopLength</c>. Default true.</summary>
    public bool Center { get; init; } = true;

    /// <summary>Padding used when <see cref="Center"/> is true. Default <see cref="PadMode.Constant"/> (zeros).</summary>
    public PadMode PadMode { get; init; } = PadMode.Constant;

    /// <summary>The effective window length: <see cref="WinLength"/> or <see cref="NFft"/>.</summary>
    public int EffectiveWinLength => WinLength ?? NFft;

    /// <summary>Number of frequency bins, <c>1 + NFft / 2</c>.</summary>
    public int Bins => 1 + NFft / 2;

    /// <summary>Checks the settings.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A size is not positive, or the window is longer than <see cref="NFft"/>.</exception>
    public void Validate()
    {
        if (NFft < 2) throw new ArgumentOutOfRangeException(nameof(NFft), NFft, "n_fft must be at least 2");
        if (HopLength <= 0) throw new ArgumentOutOfRangeException(nameof(HopLength), HopLength, "hop_length must be positive");
        if (WinLength is { } w && (w <= 0 || w > NFft))
            throw new ArgumentOutOfRangeException(nameof(WinLength), w, $"win_length must be in 1..n_fft ({NFft})");
        if (!Enum.IsDefined(Window)) throw new ArgumentOutOfRangeException(nameof(Window), Window, "unknown window");
        if (!Enum.IsDefined(PadMode)) throw new ArgumentOutOfRangeException(nameof(PadMode), PadMode, "unknown pad mode");
    }

    /// <summary>The window of length <see cref="NFft"/> (centred, zero-padded when shorter), float64.</summary>
    internal double[] PaddedWindow()
    {
        int winLength = EffectiveWinLength;
        var w = Windows.GetDouble(Window, winLength, periodic: true);
        if (winLength == NFft) return w;
        var padded = new double[NFft];
        Array.Copy(w, 0, padded, (NFft - winLength) / 2, winLength);
        return padded;
    }
}
