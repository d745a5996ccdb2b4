namespace GenreNotebooks.Segments;

/// <summary>
/// One segment of a track, with the fields of an Echo Nest / Spotify audio-analysis segment computed from audio (see
/// <see cref="SegmentAnalyzer"/> for how each is defined and how it differs from Echo Nest's):
/// </summary>
/// <param name="Start">Start time in seconds (a multiple of the hop, the first segment starts at 0).</param>
/// <param name="Duration">Duration in seconds; consecutive segments tile the track.</param>
/// <param name="LoudnessStart">Loudness (dB, RMS relative to full scale, floored) of the segment's first 23-ms block.</param>
/// <param name="LoudnessMax">Loudness (dB) of the segment's loudest block.</param>
/// <param name="LoudnessMaxTime">Offset in seconds from <paramref name="Start"/> to the start of the loudest block.</param>
/// <param name="Pitch">12 values, C to B: the segment's mean chroma divided by its maximum (the strongest class is 1; all 0 for a silent segment).</param>
/// <param name="Mfcc">The segment's mean MFCCs (n_mfcc values, c0 first): what <see cref="SegmentTimbre"/> projects to timbre.</param>
public sealed record Segment(double Start, double Duration, double LoudnessStart, double LoudnessMax, double LoudnessMaxTime,
    float[] Pitch, float[] Mfcc)
{
    /// <summary>End time in seconds, <c>Start + Duration</c>.</summary>
    public double End => Start + Duration;
}
