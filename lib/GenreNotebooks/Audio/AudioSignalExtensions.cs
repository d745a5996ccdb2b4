namespace GenreNotebooks.Audio;

/// <summary>Extension methods on <see cref="AudioSignal"/>.</summary>
public static class AudioSignalExtensions
{
    /// <summary>
    /// The signal resampled to <paramref name="toRate"/> Hz with <see cref="Resampler.Resample"/>
    /// (librosa <c>resample(y, orig_sr=, target_sr=)</c>); the same instance when the rate already matches.
    /// </summary>
    public static AudioSignal Resample(this AudioSignal s, int toRate)
    {
        ArgumentNullException.ThrowIfNull(s);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(toRate);
        if (toRate == s.SampleRate) return s;
        return new AudioSignal(Resampler.Resample(s.Samples, s.SampleRate, toRate), toRate);
    }
}
