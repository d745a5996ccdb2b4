namespace GenreNotebooks.Spectral;

/// <summary>
/// Frame-wise spectral descriptors of librosa 0.10.2's <c>librosa.feature</c>: spectral centroid, bandwidth and rolloff
/// of a magnitude spectrogram, and the zero-crossing rate and RMS energy of a signal, with librosa's defaults
/// (n_fft 2048, hop 512, centred frames). Each returns one value per frame (librosa's shape (1, t), flattened).
/// </summary>
public static class SpectralFeatures
{
    /// <summary>
    /// Centre frequency (Hz) of FFT bin k for <paramref name="nFft"/> at <paramref name="sampleRate"/>, length 1 + n_fft/2,
    /// as <c>librosa.fft_frequencies(sr=sr, n_fft=n_fft)</c> (numpy's <c>rfftfreq</c>).
    /// </summary>
    public static double[] FftFrequencies(int sampleRate, int nFft) => MelFilterbank.FftFrequencies(sampleRate, nFft);

    /// <summary>
    /// Spectral centroid per frame (Hz): the magnitude-weighted mean frequency <c>sum_k f_k S[k,t] / sum_k S[k,t]</c> of the
    /// magnitude spectrogram <paramref name="magnitude"/> (shape (1 + n_fft/2, frames)); 0 for a silent frame.
    /// librosa: <c>librosa.feature.spectral_centroid(S=|STFT|, sr=sr)</c>.
    /// </summary>
    public static double[] Centroid(FloatMatrix magnitude, int sampleRate = 22050)
    {
        var (freq, norm) = Normalised(magnitude, sampleRate);
        int bins = magnitude.Rows, frames = magnitude.Cols;
        var c = new double[frames];
        for (int k = 0; k < bins; k++)
        {
            var row = norm.AsSpan(k * frames, frames);
            double f = freq[k];
            for (int t = 0; t < frames; t++) c[t] += f * row[t];
        }
        return c;
    }

