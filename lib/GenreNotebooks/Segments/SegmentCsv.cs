using System.Globalization;
using System.Text;

namespace GenreNotebooks.Segments;

/// <summary>
/// Writes a track's segments as CSV, one row per segment with the fields of an Echo Nest / Spotify audio-analysis
/// segment: <c>start,duration,loudness_start,loudness_max,loudness_max_time,pitch_0..pitch_11,timbre_0..timbre_11</c>
/// (times in seconds, loudness in dB, pitch_0 = C). Numbers use the invariant culture and round-trip exactly.
/// </summary>
public static class SegmentCsv
{
    /// <summary>The header for <paramref name="timbreComponents"/> timbre columns.</summary>
    public static string Header(int timbreComponents = SegmentTimbre.DefaultComponents)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(timbreComponents);
        var cols = new List<string> { "start", "duration", "loudness_start", "loudness_max", "loudness_max_time" };
        cols.AddRange(Enumerable.Range(0, 12).Select(i => $"pitch_{i}"));
        cols.AddRange(Enumerable.Range(0, timbreComponents).Select(i => $"timbre_{i}"));
        return string.Join(',', cols);
    }

    /// <summary>Writes the header and one row per segment of <paramref name="track"/>, with <paramref name="timbre"/>'s values, shape (segments, k).</summary>
    /// <exception cref="ArgumentException">The timbre matrix has a row count other than the segment count.</exception>
    public static void Write(TextWriter writer, TrackSegments track, FloatMatrix timbre)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(track);
        ArgumentNullException.ThrowIfNull(timbre);
        if (timbre.Rows != track.Count)
            throw new ArgumentException($"{timbre.Rows} timbre rows for {track.Count} segments", nameof(timbre));
        writer.WriteLine(Header(timbre.Cols));
        var line = new StringBuilder();
        for (int i = 0; i < track.Count; i++)
        {
            var s = track.Segments[i];
            line.Clear();
            line.Append(D(s.Start)).Append(',').Append(D(s.Duration)).Append(',').Append(D(s.LoudnessStart)).Append(',')
                .Append(D(s.LoudnessMax)).Append(',').Append(D(s.LoudnessMaxTime));
            foreach (float p in s.Pitch) line.Append(',').Append(F(p));
            foreach (float t in timbre.Row(i)) line.Append(',').Append(F(t));
            writer.WriteLine(line);
        }
    }

    /// <summary>Writes <see cref="Write(TextWriter, TrackSegments, FloatMatrix)"/> to <paramref name="path"/> (creating its folder).</summary>
    public static void Write(string path, TrackSegments track, FloatMatrix timbre)
    {
        ArgumentNullException.ThrowIfNull(path);
        var dir = Path.GetDirectoryName(Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(dir)) Directory.CreateDirectory(dir);
        using var writer = new StreamWriter(path);
        Write(writer, track, timbre);
    }

    private static string D(double v) => v.ToString("R", CultureInfo.InvariantCulture);

    private static string F(float v) => v.ToString("R", CultureInfo.InvariantCulture);
}
