namespace GenreNotebooks.Segments;

/// <summary>
/// A segment analysis with its intermediate steps, for figures: the onset envelope with the picked and backtracked
/// onsets, the energy the onsets were moved back on, the segment boundaries, and the per-frame log-mel and chroma the
/// segment means come from. Frame t is centred on sample <c>t * HopLength</c>.
/// </summary>
/// <param name="Segments">The segments (what <see cref="SegmentAnalyzer.Analyze(ReadOnlySpan{float}, int, SegmentOptions?, string, string?, SegmentTimings?)"/> returns).</param>
/// <param name="OnsetEnvelope">Onset strength per frame (<c>librosa.onset.onset_strength</c>), shape (frames,).</param>
/// <param name="Onsets">Peak-picked onset frames before backtracking, ascending.</param>
/// <param name="Backtracked">The onsets after backtracking (equal to <paramref name="Onsets"/> without it).</param>
/// <param name="Energy">The backtracking energy per frame: the RMS of the hop-length block just before the frame's time, shape (frames,).</param>
/// <param name="Boundaries">Segment start frames after merging and splitting, ascending, first 0.</param>
/// <param name="LogMel">Log-mel spectrogram in dB (<c>power_to_db(melspectrogram(y))</c>), shape (n_mels, frames).</param>
/// <param name="Chroma">Chromagram (<c>chroma_stft</c>, each frame divided by its maximum), shape (12, frames).</param>
/// <param name="Tuning">The tuning used for the chroma, in fractions of a semitone.</param>
/// <param name="HopLength">Samples between frames.</param>
public sealed record SegmentAnalysis(TrackSegments Segments, float[] OnsetEnvelope, int[] Onsets, int[] Backtracked, float[] Energy,
    int[] Boundaries, FloatMatrix LogMel, FloatMatrix Chroma, double Tuning, int HopLength)
{
    /// <summary>The time in seconds of frame <paramref name="frame"/> (<c>librosa.frames_to_time</c>).</summary>
    public double FrameTime(int frame) => (double)frame * HopLength / Segments.SampleRate;
}