    /// <summary>
    /// Spectral bandwidth per frame (Hz), order p = 2: <c>(sum_k w[k,t] |f_k - centroid_t|^p)^(1/p)</c> with the
    /// magnitudes normalised to sum 1 per frame as weights. librosa:
    /// <c>librosa.feature.spectral_bandwidth(S=|STFT|, sr=sr)</c> (p=2, norm=True).
    /// </summary>
    public static double[] Bandwidth(FloatMatrix magnitude, int sampleRate = 22050, double p = 2.0)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(p);
        var (freq, norm) = Normalised(magnitude, sampleRate);
        int bins = magnitude.Rows, frames = magnitude.Cols;
        var centroid = new double[frames];
        for (int k = 0; k < bins; k++)
            for (int t = 0; t < frames; t++) centroid[t] += freq[k] * norm[k * frames + t];
        var acc = new double[frames];
        for (int k = 0; k < bins; k++)
        {
            double f = freq[k];
            for (int t = 0; t < frames; t++)
            {
                double d = Math.Abs(f - centroid[t]);
                acc[t] += norm[k * frames + t] * (p == 2.0 ? d * d : Math.Pow(d, p));
            }
        }
        for (int t = 0; t < frames; t++) acc[t] = p == 2.0 ? Math.Sqrt(acc[t]) : Math.Pow(acc[t], 1.0 / p);
        return acc;
    }

    /// <summary>
    /// Spectral rolloff per frame (Hz): the centre frequency of the first bin at which the cumulative magnitude reaches
    /// <paramref name="rollPercent"/> (0.85) of the frame's total; 0 for a silent frame. The cumulative sum runs in
    /// float32 as numpy's <c>cumsum</c> on librosa's float32 spectrogram, so ties resolve the same way.
    /// librosa: <c>librosa.feature.spectral_rolloff(S=|STFT|, sr=sr, roll_percent=0.85)</c>.
    /// </summary>
    public static double[] Rolloff(FloatMatrix magnitude, int sampleRate = 22050, double rollPercent = 0.85)
    {
        CheckRows(magnitude);
        if (!(rollPercent > 0 && rollPercent < 1))
            throw new ArgumentOutOfRangeException(nameof(rollPercent), $"roll_percent must lie in (0, 1), got {rollPercent}");
        int bins = magnitude.Rows, frames = magnitude.Cols;
        var freq = FftFrequencies(sampleRate, 2 * (bins - 1));
        var total = new float[frames];
        for (int k = 0; k < bins; k++)
        {
            var row = magnitude.Row(k);
            for (int t = 0; t < frames; t++) total[t] += row[t];
        }
        float rp = (float)rollPercent;
        var result = new double[frames];
        var cum = new float[frames];
        var done = new bool[frames];
        int remaining = frames;
        for (int k = 0; k < bins && remaining > 0; k++)
        {
            var row = magnitude.Row(k);
            for (int t = 0; t < frames; t++)
            {
                if (done[t]) continue;
                cum[t] += row[t];
                if (!(cum[t] < rp * total[t]))
                {
                    result[t] = freq[k];
                    done[t] = true;
                    remaining--;
                }
            }
        }
        return result;
    }

    /// <summary>
    /// Zero-crossing rate per frame: the fraction of the <paramref name="frameLength"/> samples of each frame at which
    /// the sign changes from the previous sample (first sample of a frame never counts), frames every
    /// <paramref name="hopLength"/> samples over the signal padded by frame_length/2 copies of its edge samples.
    /// Samples with |y| &lt;= 1e-10 count as zero and zero counts as positive. 1 + n/hop frames.
    /// librosa: <c>librosa.feature.zero_crossing_rate(y, frame_length=2048, hop_length=512, center=True)</c>
    /// (edge padding, threshold 1e-10, zero_pos=True, pad=False).
    /// </summary>
    public static double[] ZeroCrossingRate(ReadOnlySpan<float> y, int frameLength = 2048, int hopLength = 512, bool center = true)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(frameLength);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(hopLength);
        if (y.Length == 0) throw new ArgumentException("zero_crossing_rate needs a non-empty signal", nameof(y));
        int pad = center ? frameLength / 2 : 0;
        int n = y.Length + 2 * pad;
        if (n < frameLength)
            throw new ArgumentException($"signal of {y.Length} samples is shorter than frame_length {frameLength}", nameof(y));
        int frames = 1 + (n - frameLength) / hopLength;
        // crossing[i] = 1 when padded sample i has a different sign from sample i-1; prefix sums give frame counts.
        var prefix = new int[n + 1];
        bool prev = Negative(Padded(y, 0, pad));
        prefix[1] = 0;
        for (int i = 1; i < n; i++)
        {
            bool s = Negative(Padded(y, i, pad));
            prefix[i + 1] = prefix[i] + (s != prev ? 1 : 0);
            prev = s;
        }
        var z = new double[frames];
        for (int t = 0; t < frames; t++)
        {
            int start = t * hopLength;
            // pairs (i-1, i) for i in start+1 .. start+frameLength-1
            int count = prefix[start + frameLength] - prefix[start + 1];
            z[t] = (double)count / frameLength;
        }
        return z;
    }

    /// <summary>
    /// Root-mean-square energy per frame: <c>sqrt(mean(y^2))</c> over frames of <paramref name="frameLength"/> samples every
    /// <paramref name="hopLength"/>, the signal zero-padded by frame_length/2 on both sides when centred; 1 + n/hop frames.
    /// librosa: <c>librosa.feature.rms(y=y, frame_length=2048, hop_length=512, center=True, pad_mode="constant")</c>.
    /// </summary>
    public static float[] Rms(ReadOnlySpan<float> y, int frameLength = 2048, int hopLength = 512, bool center = true)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(frameLength);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(hopLength);
        int pad = center ? frameLength / 2 : 0;
        int n = y.Length + 2 * pad;
        if (y.Length == 0 || n < frameLength)
            throw new ArgumentException($"signal of {y.Length} samples is too short for frame_length {frameLength}", nameof(y));
        int frames = 1 + (n - frameLength) / hopLength;
        var rms = new float[frames];
        for (int t = 0; t < frames; t++)
        {
            int a = Math.Clamp(t * hopLength - pad, 0, y.Length);
            int b = Math.Clamp(t * hopLength - pad + frameLength, 0, y.Length);
            double s = 0;
            for (int i = a; i < b; i++) s += (double)(y[i] * y[i]);
            rms[t] = MathF.Sqrt((float)(s / frameLength));
        }
        return rms;
    }

    private static float Padded(ReadOnlySpan<float> y, int i, int pad)
    {
        int j = i - pad;
        if (j < 0) j = 0;
        else if (j >= y.Length) j = y.Length - 1;
        return y[j];
    }

    private static bool Negative(float v) => MathF.Abs(v) > 1e-10f && v < 0;

    private static void CheckRows(FloatMatrix magnitude)
    {
        ArgumentNullException.ThrowIfNull(magnitude);
        if (magnitude.Rows < 2)
            throw new ArgumentException($"a magnitude spectrogram needs at least 2 frequency rows, got {magnitude.Rows}", nameof(magnitude));
    }

    private static (double[] Freq, float[] Norm) Normalised(FloatMatrix magnitude, int sampleRate)
    {
        CheckRows(magnitude);
        int bins = magnitude.Rows, frames = magnitude.Cols;
        var freq = FftFrequencies(sampleRate, 2 * (bins - 1));
        var sum = new double[frames];
        for (int k = 0; k < bins; k++)
        {
            var row = magnitude.Row(k);
            for (int t = 0; t < frames; t++)
            {
                float v = row[t];
                if (v < 0 || float.IsNaN(v))
                    throw new ArgumentException($"magnitude spectrogram has a negative or NaN value {v} at ({k}, {t})", nameof(magnitude));
                sum[t] += v;
            }
        }
        // librosa normalises in float32: S / sum(S) with frames summing below float32 tiny left as they are.
        var inv = new float[frames];
        for (int t = 0; t < frames; t++)
        {
            float s = (float)sum[t];
            inv[t] = s < Chroma.FloatTiny ? 1f : s;
        }
        var norm = new float[bins * frames];
        for (int k = 0; k < bins; k++)
        {
            var row = magnitude.Row(k);
            for (int t = 0; t < frames; t++) norm[k * frames + t] = row[t] / inv[t];
        }
        return (freq, norm);
    }
}
