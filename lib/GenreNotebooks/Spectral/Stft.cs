namespace GenreNotebooks.Spectral;

/// <summary>
/// Short-time Fourier transform and its inverse, as librosa.stft / librosa.istft (0.10.2): frames of
/// <c>NFft</c> samples every <c>HopLength</c> samples, multiplied by the periodic window and transformed with
/// <see cref="RealFft"/> (float64 inside, float32 out). Taught in notebooks/01-from-waveform-to-mel.
/// </summary>
public static class Stft
{
    /// <summary>
    /// The STFT of <paramref name="y"/>, shape (1 + n_fft / 2, <see cref="FrameCount"/>) (librosa
    /// <c>stft(y, n_fft, hop_length, win_length, window, center, pad_mode)</c>).
    /// </summary>
    /// <exception cref="ArgumentException">The signal is empty, or shorter than n_fft without centring.</exception>
    public static ComplexSpectrogram Compute(ReadOnlySpan<float> y, StftOptions? options = null)
    {
        options ??= new StftOptions();
        var computer = new StftFrameComputer(options);
        int frames = FrameCount(y.Length, options);
        int bins = options.Bins;
        var real = new FloatMatrix(bins, frames);
        var imag = new FloatMatrix(bins, frames);
        var re = real.Data;
        var im = imag.Data;
        // Frames are computed in blocks and stored bin-major per block, so each row of the (bins, frames) output
        // receives a short contiguous run instead of one scattered store per frame.
        const int block = 16;
        var blockRe = new float[block * bins];
        var blockIm = new float[block * bins];
        for (int t0 = 0; t0 < frames; t0 += block)
        {
            int count = Math.Min(block, frames - t0);
            for (int b = 0; b < count; b++)
            {
                computer.Compute(y, t0 + b);
                var fr = computer.Real;
                var fi = computer.Imag;
                for (int k = 0; k < bins; k++)
                {
                    blockRe[k * block + b] = (float)fr[k];
                    blockIm[k * block + b] = (float)fi[k];
                }
            }
            for (int k = 0; k < bins; k++)
            {
                blockRe.AsSpan(k * block, count).CopyTo(re.AsSpan(k * frames + t0, count));
                blockIm.AsSpan(k * block, count).CopyTo(im.AsSpan(k * frames + t0, count));
            }
        }
        return new ComplexSpectrogram(real, imag);
    }

    /// <summary>
    /// Number of frames for <paramref name="samples"/> samples: <c>1 + (samples + 2 * (n_fft / 2) - n_fft) / hop</c>
    /// when centred, <c>1 + (samples - n_fft) / hop</c> otherwise.
    /// </summary>
    /// <exception cref="ArgumentException">The signal is too short for one frame.</exception>
    public static int FrameCount(int samples, StftOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        ArgumentOutOfRangeException.ThrowIfNegative(samples);
        if (samples == 0) throw new ArgumentException("cannot compute an STFT of an empty signal", nameof(samples));
        long padded = options.Center ? samples + 2L * (options.NFft / 2) : samples;
        if (padded < options.NFft)
            throw new ArgumentException($"signal of {samples} samples is shorter than n_fft = {options.NFft} (use Center = true or a smaller n_fft)", nameof(samples));
        return checked((int)(1 + (padded - options.NFft) / options.HopLength));
    }

    /// <summary>
    /// Inverse STFT by weighted overlap-add (librosa <c>istft</c>): each frame is inverse-transformed, windowed and
    /// added, then divided by the summed squared window where that sum is not tiny. With <paramref name="length"/>
    /// the result is cut or zero-padded to exactly that many samples.
    /// </summary>
    /// <param name="s">The spectrogram, shape (1 + n_fft / 2, frames).</param>
    /// <param name="options">STFT settings; null means librosa's defaults with n_fft = 2 * (bins - 1).</param>
    /// <param name="length">Output length in samples, or null for <c>hop * (frames - 1)</c> when centred.</param>
    /// <exception cref="ArgumentException">The bin count does not match the options' n_fft.</exception>
    public static float[] Inverse(ComplexSpectrogram s, StftOptions? options = null, int? length = null)
    {
        ArgumentNullException.ThrowIfNull(s);
        options ??= new StftOptions { NFft = 2 * (s.Bins - 1) };
        options.Validate();
        if (options.Bins != s.Bins)
            throw new ArgumentException($"spectrogram has {s.Bins} bins but n_fft = {options.NFft} needs {options.Bins}", nameof(s));
        if (length is < 0) throw new ArgumentOutOfRangeException(nameof(length), length, "length must be non-negative");

        int nFft = options.NFft, hop = options.HopLength, bins = s.Bins;
        int frames = s.Frames;
        if (length is { } len && options.Center)
        {
            long paddedLength = len + 2L * (nFft / 2);
            frames = (int)Math.Min(frames, (paddedLength + hop - 1) / hop);
        }
        var window = options.PaddedWindow();
        long total = nFft + (long)hop * Math.Max(frames - 1, 0);
        var y = new double[total];
        var windowSum = new double[total];
        var plan = RealFft.Plan(nFft);
        var re = new double[bins];
        var im = new double[bins];
        var frame = new double[nFft];
        for (int t = 0; t < frames; t++)
        {
            for (int k = 0; k < bins; k++)
            {
                re[k] = s.Real.Data[k * s.Frames + t];
                im[k] = s.Imag.Data[k * s.Frames + t];
            }
            plan.Inverse(re, im, frame);
            long offset = (long)t * hop;
            for (int i = 0; i < nFft; i++)
            {
                y[offset + i] += frame[i] * window[i];
                windowSum[offset + i] += window[i] * window[i];
            }
        }
        const double tiny = 1.1754943508222875e-38; // float32 tiny, librosa's util.tiny for float32 output
        for (long i = 0; i < total; i++)
            if (windowSum[i] > tiny) y[i] /= windowSum[i];

        long start = options.Center ? nFft / 2 : 0;
        long outLength = length ?? (options.Center ? Math.Max(total - 2L * (nFft / 2), 0) : total);
        var result = new float[outLength];
        for (long i = 0; i < outLength && start + i < total; i++) result[i] = (float)y[start + i];
        return result;
    }
}
