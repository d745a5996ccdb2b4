namespace GenreNotebooks.Audio;

/// <summary>
/// Decoded multi-channel audio: one float32 array per channel (all the same length, nominally in [-1, 1]) and the
/// sample rate. Returned by <see cref="WavReader"/>, <see cref="AuReader"/> and <see cref="AudioFile.Read"/>;
/// librosa's <c>load(mono=False)</c> shape (channels, n).
/// </summary>
public sealed class AudioData
{
    /// <summary>Wraps <paramref name="channels"/> (not copied).</summary>
    /// <exception cref="ArgumentException">There are no channels or they differ in length.</exception>
    public AudioData(float[][] channels, int sampleRate)
    {
        ArgumentNullException.ThrowIfNull(channels);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(sampleRate);
        if (channels.Length == 0) throw new ArgumentException("audio needs at least one channel", nameof(channels));
        for (int c = 0; c < channels.Length; c++)
        {
            ArgumentNullException.ThrowIfNull(channels[c], nameof(channels));
            if (channels[c].Length != channels[0].Length)
                throw new ArgumentException($"channel {c} has {channels[c].Length} samples, channel 0 has {channels[0].Length}", nameof(channels));
        }
        Channels = channels;
        SampleRate = sampleRate;
    }

    /// <summary>The samples, one array per channel: shape (channels, n).</summary>
    public float[][] Channels { get; }

    /// <summary>Samples per second.</summary>
    public int SampleRate { get; }

    /// <summary>Number of channels.</summary>
    public int ChannelCount => Channels.Length;

    /// <summary>Samples per channel.</summary>
    public int Length => Channels[0].Length;

    /// <summary>
    /// The mean of the channels as a mono signal (librosa <c>to_mono</c>: float32 sum over channels divided by
    /// their count). A mono file's channel is returned without copying.
    /// </summary>
    public AudioSignal ToMono()
    {
        if (Channels.Length == 1) return new AudioSignal(Channels[0], SampleRate);
        int n = Length;
        var mono = new float[n];
        float count = Channels.Length;
        if (Channels.Length == 2)
        {
            // Stereo, the common case, in SIMD: (left + right) / 2, the same float32 operations as the loop below.
            var left = Channels[0].AsSpan();
            var right = Channels[1].AsSpan();
            int i = 0;
            if (System.Numerics.Vector.IsHardwareAccelerated)
            {
                int width = System.Numerics.Vector<float>.Count;
                var two = new System.Numerics.Vector<float>(2f);
                for (; i <= n - width; i += width)
                    ((new System.Numerics.Vector<float>(left[i..]) + new System.Numerics.Vector<float>(right[i..])) / two).CopyTo(mono.AsSpan(i));
            }
            for (; i < n; i++) mono[i] = (left[i] + right[i]) / 2f;
            return new AudioSignal(mono, SampleRate);
        }
        for (int i = 0; i < n; i++)
        {
            float sum = 0f;
            for (int c = 0; c < Channels.Length; c++) sum += Channels[c][i];
            mono[i] = sum / count;
        }
        return new AudioSignal(mono, SampleRate);
    }

    /// <summary>Every channel resampled to <paramref name="toRate"/> with <see cref="Resampler"/>.</summary>
    public AudioData Resample(int toRate)
    {
        if (toRate == SampleRate) return this;
        var channels = new float[Channels.Length][];
        for (int c = 0; c < channels.Length; c++) channels[c] = Resampler.Resample(Channels[c], SampleRate, toRate);
        return new AudioData(channels, toRate);
    }

    /// <inheritdoc/>
    public override string ToString() => $"AudioData({ChannelCount} channels, {Length} samples, {SampleRate} Hz)";
}
