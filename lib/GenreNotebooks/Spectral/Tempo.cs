namespace GenreNotebooks.Spectral;

/// <summary>
/// Global tempo estimation (beats per minute) from an onset strength envelope, as librosa 0.10.2's
/// <c>librosa.feature.tempo</c> (called by <c>librosa.beat.beat_track</c>): autocorrelation tempogram over 8-s windows
/// (ac_size 8 s, i.e. 344 frames at 22050 Hz / hop 512; Hann-windowed, centred with linear ramps to zero, each frame's
/// autocorrelation divided by its maximum), averaged over time, weighted by a log-normal prior around 120 BPM with
/// one octave standard deviation, lags faster than 320 BPM excluded, then the best lag's BPM
/// <c>60 sr / (hop lag)</c>.
/// </summary>
public static class Tempo
{
    /// <summary>
    /// The tempo <c>librosa.beat.beat_track(y=y, sr=sr)[0]</c> reports, given its onset envelope
    /// (<see cref="OnsetStrength.FromMelDb"/> with <see cref="OnsetAggregate.Median"/>): 0 when the envelope is all
    /// zero (no onsets), otherwise <see cref="Estimate"/>.
    /// </summary>
    public static double BeatTrackTempo(ReadOnlySpan<float> onsetEnvelope, int sampleRate = 22050, int hopLength = 512, double startBpm = 120.0)
    {
        bool any = false;
        foreach (float v in onsetEnvelope) if (v != 0) { any = true; break; }
        return any ? Estimate(onsetEnvelope, sampleRate, hopLength, startBpm) : 0.0;
    }

