namespace GenreNotebooks.Spectral;

/// <summary>
/// Mel-frequency cepstral coefficients as librosa.feature.mfcc (0.10.2): the log-power mel spectrogram
/// (<c>power_to_db(melspectrogram(...))</c> with ref 1.0, amin 1e-10, top_db 80) transformed by a DCT over the mel
/// axis, keeping the first n_mfcc coefficients, shape (n_mfcc, frames). Taught in notebooks/01-from-waveform-to-mel.
/// </summary>
public static class Mfcc
{
    /// <summary>MFCCs of <paramref name="y"/>, shape (n_mfcc, frames) (librosa <c>mfcc(y=y, sr=sr, n_mfcc=20, ...)</c>).</summary>
    public static FloatMatrix Compute(ReadOnlySpan<float> y, int sampleRate = 22050, MfccOptions? o = null, MelOptions? mel = null, StftOptions? stft = null)
    {
        o ??= new MfccOptions();
        o.Validate();
        var melPower = MelSpectrogram.Compute(y, sampleRate, mel, stft);
        return FromLogMel(Decibels.PowerToDb(melPower), o);
    }

    /// <summary>MFCCs from a log-mel spectrogram in dB, shape (n_mels, frames) to (n_mfcc, frames) (librosa <c>mfcc(S=logMelDb)</c>).</summary>
    /// <exception cref="ArgumentOutOfRangeException">n_mfcc exceeds the number of mel bands.</exception>
    public static FloatMatrix FromLogMel(FloatMatrix logMelDb, MfccOptions? o = null)
    {
        ArgumentNullException.ThrowIfNull(logMelDb);
        o ??= new MfccOptions();
        o.Validate();
        if (o.NMfcc > logMelDb.Rows)
            throw new ArgumentOutOfRangeException(nameof(o), o.NMfcc, $"n_mfcc = {o.NMfcc} exceeds the {logMelDb.Rows} mel bands");
        var m = Dct.AlongRows(logMelDb, o.NMfcc, o.DctType, o.Norm);
        if (o.Lifter > 0)
        {
            for (int k = 0; k < o.NMfcc; k++)
            {
                double scale = 1.0 + o.Lifter / 2.0 * Math.Sin(Math.PI * (k + 1) / o.Lifter);
                var row = m.Row(k);
                for (int t = 0; t < row.Length; t++) row[t] = (float)(row[t] * scale);
            }
        }
        return m;
    }
}
