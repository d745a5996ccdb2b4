namespace GenreNotebooks.Spectral;

/// <summary>
/// Spectral-flux onset strength envelope, as librosa 0.10.2's <c>librosa.onset.onset_strength</c> with its defaults:
/// from a log-power mel spectrogram (128 bands, <c>power_to_db</c> with ref 1.0, amin 1e-10, top_db 80), take per band
/// the increase from the previous frame (lag 1, no maximum filter: max_size 1), keep positive parts, aggregate over bands
/// (mean by default, median for beat tracking), then shift right by lag + n_fft/(2 hop) = 3 frames (zero-filled) so
/// that an onset lines up with the centred STFT frame, and trim to the spectrogram's frame count.
/// </summary>
public static class OnsetStrength
{
    /// <summary>
    /// Onset strength per frame (length = frames of <paramref name="melDb"/>) of a log-power mel spectrogram
    /// <paramref name="melDb"/> (shape (n_mels, frames), in dB, as <c>power_to_db(melspectrogram(y))</c>).
    /// librosa: <c>librosa.onset.onset_strength(S=melDb, lag=1, max_size=1, aggregate=...)</c> with the centring shift of
    /// <c>onset_strength(y=y, ...)</c>, which <paramref name="nFft"/> and <paramref name="hopLength"/> determine.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="lag"/> is below 1.</exception>
    public static float[] FromMelDb(FloatMatrix melDb, OnsetAggregate aggregate = OnsetAggregate.Mean, int lag = 1,
        int nFft = 2048, int hopLength = 512, bool center = true)
    {
        ArgumentNullException.ThrowIfNull(melDb);
        ArgumentOutOfRangeException.ThrowIfLessThan(lag, 1);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(hopLength);
        int bands = melDb.Rows, frames = melDb.Cols;
        var env = new float[frames];
        if (bands == 0) return env;
        int shift = lag + (center ? nFft / (2 * hopLength) : 0);
        var diff = new float[bands];
        var data = melDb.Data;
        for (int i = shift; i < frames; i++)
        {
            // out[i] = aggregate over bands of max(0, S[:, j] - S[:, j - lag]) with j = i - shift + lag.
            int j = i - shift + lag;
            if (j >= frames) break;
            if (aggregate == OnsetAggregate.Mean)
            {
                double s = 0;
                for (int b = 0; b < bands; b++)
                {
                    float d = data[b * frames + j] - data[b * frames + j - lag];
                    s += d > 0 ? d : 0f;
                }
                env[i] = (float)(s / bands);
            }
            else
            {
                for (int b = 0; b < bands; b++)
                {
                    float d = data[b * frames + j] - data[b * frames + j - lag];
                    diff[b] = d > 0 ? d : 0f;
                }
                env[i] = Median(diff);
            }
        }
        return env;
    }

    private static float Median(float[] values)
    {
        Array.Sort(values);
        int n = values.Length;
        return n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2f;
    }
}
