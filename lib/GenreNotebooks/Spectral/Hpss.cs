namespace GenreNotebooks.Spectral;

/// <summary>
/// Harmonic-percussive source separation by median filtering (Fitzgerald 2010), as librosa 0.10.2's
/// <c>librosa.decompose.hpss</c> and <c>librosa.effects.hpss</c> with their defaults: the magnitude spectrogram is
/// median-filtered over 31 frames along time (harmonic: sustained partials) and over 31 bins along frequency
/// (percussive: broadband clicks), both with scipy's 'reflect' boundary; soft masks
/// <c>H^2 / (H^2 + P^2)</c> (power 2, margin 1; 0.5 each where both are zero) split the complex STFT, and the
/// inverse STFT of each part gives the harmonic and percussive signals. GTZAN's <c>harmony</c> and <c>perceptr</c>
/// columns are the mean and variance of these two signals.
/// </summary>
public static class Hpss
{
    /// <summary>
    /// Splits the complex STFT <paramref name="stft"/> (shape (1 + n_fft/2, frames)) into harmonic and percussive
    /// spectrograms of the same shape whose sum is <paramref name="stft"/> (for margin 1).
    /// librosa: <c>librosa.decompose.hpss(D, kernel_size=31, power=2.0, margin=1.0)</c>.
    /// The two median filters run on up to <paramref name="threads"/> threads (rows in parallel).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The kernel is not a positive odd number, the power is not positive, or a margin is below 1.</exception>
    public static (ComplexSpectrogram Harmonic, ComplexSpectrogram Percussive) Decompose(ComplexSpectrogram stft,
        int kernelSize = 31, double power = 2.0, double marginHarmonic = 1.0, double marginPercussive = 1.0, int threads = 1)
    {
        ArgumentNullException.ThrowIfNull(stft);
        if (kernelSize < 1 || kernelSize % 2 == 0)
            throw new ArgumentOutOfRangeException(nameof(kernelSize), $"kernel size must be a positive odd number, got {kernelSize}");
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(power);
        if (marginHarmonic < 1 || marginPercussive < 1)
            throw new ArgumentOutOfRangeException(nameof(marginHarmonic), "margins must be >= 1 (librosa)");
        var (maskH, maskP) = Masks(stft.Magnitude(), kernelSize, power, marginHarmonic, marginPercussive, threads);
        return (Apply(stft, maskH), Apply(stft, maskP));
    }

    /// <summary>
    /// Harmonic and percussive signals of <paramref name="y"/>, each of the same length as <paramref name="y"/>:
    /// <c>librosa.effects.hpss(y)</c> (STFT with librosa's defaults, <see cref="Decompose"/>, inverse STFT with the
    /// signal's length).
    /// </summary>
    public static (float[] Harmonic, float[] Percussive) Separate(ReadOnlySpan<float> y, StftOptions? options = null,
        int kernelSize = 31, int threads = 1)
    {
        options ??= new StftOptions();
        return SeparateStft(Stft.Compute(y, options), y.Length, options, kernelSize, threads);
    }

    /// <summary>
    /// Like <see cref="Separate"/> from an already computed STFT <paramref name="stft"/> of a signal of
    /// <paramref name="length"/> samples (so one STFT can feed every GTZAN feature).
    /// </summary>
    public static (float[] Harmonic, float[] Percussive) SeparateStft(ComplexSpectrogram stft, int length, StftOptions? options = null,
        int kernelSize = 31, int threads = 1) => SeparateStft(stft, null, length, options, kernelSize, threads);

    /// <summary>As <see cref="SeparateStft(ComplexSpectrogram, int, StftOptions?, int, int)"/> reusing an already computed <c>|stft|</c>.</summary>
    internal static (float[] Harmonic, float[] Percussive) SeparateStft(ComplexSpectrogram stft, FloatMatrix? magnitude, int length,
        StftOptions? options, int kernelSize, int threads)
    {
        ArgumentNullException.ThrowIfNull(stft);
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        options ??= new StftOptions { NFft = 2 * (stft.Bins - 1) };
        options.Validate();
        if (options.Bins != stft.Bins)
            throw new ArgumentException($"spectrogram has {stft.Bins} bins but n_fft = {options.NFft} needs {options.Bins}", nameof(stft));
        if (kernelSize < 1 || kernelSize % 2 == 0)
            throw new ArgumentOutOfRangeException(nameof(kernelSize), $"kernel size must be a positive odd number, got {kernelSize}");
        int bins = stft.Bins, nFft = options.NFft, hop = options.HopLength;

        // Everything after the harmonic median runs frame-major (frames, bins), so the inverse FFTs read contiguous
        // spectra; the masks are applied on the fly instead of building two masked spectrograms.
        magnitude ??= stft.Magnitude();
        var harmT = MedianFilter.Columns(Transpose(magnitude), kernelSize, threads);
        var percT = Transpose(MedianFilter.Columns(magnitude, kernelSize, threads));
        var reT = Transpose(stft.Real);
        var imT = Transpose(stft.Imag);

        int frames = stft.Frames;
        if (options.Center) frames = (int)Math.Min(frames, (length + 2L * (nFft / 2) + hop - 1) / hop);
        long total = nFft + (long)hop * Math.Max(frames - 1, 0);
        var yh = new double[total];
        var yp = new double[total];
        var windowSum = new double[total];
        var window = options.PaddedWindow();
        var plan = RealFft.Plan(nFft);
        var hr = new double[bins];
        var hi = new double[bins];
        var pr = new double[bins];
        var pi = new double[bins];
        var frame = new double[nFft];
        for (int t = 0; t < frames; t++)
        {
            var hRow = harmT.Row(t);
            var pRow = percT.Row(t);
            var reRow = reT.Row(t);
            var imRow = imT.Row(t);
            for (int k = 0; k < bins; k++)
            {
                float mh = SoftMask(hRow[k], pRow[k], 2.0, true);
                float mp = SoftMask(pRow[k], hRow[k], 2.0, true);
                hr[k] = reRow[k] * mh;
                hi[k] = imRow[k] * mh;
                pr[k] = reRow[k] * mp;
                pi[k] = imRow[k] * mp;
            }
            long offset = (long)t * hop;
            plan.Inverse(hr, hi, frame);
            for (int i = 0; i < nFft; i++) yh[offset + i] += frame[i] * window[i];
            plan.Inverse(pr, pi, frame);
            for (int i = 0; i < nFft; i++)
            {
                yp[offset + i] += frame[i] * window[i];
                windowSum[offset + i] += window[i] * window[i];
            }
        }
        long start = options.Center ? nFft / 2 : 0;
        var harmonic = new float[length];
        var percussive = new float[length];
        for (long i = 0; i < length && start + i < total; i++)
        {
            double w = windowSum[start + i];
            bool ok = w > Chroma.FloatTiny;
            harmonic[i] = (float)(ok ? yh[start + i] / w : yh[start + i]);
            percussive[i] = (float)(ok ? yp[start + i] / w : yp[start + i]);
        }
        return (harmonic, percussive);
    }

