namespace GenreNotebooks.Segments;

/// <summary>
/// Onset detection on an onset strength envelope, as librosa 0.10.2's <c>librosa.onset.onset_detect</c> and
/// <c>librosa.onset.onset_backtrack</c>:
/// <list type="number">
/// <item>normalise the envelope to [0, 1]: subtract its minimum, divide by its maximum plus the float32 tiny value
/// (<c>normalize=True</c>);</item>
/// <item>an envelope that is all zero or not finite has no onsets;</item>
/// <item>pick its peaks with <see cref="PeakPick"/> and <see cref="PeakPickOptions.OnsetDefaults"/>;</item>
/// <item>optionally move each onset back to the nearest preceding local minimum of an energy curve
/// (<c>backtrack=True, energy=...</c>), which is where a segment should be cut: before the attack, not at its
/// steepest point.</item>
/// </list>
/// The envelope comes from <see cref="GenreNotebooks.Spectral.OnsetStrength"/> (spectral flux of the log-mel spectrogram).
/// No librosa is available to the tests, so this is tested by its properties and by hand-worked cases, not against
/// reference vectors.
/// </summary>
public static class OnsetDetection
{
    /// <summary>numpy's <c>np.finfo(np.float32).tiny</c>: librosa's guard against dividing by a zero maximum.</summary>
    private const float FloatTiny = 1.17549435E-38f;

    /// <summary>
    /// Onset frames of <paramref name="onsetEnvelope"/> (one value per frame), ascending, without backtracking:
    /// <c>librosa.onset.onset_detect(onset_envelope=env, sr=sr, hop_length=hop)</c>, or with <paramref name="options"/>
    /// as its peak-picking keyword arguments.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The rate or hop is not positive, or an option is out of range.</exception>
    public static int[] Detect(ReadOnlySpan<float> onsetEnvelope, int sampleRate = 22050, int hopLength = 512, PeakPickOptions? options = null)
    {
        options ??= PeakPickOptions.OnsetDefaults(sampleRate, hopLength);
        var normalised = Normalize(onsetEnvelope);
        if (normalised is null) return [];
        return PeakPick.Pick(normalised, options);
    }

    /// <summary>
    /// Onset frames moved back to the preceding energy minimum:
    /// <c>onset_detect(onset_envelope=env, sr=sr, hop_length=hop, backtrack=True, energy=energy)</c>.
    /// <paramref name="energy"/> has one value per frame, like the envelope. The result is ascending; two onsets can
    /// share one minimum, so it may hold repeated frames (as librosa's does).
    /// </summary>
    /// <exception cref="ArgumentException">The energy is shorter than the envelope.</exception>
    public static int[] Detect(ReadOnlySpan<float> onsetEnvelope, ReadOnlySpan<float> energy, int sampleRate = 22050, int hopLength = 512,
        PeakPickOptions? options = null)
    {
        if (energy.Length < onsetEnvelope.Length)
            throw new ArgumentException($"energy has {energy.Length} frames, the onset envelope {onsetEnvelope.Length}", nameof(energy));
        var onsets = Detect(onsetEnvelope, sampleRate, hopLength, options);
        return onsets.Length == 0 ? onsets : Backtrack(onsets, energy);
    }

    /// <summary>
    /// The envelope shifted and scaled to [0, 1] (<c>(env - min) / (max(env - min) + tiny)</c>), or null when it is
    /// empty, all zero after the shift, or holds a value that is not finite (onset_detect then reports no onsets).
    /// </summary>
    public static float[]? Normalize(ReadOnlySpan<float> onsetEnvelope)
    {
        if (onsetEnvelope.Length == 0) return null;
        float min = float.PositiveInfinity;
        foreach (float v in onsetEnvelope)
        {
            if (!float.IsFinite(v)) return null;
            if (v < min) min = v;
        }
        var result = new float[onsetEnvelope.Length];
        float max = 0f;
        for (int i = 0; i < result.Length; i++)
        {
            result[i] = onsetEnvelope[i] - min;
            if (result[i] > max) max = result[i];
        }
        if (max == 0f) return null;
        float div = max + FloatTiny;
        for (int i = 0; i < result.Length; i++) result[i] /= div;
        return result;
    }

    /// <summary>
    /// Each event frame moved to the nearest local minimum of <paramref name="energy"/> at or before it
    /// (<c>librosa.onset.onset_backtrack(events, energy)</c>): the minima are the frames i with
    /// <c>energy[i] &lt;= energy[i-1]</c> and <c>energy[i] &lt; energy[i+1]</c>, plus frame 0; an event that is itself
    /// a minimum stays. Order is kept.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">An event is negative.</exception>
    public static int[] Backtrack(IReadOnlyList<int> events, ReadOnlySpan<float> energy)
    {
        ArgumentNullException.ThrowIfNull(events);
        var minima = new List<int> { 0 };
        for (int i = 1; i + 1 < energy.Length; i++)
            if (energy[i] <= energy[i - 1] && energy[i] < energy[i + 1]) minima.Add(i);
        var result = new int[events.Count];
        for (int e = 0; e < events.Count; e++)
        {
            int frame = events[e];
            if (frame < 0) throw new ArgumentOutOfRangeException(nameof(events), frame, "event frames must be non-negative");
            // The largest minimum <= frame (librosa's match_events with right=False).
            int idx = minima.BinarySearch(frame);
            result[e] = idx >= 0 ? minima[idx] : minima[~idx - 1];
        }
        return result;
    }
}
