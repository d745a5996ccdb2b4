namespace GenreNotebooks.Audio;

/// <summary>
/// Sample encodings <see cref="WavWriter"/> can write.
/// </summary>
public enum WavSampleFormat
{
    /// <summary>16-bit signed integer PCM (GTZAN's format), with clipping to [-1, 1).</summary>
    Pcm16,

    /// <summary>32-bit IEEE float, written as is.</summary>
    Float32,
}
