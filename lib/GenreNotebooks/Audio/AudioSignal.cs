namespace GenreNotebooks.Audio;

/// <summary>
/// A mono audio signal: float32 samples (nominally in [-1, 1]) at a sample rate in Hz.
/// The one audio type the library passes around (librosa's <c>y, sr</c> pair).
/// Taught in notebooks/01-from-waveform-to-mel.
/// </summary>
public sealed class AudioSignal
{
    /// <summary>Creates a signal over <paramref name="samples"/> (not copied) at <paramref name="sampleRate"/> Hz.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="samples"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="sampleRate"/> is not positive.</exception>
    public AudioSignal(float[] samples, int sampleRate)
    {
        ArgumentNullException.ThrowIfNull(samples);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(sampleRate);
        Samples = samples;
        SampleRate = sampleRate;
    }

    /// <summary>The samples, shape (n,).</summary>
    public float[] Samples { get; }

    /// <summary>Samples per second.</summary>
    public int SampleRate { get; }

    /// <summary>Number of samples.</summary>
    public int Length => Samples.Length;

    /// <summary>Duration in seconds (<c>Length / SampleRate</c>).</summary>
    public double DurationSeconds => (double)Samples.Length / SampleRate;

    /// <summary>A new signal holding a copy of samples [<paramref name="start"/>, <paramref name="start"/> + <paramref name="length"/>).</summary>
    public AudioSignal Slice(int start, int length)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(start);
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        if (start + (long)length > Samples.Length)
            throw new ArgumentOutOfRangeException(nameof(length), $"slice [{start}, {start + (long)length}) exceeds the signal's {Samples.Length} samples");
        return new AudioSignal(Samples.AsSpan(start, length).ToArray(), SampleRate);
    }

    /// <inheritdoc/>
    public override string ToString() => $"AudioSignal({Length} samples, {SampleRate} Hz, {DurationSeconds:F3} s)";
}
