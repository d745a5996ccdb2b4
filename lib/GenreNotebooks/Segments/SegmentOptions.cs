namespace GenreNotebooks.Segments;

/// <summary>
/// Settings of <see cref="SegmentAnalyzer"/>. The spectral settings are librosa 0.10.2's defaults (n_fft 2048, hop 512,
/// 128 mel bands, 20 MFCCs, chroma with estimated tuning), so the onset envelope, chroma and MFCCs are the ones
/// <c>onset_strength</c>, <c>chroma_stft</c> and <c>mfcc</c> give; the duration bounds keep segments in the range
/// Echo Nest's analyser reports ("typically under a second"): defaults 0.05 s to 1.0 s.
/// </summary>
public sealed record SegmentOptions
{
    /// <summary>FFT size in samples (librosa <c>n_fft</c>). Default 2048.</summary>
    public int NFft { get; init; } = 2048;

    /// <summary>Samples between frames (librosa <c>hop_length</c>); segment boundaries fall on this grid. Default 512 (23.2 ms at 22050 Hz).</summary>
    public int HopLength { get; init; } = 512;

    /// <summary>Mel bands of the log-mel spectrogram behind the onset envelope and the MFCCs (librosa <c>n_mels</c>). Default 128.</summary>
    public int NMels { get; init; } = 128;

    /// <summary>MFCCs averaged per segment: the input of <see cref="SegmentTimbre"/> (librosa <c>n_mfcc</c>). Default 20.</summary>
    public int NMfcc { get; init; } = 20;

    /// <summary>Shortest segment in seconds: boundaries closer than this to the previous one are dropped. Default 0.05.</summary>
    public double MinSeconds { get; init; } = 0.05;

    /// <summary>Longest segment in seconds: longer ones are cut into equal parts on the frame grid. Default 1.0.</summary>
    public double MaxSeconds { get; init; } = 1.0;

    /// <summary>Move onsets back to the preceding minimum of the energy (<c>onset_detect(backtrack=True)</c>). Default true.</summary>
    public bool Backtrack { get; init; } = true;

    /// <summary>Peak-picking windows; null (default) means <see cref="PeakPickOptions.OnsetDefaults"/> for the rate and hop.</summary>
    public PeakPickOptions? PeakPick { get; init; }

    /// <summary>Tuning deviation for the chroma in fractions of a semitone; null (default) estimates it per track as <c>chroma_stft</c> does.</summary>
    public double? Tuning { get; init; }

    /// <summary>
    /// Lowest loudness in dB: block RMS values below <c>10^(floor / 20)</c> read as the floor. Default -60, the bottom of
    /// Echo Nest's loudness range.
    /// </summary>
    public double LoudnessFloorDb { get; init; } = -60.0;

    /// <summary>Checks the settings that do not depend on the sample rate.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A size is not positive, the hop exceeds n_fft, n_mfcc exceeds n_mels, the duration bounds are not positive and ordered, or the loudness floor is not a negative number.</exception>
    public void Validate()
    {
        if (NFft < 2) throw new ArgumentOutOfRangeException(nameof(NFft), NFft, "n_fft must be at least 2");
        if (HopLength <= 0 || HopLength > NFft) throw new ArgumentOutOfRangeException(nameof(HopLength), HopLength, $"hop_length must be in 1..n_fft ({NFft})");
        if (NMels <= 0) throw new ArgumentOutOfRangeException(nameof(NMels), NMels, "n_mels must be positive");
        if (NMfcc <= 0 || NMfcc > NMels) throw new ArgumentOutOfRangeException(nameof(NMfcc), NMfcc, $"n_mfcc must be in 1..n_mels ({NMels})");
        if (!(MinSeconds > 0) || double.IsInfinity(MinSeconds)) throw new ArgumentOutOfRangeException(nameof(MinSeconds), MinSeconds, "the shortest segment must be a positive number of seconds");
        if (!(MaxSeconds > MinSeconds) || double.IsInfinity(MaxSeconds))
            throw new ArgumentOutOfRangeException(nameof(MaxSeconds), MaxSeconds, $"the longest segment must be a number of seconds above the shortest ({MinSeconds})");
        if (Tuning is { } t && !(t >= -0.5 && t <= 0.5)) throw new ArgumentOutOfRangeException(nameof(Tuning), t, "tuning must lie in [-0.5, 0.5] semitones");
        if (!(LoudnessFloorDb < 0) || double.IsInfinity(LoudnessFloorDb)) throw new ArgumentOutOfRangeException(nameof(LoudnessFloorDb), LoudnessFloorDb, "the loudness floor must be a negative number of dB");
        PeakPick?.Validate();
    }

    /// <summary>
    /// Checks the settings for a sample rate: besides <see cref="Validate()"/>, the longest segment must be at least twice
    /// the shortest plus three hops, so cutting a long segment into parts on the frame grid never makes one too short.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The rate is not positive or the bounds are too close for it.</exception>
    public void Validate(int sampleRate)
    {
        Validate();
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(sampleRate);
        double hopSeconds = (double)HopLength / sampleRate;
        if (MaxSeconds < 2 * MinSeconds + 3 * hopSeconds)
            throw new ArgumentOutOfRangeException(nameof(MaxSeconds), MaxSeconds,
                $"the longest segment must be at least 2 x the shortest + 3 hops ({2 * MinSeconds + 3 * hopSeconds:0.###} s at {sampleRate} Hz, hop {HopLength})");
    }

    /// <summary>The peak-picking settings in effect: <see cref="PeakPick"/> or librosa's onset defaults for the rate and hop.</summary>
    public PeakPickOptions EffectivePeakPick(int sampleRate) => PeakPick ?? PeakPickOptions.OnsetDefaults(sampleRate, HopLength);

    /// <summary>Samples a track needs: one shortest segment and one n_fft frame, whichever is longer.</summary>
    public int MinimumSamples(int sampleRate) => Math.Max(NFft, (int)Math.Ceiling(MinSeconds * sampleRate));
}
