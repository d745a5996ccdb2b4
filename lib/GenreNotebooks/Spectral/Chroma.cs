namespace GenreNotebooks.Spectral;

/// <summary>
/// Chromagram from a power spectrogram: the energy of each of the 12 pitch classes (C, C#, ..., B) per frame,
/// as librosa 0.10.2's <c>librosa.feature.chroma_stft</c> with its defaults (n_chroma 12, tuning estimated
/// from the spectrogram, frames normalised by their maximum, <c>norm=np.inf</c>).
/// </summary>
public static class Chroma
{
    /// <summary>
    /// The chroma filterbank, shape (<paramref name="nChroma"/>, 1 + <paramref name="nFft"/>/2), as
    /// <c>librosa.filters.chroma(sr=sr, n_fft=n_fft, tuning=tuning, n_chroma=12, ctroct=5.0, octwidth=2, norm=2, base_c=True)</c>:
    /// Gaussian bumps around each pitch class per FFT bin (bump width one chroma bin or the bin spacing,
    /// whichever is wider), each FFT bin's column scaled to unit L2 norm, then weighted by a Gaussian over
    /// octaves centred at <paramref name="centerOctave"/> (octave 5 = 523 Hz) with standard deviation
    /// <paramref name="octaveWidth"/> octaves; row 0 is C.
    /// </summary>
    /// <param name="sampleRate">Sample rate in Hz.</param>
    /// <param name="nFft">FFT size.</param>
    /// <param name="tuning">Tuning deviation from A440 in fractions of a chroma bin (see <see cref="Tuning.Estimate"/>).</param>
    /// <param name="nChroma">Number of chroma bins per octave (12).</param>
    /// <param name="centerOctave">Centre of the octave weighting (librosa <c>ctroct</c>, 5).</param>
    /// <param name="octaveWidth">Width of the octave weighting in octaves (librosa <c>octwidth</c>, 2); null or 0 disables it.</param>
    /// <param name="baseC">True: row 0 is C (librosa default); false: row 0 is A.</param>
    /// <exception cref="ArgumentOutOfRangeException">A size or rate is not positive.</exception>
    public static FloatMatrix Filterbank(int sampleRate = 22050, int nFft = 2048, double tuning = 0.0, int nChroma = 12,
        double centerOctave = 5.0, double? octaveWidth = 2.0, bool baseC = true)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(sampleRate);
        ArgumentOutOfRangeException.ThrowIfLessThan(nFft, 2);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(nChroma);
        int nBins = 1 + nFft / 2;

        // librosa builds all n_fft columns (aliased ones included) before trimming; only the first nBins matter
        // because every column is normalised independently.
        var frqbins = new double[nBins];
        double a440 = 440.0 * Math.Pow(2.0, tuning / nChroma);
        for (int k = 1; k < nBins; k++)
        {
            double f = (double)k * sampleRate / nFft;
            frqbins[k] = nChroma * Math.Log2(f / (a440 / 16.0));
        }
        // The 0 Hz bin gets a made-up position 1.5 octaves below bin 1 so its weights are broad and rotated.
        frqbins[0] = frqbins[1] - 1.5 * nChroma;
        var binWidth = new double[nBins];
        for (int k = 0; k < nBins; k++)
        {
            // librosa's width for column k is frqbins[k+1]-frqbins[k] over the full n_fft columns, so the last
            // kept column still sees its right neighbour (the first aliased bin).
            double next = k + 1 < nBins ? frqbins[k + 1] : nChroma * Math.Log2((double)(k + 1) * sampleRate / nFft / (a440 / 16.0));
            binWidth[k] = Math.Max(next - frqbins[k], 1.0);
        }

        double half = Math.Round(nChroma / 2.0);
        var w = new double[nChroma * nBins];
        for (int k = 0; k < nBins; k++)
        {
            double sumSq = 0;
            for (int c = 0; c < nChroma; c++)
            {
                double d = frqbins[k] - c;
                d = PyRemainder(d + half + 10.0 * nChroma, nChroma) - half;
                double z = 2.0 * d / binWidth[k];
                double v = Math.Exp(-0.5 * z * z);
                w[c * nBins + k] = v;
                sumSq += v * v;
            }
            double norm = Math.Sqrt(sumSq);
            double octWeight = 1.0;
            if (octaveWidth is double ow && ow != 0)
            {
                double z = (frqbins[k] / nChroma - centerOctave) / ow;
                octWeight = Math.Exp(-0.5 * z * z);
            }
            for (int c = 0; c < nChroma; c++)
            {
                double v = norm > 0 ? w[c * nBins + k] / norm : w[c * nBins + k];
                w[c * nBins + k] = v * octWeight;
            }
        }

