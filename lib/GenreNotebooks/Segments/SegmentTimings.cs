using System.Diagnostics;

namespace GenreNotebooks.Segments;

/// <summary>
/// Where the time of <see cref="SegmentAnalyzer"/> goes, stage by stage, summed over the analyses it was passed to
/// (pass one instance per thread). <c>genre bench segments</c> prints it.
/// </summary>
public sealed class SegmentTimings
{
    /// <summary>STFT, power spectrum and mel projection (one pass over the frames).</summary>
    public TimeSpan Spectrogram { get; private set; }

    /// <summary>Log-mel (<c>power_to_db</c>) and the onset strength envelope.</summary>
    public TimeSpan OnsetStrength { get; private set; }

    /// <summary>Block RMS energy, peak picking, backtracking and the segment boundaries.</summary>
    public TimeSpan PeakPicking { get; private set; }

    /// <summary>Tuning estimate and chromagram.</summary>
    public TimeSpan Chroma { get; private set; }

    /// <summary>Segment means of the log-mel and their DCT (the mean MFCCs).</summary>
    public TimeSpan Mfcc { get; private set; }

    /// <summary>Segment means of the chroma, pitch normalisation, loudness and the segment records.</summary>
    public TimeSpan Aggregation { get; private set; }

    /// <summary>Analyses timed.</summary>
    public int Count { get; private set; }

    /// <summary>The sum of the stages.</summary>
    public TimeSpan Total => Spectrogram + OnsetStrength + PeakPicking + Chroma + Mfcc + Aggregation;

    /// <summary>Sets every stage to zero.</summary>
    public void Reset()
    {
        Spectrogram = OnsetStrength = PeakPicking = Chroma = Mfcc = Aggregation = TimeSpan.Zero;
        Count = 0;
    }

    internal void AddSpectrogram(long since) => Spectrogram += Stopwatch.GetElapsedTime(since);

    internal void AddOnsetStrength(long since) => OnsetStrength += Stopwatch.GetElapsedTime(since);

    internal void AddPeakPicking(long since) => PeakPicking += Stopwatch.GetElapsedTime(since);

    internal void AddChroma(long since) => Chroma += Stopwatch.GetElapsedTime(since);

    internal void AddMfcc(long since) => Mfcc += Stopwatch.GetElapsedTime(since);

    internal void AddAggregation(long since)
    {
        Aggregation += Stopwatch.GetElapsedTime(since);
        Count++;
    }

    /// <inheritdoc/>
    public override string ToString() =>
        $"{Count} analyses: spectrogram {Spectrogram.TotalMilliseconds:F1} ms, onset strength {OnsetStrength.TotalMilliseconds:F1} ms, " +
        $"peak picking {PeakPicking.TotalMilliseconds:F1} ms, chroma {Chroma.TotalMilliseconds:F1} ms, MFCC {Mfcc.TotalMilliseconds:F1} ms, " +
        $"aggregation {Aggregation.TotalMilliseconds:F1} ms";
}