    /// <summary>
    /// Estimated global tempo in BPM of an onset envelope (one value per hop), as
    /// <c>librosa.feature.tempo(onset_envelope=env, sr=sr, hop_length=hop, start_bpm=120, std_bpm=1, ac_size=8, max_tempo=320)[0]</c>.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">A rate, size or BPM parameter is not positive.</exception>
    public static double Estimate(ReadOnlySpan<float> onsetEnvelope, int sampleRate = 22050, int hopLength = 512,
        double startBpm = 120.0, double stdBpm = 1.0, double acSizeSeconds = 8.0, double? maxTempo = 320.0)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(sampleRate);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(hopLength);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(startBpm);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(stdBpm);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(acSizeSeconds);
        if (onsetEnvelope.Length == 0) throw new ArgumentException("tempo needs a non-empty onset envelope", nameof(onsetEnvelope));
        // librosa.time_to_frames: int(seconds * sr) samples, floor-divided by the hop.
        int winLength = (int)(long)(acSizeSeconds * sampleRate) / hopLength;
        if (winLength < 1) throw new ArgumentOutOfRangeException(nameof(acSizeSeconds), "the autocorrelation window is shorter than one hop");
        var mean = MeanTempogram(onsetEnvelope, winLength);
        var bpms = TempoFrequencies(winLength, sampleRate, hopLength);
        int maxIdx = 0;
        if (maxTempo is double mt)
        {
            // np.argmax(bpms < max_tempo): the first lag slower than max_tempo (0 if none is).
            maxIdx = 0;
            for (int i = 0; i < bpms.Length; i++) if (bpms[i] < mt) { maxIdx = i; break; }
        }
        double log2Start = Math.Log2(startBpm);
        int best = 0;
        double bestScore = double.NegativeInfinity;
        bool any = false;
        for (int i = 0; i < winLength; i++)
        {
            double logPrior = i < maxIdx || double.IsInfinity(bpms[i]) ? double.NegativeInfinity
                : -0.5 * Math.Pow((Math.Log2(bpms[i]) - log2Start) / stdBpm, 2);
            double score = double.LogP1(1e6 * mean[i]) + logPrior;
            if (double.IsNaN(score)) continue;
            if (!any || score > bestScore) { best = i; bestScore = score; any = true; }
        }
        return bpms[best];
    }

    /// <summary>
    /// BPM of each autocorrelation lag 0..<paramref name="nBins"/>-1: infinity for lag 0, then <c>60 sr / (hop lag)</c>;
    /// librosa: <c>librosa.tempo_frequencies(n_bins, sr=sr, hop_length=hop)</c>.
    /// </summary>
    public static double[] TempoFrequencies(int nBins, int sampleRate = 22050, int hopLength = 512)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(nBins);
        var f = new double[nBins];
        f[0] = double.PositiveInfinity;
        for (int i = 1; i < nBins; i++) f[i] = 60.0 * sampleRate / ((double)hopLength * i);
        return f;
    }

    /// <summary>
    /// The autocorrelation tempogram averaged over frames, length <paramref name="winLength"/> (lags 0..win-1):
    /// <c>np.mean(librosa.feature.tempogram(onset_envelope=env, win_length=win), axis=1)</c> (Hann window, centred,
    /// <c>linear_ramp</c> padding to zero, each frame normalised by its largest absolute autocorrelation).
    /// </summary>
    public static double[] MeanTempogram(ReadOnlySpan<float> onsetEnvelope, int winLength)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(winLength);
        int n = onsetEnvelope.Length;
        int pad = winLength / 2;
        var padded = new float[n + 2 * pad];
        onsetEnvelope.CopyTo(padded.AsSpan(pad));
        if (n > 0)
        {
            // numpy linear_ramp: from the end value 0 at the outer edge towards the edge sample, endpoint excluded.
            double stepL = (onsetEnvelope[0] - 0.0) / pad, stepR = (onsetEnvelope[n - 1] - 0.0) / pad;
            for (int i = 0; i < pad; i++)
            {
                padded[i] = (float)(i * stepL);
                padded[n + pad + i] = (float)((pad - 1 - i) * stepR);
            }
        }
        var window = new double[winLength];
        for (int j = 0; j < winLength; j++) window[j] = 0.5 - 0.5 * Math.Cos(2.0 * Math.PI * j / winLength);
        var sum = new double[winLength];
        var x = new double[winLength];
        var r = new double[winLength];
        for (int t = 0; t < n; t++)
        {
            for (int j = 0; j < winLength; j++) x[j] = padded[t + j] * window[j];
            Autocorrelate(x, r);
            double max = 0;
            for (int k = 0; k < winLength; k++) max = Math.Max(max, Math.Abs(r[k]));
            double div = max < DoubleTiny ? 1.0 : max;
            for (int k = 0; k < winLength; k++) sum[k] += r[k] / div;
        }
        for (int k = 0; k < winLength; k++) sum[k] /= n;
        return sum;
    }

    private const double DoubleTiny = 2.2250738585072014E-308;

    private static void Autocorrelate(double[] x, double[] r)
    {
        int w = x.Length;
        // Skip the zero tail/head so frames near the ends (mostly padding) cost less.
        int first = 0, last = w - 1;
        while (first < w && x[first] == 0) first++;
        while (last >= first && x[last] == 0) last--;
        Array.Clear(r);
        if (first > last) return;
        var xs = x.AsSpan(first, last - first + 1);
        int m = xs.Length;
        for (int k = 0; k < m; k++)
        {
            r[k] = Dot(xs[..(m - k)], xs[k..]);
        }
    }

    private static double Dot(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        int n = a.Length, i = 0;
        double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
        if (System.Numerics.Vector.IsHardwareAccelerated && n >= 2 * System.Numerics.Vector<double>.Count)
        {
            var acc = System.Numerics.Vector<double>.Zero;
            int vc = System.Numerics.Vector<double>.Count;
            for (; i <= n - vc; i += vc)
                acc += new System.Numerics.Vector<double>(a[i..]) * new System.Numerics.Vector<double>(b[i..]);
            s0 = System.Numerics.Vector.Sum(acc);
        }
        for (; i + 3 < n; i += 4)
        {
            s0 += a[i] * b[i]; s1 += a[i + 1] * b[i + 1]; s2 += a[i + 2] * b[i + 2]; s3 += a[i + 3] * b[i + 3];
        }
        for (; i < n; i++) s0 += a[i] * b[i];
        return s0 + s1 + s2 + s3;
    }
}
