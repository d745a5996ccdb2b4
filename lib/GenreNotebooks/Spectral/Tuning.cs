namespace GenreNotebooks.Spectral;

/// <summary>
/// Tuning estimation, as librosa 0.10.2's <c>librosa.estimate_tuning</c> / <c>piptrack</c> / <c>pitch_tuning</c>:
/// find spectral peaks between 150 and 4000 Hz, refine their frequencies by parabolic interpolation, keep the
/// louder half, and take the most common deviation from the equal-tempered grid (histogram with 0.01-bin
/// resolution). <c>chroma_stft</c> calls it on the power spectrogram when no tuning is given.
/// </summary>
public static class Tuning
{
    /// <summary>
    /// Estimated tuning deviation in fractions of a bin (range [-0.5, 0.5), multiples of <paramref name="resolution"/>)
    /// of the spectrogram <paramref name="spectrogram"/>, shape (1 + n_fft/2, frames). librosa equivalent:
    /// <c>librosa.estimate_tuning(S=S, sr=sr, n_fft=n_fft, bins_per_octave=bins_per_octave)</c>; note that
    /// <c>chroma_stft</c> passes its POWER spectrogram, which piptrack then treats as magnitudes, so pass the
    /// power spectrogram to reproduce chroma_stft. Returns 0 when no peak is found.
    /// </summary>
    public static double Estimate(FloatMatrix spectrogram, int sampleRate = 22050, int nFft = 2048,
        double resolution = 0.01, int binsPerOctave = 12, double fmin = 150.0, double fmax = 4000.0, float threshold = 0.1f)
    {
        var (pitches, mags) = Piptrack(spectrogram, sampleRate, nFft, fmin, fmax, threshold);
        if (mags.Count == 0) return PitchTuning(ReadOnlySpan<float>.Empty, resolution, binsPerOctave);
        float magThreshold = MedianFloat32(mags.ToArray());
        var selected = new List<float>(pitches.Count);
        for (int i = 0; i < pitches.Count; i++)
            if (mags[i] >= magThreshold) selected.Add(pitches[i]);
        return PitchTuning(selected.ToArray(), resolution, binsPerOctave);
    }

    /// <summary>
    /// The peaks that <c>librosa.piptrack(S=S, sr=sr, n_fft=n_fft, fmin=150, fmax=4000, threshold=0.1)</c> reports,
    /// as parallel lists of interpolated frequencies (Hz) and magnitudes, in column-major order of (bin, frame):
    /// a peak is a bin within [fmin, fmax) that exceeds <paramref name="threshold"/> times its frame's maximum and is
    /// a local maximum (strictly above the bin below, at least the bin above).
    /// </summary>
    public static (List<float> Pitches, List<float> Magnitudes) Piptrack(FloatMatrix spectrogram, int sampleRate = 22050, int nFft = 2048,
        double fmin = 150.0, double fmax = 4000.0, float threshold = 0.1f)
    {
        ArgumentNullException.ThrowIfNull(spectrogram);
        int bins = spectrogram.Rows, frames = spectrogram.Cols;
        fmin = Math.Max(fmin, 0);
        fmax = Math.Min(fmax, sampleRate / 2.0);
        var pitches = new List<float>();
        var mags = new List<float>();
        var col = new float[bins];
        double binHz = (double)sampleRate / nFft;
        double step = (sampleRate / 2.0) / (bins - 1);
        int lo = bins, hi = -1;
        for (int k = 0; k < bins; k++)
        {
            double f = k * step;
            if (fmin <= f && f < fmax) { lo = Math.Min(lo, k); hi = Math.Max(hi, k); }
        }
        if (hi < 0) return (pitches, mags);
        // Frame-major copy so each frame's spectrum is contiguous.
        var byFrame = Hpss.Transpose(spectrogram).Data;
        for (int t = 0; t < frames; t++)
        {
            float max = 0;
            var frame = byFrame.AsSpan(t * bins, bins);
            for (int k = 0; k < bins; k++)
            {
                float v = Math.Abs(frame[k]);
                col[k] = v;
                if (v > max) max = v;
            }
            float refValue = threshold * max;
            for (int k = lo; k <= hi; k++)
            {
                float x = Thr(col, k, refValue);
                if (x == 0) continue;
                float below = k > 0 ? Thr(col, k - 1, refValue) : x;
                float above = k < bins - 1 ? Thr(col, k + 1, refValue) : x;
                if (!(x > below && x >= above)) continue;
                float shift = 0f, avg;
                if (k > 0 && k < bins - 1)
                {
                    // numba evaluates the stencil with float32 sums promoted to float64 by the integer constants.
                    double a = (double)(col[k + 1] + col[k - 1]) - 2.0 * col[k];
                    double b = (double)(col[k + 1] - col[k - 1]) / 2.0;
                    shift = Math.Abs(b) >= Math.Abs(a) ? 0f : (float)(-b / a);
                    avg = (col[k + 1] - col[k - 1]) / 2f;
                }
                else
                {
                    avg = k == 0 ? col[1] - col[0] : col[k] - col[k - 1];
                }
                pitches.Add((float)((k + (double)shift) * binHz));
                float dskew = 0.5f * avg * shift;
                mags.Add(col[k] + dskew);
            }
        }
        return (pitches, mags);
    }

    /// <summary>
    /// The most common deviation (in fractions of a bin) of <paramref name="frequencies"/> from the equal-tempered
    /// grid based on A440, as <c>librosa.pitch_tuning(frequencies, resolution=0.01, bins_per_octave=12)</c>: residuals
    /// in [-0.5, 0.5) binned into <c>ceil(1/resolution)</c> bins, returning the left edge of the fullest bin
    /// (the first one on ties). Non-positive frequencies are ignored; with none left the result is 0.
    /// </summary>
    public static double PitchTuning(ReadOnlySpan<float> frequencies, double resolution = 0.01, int binsPerOctave = 12)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(resolution);
        int nEdges = (int)Math.Ceiling(1.0 / resolution) + 1;
        int nBins = nEdges - 1;
        var edges = new double[nEdges];
        double stepE = 1.0 / nBins;
        for (int i = 0; i < nEdges; i++) edges[i] = i * stepE + -0.5;
        edges[nEdges - 1] = 0.5;
        var counts = new int[nBins];
        int used = 0;
        float a0 = 440.0f / 16.0f;
        foreach (float f in frequencies)
        {
            if (!(f > 0)) continue;
            used++;
            // librosa works in float32 here (float32 pitches, numpy keeps the dtype).
            float octs = MathF.Log2(f / a0);
            float r = binsPerOctave * octs;
            r = r - MathF.Floor(r);
            if (r >= 1f) r = 0f;
            if (r >= 0.5f) r -= 1.0f;
            double x = r;
            int idx = Array.BinarySearch(edges, x);
            if (idx < 0) idx = ~idx - 1;
            if (idx >= nBins) idx = nBins - 1;
            if (idx < 0) continue;
            counts[idx]++;
        }
        if (used == 0) return 0.0;
        int best = 0;
        for (int i = 1; i < nBins; i++) if (counts[i] > counts[best]) best = i;
        return edges[best];
    }

    private static float Thr(float[] col, int k, float refValue) => col[k] > refValue ? col[k] : 0f;

    /// <summary>numpy's median of float32 values: the middle value, or the float32 mean of the two middle ones.</summary>
    internal static float MedianFloat32(float[] values)
    {
        Array.Sort(values);
        int n = values.Length;
        if (n % 2 == 1) return values[n / 2];
        return (values[n / 2 - 1] + values[n / 2]) / 2f;
    }
}