        var fb = new FloatMatrix(nChroma, nBins);
        int shift = baseC ? 3 * (nChroma / 12) : 0;
        for (int c = 0; c < nChroma; c++)
        {
            int src = ((c + shift) % nChroma + nChroma) % nChroma;
            for (int k = 0; k < nBins; k++) fb.Data[c * nBins + k] = (float)w[src * nBins + k];
        }
        return fb;
    }

    /// <summary>
    /// Chroma of a power spectrogram <paramref name="power"/> (shape (1 + n_fft/2, frames), <c>|STFT|^2</c>),
    /// shape (<paramref name="nChroma"/>, frames): filterbank times spectrogram, each frame divided by its
    /// largest value (frames whose maximum is below the float32 tiny value stay as they are, as
    /// <c>librosa.util.normalize(norm=np.inf)</c>). With <paramref name="tuning"/> null the tuning is estimated
    /// from <paramref name="power"/> as librosa does (<see cref="Tuning.Estimate"/>).
    /// Equivalent: <c>librosa.feature.chroma_stft(S=power, sr=sr, tuning=tuning)</c>; on a signal,
    /// <c>chroma_stft(y=y, sr=sr)</c> uses the STFT defaults (n_fft 2048, hop 512, hann, centred, constant padding).
    /// </summary>
    /// <exception cref="ArgumentException">The spectrogram's row count is not 1 + n_fft/2 for an even n_fft.</exception>
    public static FloatMatrix FromPower(FloatMatrix power, int sampleRate = 22050, double? tuning = null, int nChroma = 12)
    {
        ArgumentNullException.ThrowIfNull(power);
        if (power.Rows < 2)
            throw new ArgumentException($"a power spectrogram needs at least 2 frequency rows, got {power.Rows}", nameof(power));
        int nFft = 2 * (power.Rows - 1);
        double t = tuning ?? Tuning.Estimate(power, sampleRate, nFft, binsPerOctave: nChroma);
        var fb = Filterbank(sampleRate, nFft, t, nChroma);
        int bins = power.Rows, frames = power.Cols;
        // float32 accumulation, as librosa's einsum over float32 arrays; SIMD over frames.
        var raw = new float[nChroma * frames];
        for (int k = 0; k < bins; k++)
        {
            var prow = power.Row(k);
            for (int c = 0; c < nChroma; c++)
                Axpy(fb.Data[c * bins + k], prow, raw.AsSpan(c * frames, frames));
        }
        var chroma = new FloatMatrix(nChroma, frames);
        for (int f = 0; f < frames; f++)
        {
            double max = 0;
            for (int c = 0; c < nChroma; c++) max = Math.Max(max, Math.Abs(raw[c * frames + f]));
            // librosa leaves frames with a (float32) maximum below tiny unnormalised.
            float div = max < FloatTiny ? 1f : (float)max;
            for (int c = 0; c < nChroma; c++) chroma.Data[c * frames + f] = raw[c * frames + f] / div;
        }
        return chroma;
    }

    /// <summary>numpy's <c>np.finfo(np.float32).tiny</c>, librosa's threshold for "nothing to normalise".</summary>
    internal const float FloatTiny = 1.17549435E-38f;

    /// <summary><c>acc += a * x</c> elementwise.</summary>
    internal static void Axpy(float a, ReadOnlySpan<float> x, Span<float> acc)
    {
        int i = 0, n = x.Length;
        if (System.Numerics.Vector.IsHardwareAccelerated)
        {
            int vc = System.Numerics.Vector<float>.Count;
            var va = new System.Numerics.Vector<float>(a);
            for (; i <= n - vc; i += vc)
                (new System.Numerics.Vector<float>(acc[i..]) + va * new System.Numerics.Vector<float>(x[i..])).CopyTo(acc[i..]);
        }
        for (; i < n; i++) acc[i] += a * x[i];
    }

    private static double PyRemainder(double a, double n)
    {
        double r = a % n;
        if (r != 0 && (r < 0) != (n < 0)) r += n;
        return r;
    }
}
