namespace GenreNotebooks.Segments;

/// <summary>
/// Turns onset frames into segment boundaries whose durations stay within bounds. Segment k covers the samples
/// <c>[start[k] * hop, start[k + 1] * hop)</c>, the last one ends at the end of the track; the first starts at frame 0.
/// <list type="number">
/// <item>Candidates: frame 0 and every onset frame that starts inside the track, ascending, without repeats.</item>
/// <item>Merge, greedily from the left: a candidate closer than the shortest duration to the last kept boundary is
/// dropped, so the too-short piece joins the segment before it (as peak picking's <c>wait</c>, the earlier onset of a
/// close pair wins).</item>
/// <item>Tail: while the last segment is shorter than the shortest duration, its start is dropped (it joins the one before).</item>
/// <item>Split: a segment longer than the longest duration is cut into <c>p = ceil(length / (max - hop))</c> nearly equal
/// parts at the nearest frames, so every part is at most the longest duration and (with
/// <see cref="SegmentOptions.Validate(int)"/>'s rule max &gt;= 2 min + 3 hops) at least the shortest.</item>
/// </list>
/// A track at least as long as the shortest duration therefore has every segment within [min, max] seconds and the
/// segments tile it exactly.
/// </summary>
public static class SegmentBoundaries
{
    /// <summary>
    /// The start frames of the segments of a track of <paramref name="samples"/> samples, ascending, first 0.
    /// <paramref name="onsetFrames"/> may be unsorted and hold repeats or frames past the end (those are ignored).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">A size or rate is not positive, the bounds are not ordered, or the track is shorter than the shortest segment.</exception>
    public static int[] FromOnsets(IReadOnlyList<int> onsetFrames, int samples, int sampleRate, int hopLength, double minSeconds, double maxSeconds)
    {
        ArgumentNullException.ThrowIfNull(onsetFrames);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(sampleRate);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(hopLength);
        if (!(minSeconds > 0) || !(maxSeconds > minSeconds))
            throw new ArgumentOutOfRangeException(nameof(maxSeconds), maxSeconds, $"need 0 < min ({minSeconds}) < max ({maxSeconds}) seconds");
        double minSamples = minSeconds * sampleRate, maxSamples = maxSeconds * sampleRate;
        if (samples < minSamples)
            throw new ArgumentOutOfRangeException(nameof(samples), samples, $"a track of {samples} samples is shorter than the shortest segment ({minSeconds} s = {Math.Ceiling(minSamples)} samples)");
        if (maxSamples - hopLength <= 0)
            throw new ArgumentOutOfRangeException(nameof(maxSeconds), maxSeconds, $"the longest segment must be longer than one hop ({hopLength} samples)");

        // 1) Candidates inside the track.
        var candidates = new SortedSet<int> { 0 };
        foreach (int f in onsetFrames)
            if (f > 0 && (long)f * hopLength < samples) candidates.Add(f);

        // 2) Greedy merge from the left.
        var kept = new List<int>();
        foreach (int f in candidates)
            if (kept.Count == 0 || (double)(f - kept[^1]) * hopLength >= minSamples) kept.Add(f);

        // 3) A too-short tail joins the segment before it.
        while (kept.Count > 1 && samples - (double)kept[^1] * hopLength < minSamples) kept.RemoveAt(kept.Count - 1);

        // 4) Split long segments into equal parts on the frame grid.
        var result = new List<int>(kept.Count);
        for (int k = 0; k < kept.Count; k++)
        {
            long start = (long)kept[k] * hopLength;
            long end = k + 1 < kept.Count ? (long)kept[k + 1] * hopLength : samples;
            result.Add(kept[k]);
            double length = end - start;
            if (length <= maxSamples) continue;
            int parts = (int)Math.Ceiling(length / (maxSamples - hopLength));
            for (int j = 1; j < parts; j++)
                result.Add(kept[k] + (int)Math.Round(j * length / parts / hopLength, MidpointRounding.AwayFromZero));
        }
        return result.ToArray();
    }

    /// <summary>The (start, end) sample range of segment <paramref name="k"/> given start frames and the track length.</summary>
    public static (long Start, long End) SampleRange(IReadOnlyList<int> startFrames, int k, int samples, int hopLength)
    {
        ArgumentNullException.ThrowIfNull(startFrames);
        long start = (long)startFrames[k] * hopLength;
        long end = k + 1 < startFrames.Count ? (long)startFrames[k + 1] * hopLength : samples;
        return (start, end);
    }
}
