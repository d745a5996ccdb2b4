namespace GenreNotebooks.Spectral;

/// <summary>
/// Mel spectrograms as librosa.feature.melspectrogram (0.10.2): <c>|STFT|^power</c> projected on the mel
/// filterbank, shape (n_mels, frames). The projection accumulates in float64 over each filter's non-zero range.
/// Taught in notebooks/01-from-waveform-to-mel.
/// </summary>
public static class MelSpectrogram
{
    /// <summary>
    /// The mel spectrogram of <paramref name="y"/>, shape (n_mels, frames). <paramref name="sampleRate"/> and the STFT's
    /// n_fft take precedence over <see cref="MelOptions.SampleRate"/> and <see cref="MelOptions.NFft"/>, as librosa
    /// passes <c>sr</c> and <c>n_fft</c> to the filterbank. librosa:
    /// <c>melspectrogram(y=y, sr=sr, n_fft=, hop_length=, window=, center=, pad_mode=, power=2.0, n_mels=, fmin=, fmax=, htk=, norm=)</c>.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="power"/> is not positive, or an option is invalid.</exception>
    public static FloatMatrix Compute(ReadOnlySpan<float> y, int sampleRate = 22050, MelOptions? mel = null, StftOptions? stft = null, float power = 2f)
    {
        if (!(power > 0) || float.IsInfinity(power)) throw new ArgumentOutOfRangeException(nameof(power), power, "power must be positive");
        stft ??= new StftOptions();
        mel = (mel ?? new MelOptions()) with { SampleRate = sampleRate, NFft = stft.NFft };
        var bank = MelFilterbank.CreateSparse(mel);
        var computer = new StftFrameComputer(stft);
        int frames = Stft.FrameCount(y.Length, stft);
        int bins = stft.Bins;
        int bands = bank.Bands;
        var result = new FloatMatrix(bands, frames);
        var data = result.Data;
        var spectrum = new double[bins];
        var projected = new double[bands];
        for (int t = 0; t < frames; t++)
        {
            computer.Compute(y, t);
            var re = computer.Real;
            var im = computer.Imag;
            if (power == 2f)
                for (int k = 0; k < bins; k++) spectrum[k] = re[k] * re[k] + im[k] * im[k];
            else
                for (int k = 0; k < bins; k++) spectrum[k] = Spectrogram.PowerOf(re[k] * re[k] + im[k] * im[k], power);
            bank.Project(spectrum, projected);
            for (int m = 0, idx = t; m < bands; m++, idx += frames) data[idx] = (float)projected[m];
        }
        return result;
    }

    /// <summary>
    /// Projects an existing (power) spectrogram, shape (1 + n_fft / 2, frames), onto the mel filterbank:
    /// result (n_mels, frames) (librosa <c>melspectrogram(S=S, ...)</c>).
    /// </summary>
    /// <exception cref="ArgumentException">The spectrogram's bin count is not <c>1 + mel.NFft / 2</c>.</exception>
    public static FloatMatrix FromPower(FloatMatrix powerSpectrogram, MelOptions mel)
    {
        ArgumentNullException.ThrowIfNull(powerSpectrogram);
        ArgumentNullException.ThrowIfNull(mel);
        var bank = MelFilterbank.CreateSparse(mel);
        if (powerSpectrogram.Rows != bank.Bins)
            throw new ArgumentException($"spectrogram has {powerSpectrogram.Rows} bins, n_fft = {mel.NFft} needs {bank.Bins}", nameof(powerSpectrogram));
        int frames = powerSpectrogram.Cols;
        var result = new FloatMatrix(bank.Bands, frames);
        var src = powerSpectrogram.Data;
        var acc = new double[frames];
        for (int m = 0; m < bank.Bands; m++)
        {
            Array.Clear(acc);
            var w = bank.Weights[m];
            for (int i = 0; i < w.Length; i++)
            {
                double weight = w[i];
                var row = src.AsSpan((bank.Start[m] + i) * frames, frames);
                for (int t = 0; t < frames; t++) acc[t] += weight * row[t];
            }
            var dst = result.Row(m);
            for (int t = 0; t < frames; t++) dst[t] = (float)acc[t];
        }
        return result;
    }
}
