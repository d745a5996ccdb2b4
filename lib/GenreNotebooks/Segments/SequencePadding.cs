namespace GenreNotebooks.Segments;

/// <summary>
/// How <see cref="SegmentSequences"/> fills a fixed-length sequence when a track has fewer segments than the length.
/// The paper feeds 512 segments and does not say what it did with shorter tracks; a 30-s clip has only about 100-150
/// segments, so for GTZAN this choice matters and the number of padded tracks is reported
/// (<see cref="SegmentSequenceSet.PaddedCount"/>). Taught in notebooks/08-timbre-and-pitch-sequences.
/// </summary>
public enum SequencePadding
{
    /// <summary>
    /// The default: zeros after the last segment, with a mask marking the real ones. A zero timbre is the training
    /// mean and a zero pitch is silence, so padding reads as "nothing happens", and the mask tells a model where the track ends.
    /// </summary>
    Zeros,

    /// <summary>The track's segments repeated from the start until the length is filled (the mask marks the first pass).</summary>
    Repeat,
}
