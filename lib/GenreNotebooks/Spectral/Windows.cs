namespace GenreNotebooks.Spectral;

/// <summary>
/// Window functions as scipy.signal.get_window computes them. <c>periodic = true</c> is scipy's <c>fftbins=True</c>
/// (the DFT-even window librosa uses for the STFT: the symmetric window of length N + 1 without its last point);
/// <c>periodic = false</c> is the symmetric window. Values are computed in float64 and rounded once.
/// Taught in notebooks/01-from-waveform-to-mel.
/// </summary>
public static class Windows
{
    /// <summary>The window <paramref name="kind"/> of <paramref name="length"/> points, shape (length,).</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="length"/> is not positive.</exception>
    public static float[] Get(WindowKind kind, int length, bool periodic = true)
    {
        var w = GetDouble(kind, length, periodic);
        var result = new float[length];
        for (int i = 0; i < length; i++) result[i] = (float)w[i];
        return result;
    }

    /// <summary>Hann window (librosa <c>get_window("hann", length, fftbins=periodic)</c>).</summary>
    public static float[] Hann(int length, bool periodic = true) => Get(WindowKind.Hann, length, periodic);

    /// <summary>Hamming window (scipy <c>get_window("hamming", length, fftbins=periodic)</c>).</summary>
    public static float[] Hamming(int length, bool periodic = true) => Get(WindowKind.Hamming, length, periodic);

    /// <summary>Blackman window (scipy <c>get_window("blackman", length, fftbins=periodic)</c>).</summary>
    public static float[] Blackman(int length, bool periodic = true) => Get(WindowKind.Blackman, length, periodic);

    /// <summary>Rectangular window, all ones (scipy <c>"boxcar"</c>).</summary>
    public static float[] Rectangular(int length) => Get(WindowKind.Rectangular, length);

    /// <summary>The window in float64, as librosa keeps it before multiplying frames.</summary>
    internal static double[] GetDouble(WindowKind kind, int length, bool periodic = true)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(length);
        var w = new double[length];
        if (length == 1 || kind == WindowKind.Rectangular)
        {
            Array.Fill(w, 1.0);
            return w;
        }
        // scipy: a periodic window of N points is the symmetric window of N + 1 points, truncated.
        double denominator = periodic ? length : length - 1;
        (double a0, double a1, double a2) = kind switch
        {
            WindowKind.Hann => (0.5, 0.5, 0.0),
            WindowKind.Hamming => (0.54, 0.46, 0.0),
            WindowKind.Blackman => (0.42, 0.5, 0.08),
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "unknown window kind"),
        };
        for (int n = 0; n < length; n++)
        {
            double phase = 2.0 * Math.PI * n / denominator;
            w[n] = a0 - a1 * Math.Cos(phase) + a2 * Math.Cos(2.0 * phase);
        }
        return w;
    }
}
