namespace GenreNotebooks.Spectral;

/// <summary>
/// Mel filterbanks and the mel scale, as librosa.filters.mel / librosa.hz_to_mel / mel_to_hz / mel_frequencies /
/// fft_frequencies (0.10.2). Weights are computed in float64 and stored as float32 like librosa's default dtype.
/// Taught in notebooks/01-from-waveform-to-mel.
/// </summary>
public static class MelFilterbank
{
    private const double SlaneyStepHz = 200.0 / 3.0;
    private const double SlaneyLogStartHz = 1000.0;
    private const double SlaneyLogStartMel = SlaneyLogStartHz / SlaneyStepHz; // 15
    private static readonly double SlaneyLogStep = Math.Log(6.4) / 27.0;

    /// <summary>
    /// The filterbank, shape (n_mels, 1 + n_fft / 2): row i is the triangle rising from mel frequency i to i + 1
    /// and falling to i + 2 (of n_mels + 2 points evenly spaced on the mel scale between fmin and fmax),
    /// optionally Slaney-normalised. librosa: <c>librosa.filters.mel(sr=, n_fft=, n_mels=, fmin=, fmax=, htk=, norm=)</c>.
    /// </summary>
    public static FloatMatrix Create(MelOptions o)
    {
        ArgumentNullException.ThrowIfNull(o);
        o.Validate();
        int bins = 1 + o.NFft / 2;
        var weights = new FloatMatrix(o.NMels, bins);
        var fftFreqs = FftFrequencies(o.SampleRate, o.NFft);
        var melF = MelFrequencies(o.NMels + 2, o.FMin, o.EffectiveFMax, o.Htk);
        for (int i = 0; i < o.NMels; i++)
        {
            double lowerWidth = melF[i + 1] - melF[i];
            double upperWidth = melF[i + 2] - melF[i + 1];
            double enorm = o.Norm == MelNorm.Slaney ? 2.0 / (melF[i + 2] - melF[i]) : 1.0;
            var row = weights.Row(i);
            for (int k = 0; k < bins; k++)
            {
                double lower = -(melF[i] - fftFreqs[k]) / lowerWidth;
                double upper = (melF[i + 2] - fftFreqs[k]) / upperWidth;
                double w = Math.Max(0.0, Math.Min(lower, upper));
                row[k] = (float)(w * enorm);
            }
        }
        return weights;
    }

    /// <summary>Hz to mels (librosa <c>hz_to_mel</c>): Slaney's scale (linear below 1 kHz, logarithmic above) or HTK's.</summary>
    public static double HzToMel(double hz, bool htk = false)
    {
        if (htk) return 2595.0 * Math.Log10(1.0 + hz / 700.0);
        if (hz >= SlaneyLogStartHz) return SlaneyLogStartMel + Math.Log(hz / SlaneyLogStartHz) / SlaneyLogStep;
        return hz / SlaneyStepHz;
    }

    /// <summary>Mels to Hz (librosa <c>mel_to_hz</c>), the inverse of <see cref="HzToMel"/>.</summary>
    public static double MelToHz(double mel, bool htk = false)
    {
        if (htk) return 700.0 * (Math.Pow(10.0, mel / 2595.0) - 1.0);
        if (mel >= SlaneyLogStartMel) return SlaneyLogStartHz * Math.Exp(SlaneyLogStep * (mel - SlaneyLogStartMel));
        return SlaneyStepHz * mel;
    }

    /// <summary><paramref name="n"/> frequencies in Hz evenly spaced on the mel scale from fmin to fmax inclusive (librosa <c>mel_frequencies</c>), shape (n,).</summary>
    public static double[] MelFrequencies(int n, double fmin, double fmax, bool htk = false)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(n);
        var mels = Linspace(HzToMel(fmin, htk), HzToMel(fmax, htk), n);
        for (int i = 0; i < n; i++) mels[i] = MelToHz(mels[i], htk);
        return mels;
    }

    /// <summary>Centre frequencies of the <c>1 + n_fft / 2</c> FFT bins, <c>k * sr / n_fft</c> (librosa <c>fft_frequencies</c>).</summary>
    public static double[] FftFrequencies(int sr, int nFft)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(sr);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(nFft);
        var f = new double[1 + nFft / 2];
        double step = 1.0 / (nFft * (1.0 / sr)); // numpy rfftfreq's rounding
        for (int k = 0; k < f.Length; k++) f[k] = k * step;
        return f;
    }

    /// <summary>numpy.linspace(start, stop, n) with its endpoint handling.</summary>
    private static double[] Linspace(double start, double stop, int n)
    {
        var r = new double[n];
        if (n == 0) return r;
        if (n == 1)
        {
            r[0] = start;
            return r;
        }
        double step = (stop - start) / (n - 1);
        for (int i = 0; i < n; i++) r[i] = start + i * step;
        r[n - 1] = stop;
        return r;
    }

    /// <summary>
    /// The filterbank as non-zero ranges per band (float32 weights widened to float64), for sparse projection. Banks
    /// are read-only and kept for the last few option sets: building one takes about 1 ms, as long as the mel
    /// spectrogram of a 3-s clip's STFT frames, and clip-by-clip callers (whole songs, the clip cache) ask for the same
    /// one every time.
    /// </summary>
    internal static SparseMelBank CreateSparse(MelOptions o)
    {
        if (SparseBanks.TryGetValue(o, out var bank)) return bank;
        bank = SparseMelBank.From(Create(o));
        if (SparseBanks.Count >= 16) SparseBanks.Clear();
        return SparseBanks.GetOrAdd(o, bank);
    }

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<MelOptions, SparseMelBank> SparseBanks = new();
}