    /// <summary>
    /// The soft masks (harmonic, percussive), each shape (bins, frames), of a magnitude spectrogram
    /// <paramref name="magnitude"/>: <c>librosa.decompose.hpss(S, mask=True)</c>.
    /// </summary>
    public static (FloatMatrix Harmonic, FloatMatrix Percussive) Masks(FloatMatrix magnitude, int kernelSize = 31, double power = 2.0,
        double marginHarmonic = 1.0, double marginPercussive = 1.0, int threads = 1)
    {
        ArgumentNullException.ThrowIfNull(magnitude);
        var harm = Transpose(MedianFilter.Columns(Transpose(magnitude), kernelSize, threads));
        var perc = MedianFilter.Columns(magnitude, kernelSize, threads);
        bool splitZeros = marginHarmonic == 1.0 && marginPercussive == 1.0;
        var maskH = new FloatMatrix(magnitude.Rows, magnitude.Cols);
        var maskP = new FloatMatrix(magnitude.Rows, magnitude.Cols);
        var h = harm.Data;
        var p = perc.Data;
        float mh = (float)marginHarmonic, mp = (float)marginPercussive;
        for (int i = 0; i < h.Length; i++)
        {
            maskH.Data[i] = SoftMask(h[i], p[i] * mh, power, splitZeros);
            maskP.Data[i] = SoftMask(p[i], h[i] * mp, power, splitZeros);
        }
        return (maskH, maskP);
    }

    /// <summary>
    /// librosa's <c>util.softmask(X, X_ref, power)</c> for one element, in float32 as librosa computes it:
    /// <c>(X/Z)^p / ((X/Z)^p + (X_ref/Z)^p)</c> with Z = max(X, X_ref); where Z is below the float32 tiny value the
    /// mask is 0.5 (split zeros) or 0.
    /// </summary>
    public static float SoftMask(float x, float xRef, double power, bool splitZeros)
    {
        float z = Math.Max(x, xRef);
        if (z < Chroma.FloatTiny) return splitZeros ? 0.5f : 0f;
        float a = x / z, b = xRef / z;
        float ma, mb;
        if (power == 2.0) { ma = a * a; mb = b * b; }
        else { ma = (float)Math.Pow(a, power); mb = (float)Math.Pow(b, power); }
        return ma / (ma + mb);
    }

    private static ComplexSpectrogram Apply(ComplexSpectrogram s, FloatMatrix mask)
    {
        var re = new FloatMatrix(s.Bins, s.Frames);
        var im = new FloatMatrix(s.Bins, s.Frames);
        var m = mask.Data;
        var sr = s.Real.Data;
        var si = s.Imag.Data;
        for (int i = 0; i < m.Length; i++)
        {
            re.Data[i] = sr[i] * m[i];
            im.Data[i] = si[i] * m[i];
        }
        return new ComplexSpectrogram(re, im);
    }

    /// <summary>Cache-blocked transpose (the percussive filter runs along columns).</summary>
    internal static FloatMatrix Transpose(FloatMatrix a)
    {
        var t = new FloatMatrix(a.Cols, a.Rows);
        const int B = 32;
        int rows = a.Rows, cols = a.Cols;
        var src = a.Data;
        var dst = t.Data;
        for (int r0 = 0; r0 < rows; r0 += B)
        {
            int r1 = Math.Min(r0 + B, rows);
            for (int c0 = 0; c0 < cols; c0 += B)
            {
                int c1 = Math.Min(c0 + B, cols);
                for (int r = r0; r < r1; r++)
                    for (int c = c0; c < c1; c++)
                        dst[c * rows + r] = src[r * cols + c];
            }
        }
        return t;
    }
}
