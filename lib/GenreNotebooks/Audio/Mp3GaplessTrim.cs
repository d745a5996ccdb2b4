namespace GenreNotebooks.Audio;

/// <summary>
/// Which decoded MP3 samples ffmpeg keeps, in its own terms (libavformat's start_skip_samples, first_discard_sample
/// and last_discard_sample; libavcodec's skip and discard-padding side data). Sample indices count the raw decoder
/// output from the first audio frame. The first <see cref="StartSkip"/> samples are dropped; a frame covering
/// [s, e) with e &gt;= <see cref="FirstDiscard"/> and s &lt; <see cref="LastDiscard"/> loses its last
/// min(e - FirstDiscard, frame length) samples, counted after the start skip and only when that many remain; frames
/// past <see cref="LastDiscard"/> (more frames than the tag counted) are kept whole.
/// </summary>
internal readonly record struct Mp3GaplessTrim(long StartSkip, long FirstDiscard, long LastDiscard)
{
    /// <summary>Nothing trimmed: every decoded sample is kept (files without a LAME/Lavc/Lavf tag).</summary>
    public static Mp3GaplessTrim None => new(0, 0, 0);

    /// <summary>
    /// The kept part [<paramref name="keepFrom"/>, <paramref name="keepFrom"/> + <paramref name="keepCount"/>) of the
    /// frame that starts at raw sample <paramref name="frameStart"/> with <paramref name="frameLength"/> samples;
    /// <paramref name="skipLeft"/> carries the start skip not yet used across frames.
    /// </summary>
    public void Apply(long frameStart, int frameLength, ref long skipLeft, out int keepFrom, out int keepCount)
    {
        long frameEnd = frameStart + frameLength;
        int discard = 0;
        if (FirstDiscard != 0 && frameEnd >= FirstDiscard && frameStart < LastDiscard)
            discard = (int)Math.Min(frameEnd - FirstDiscard, frameLength);
        if (skipLeft >= frameLength)
        {
            skipLeft -= frameLength;
            keepFrom = 0;
            keepCount = 0;
            return;
        }
        keepFrom = (int)skipLeft;
        skipLeft = 0;
        keepCount = frameLength - keepFrom;
        if (discard > 0 && discard <= keepCount) keepCount -= discard;
    }
}
