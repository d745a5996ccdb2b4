using System.Text.Json.Nodes;
using GenreNotebooks.Segments;

namespace GenreNotebooks.Plots;

public sealed partial class Figure
{
    private static readonly string[] PitchClasses = ["C", "C#", "D", "D#", "E", "F", "F#", "G", "G#", "A", "A#", "B"];

    /// <summary>
    /// A track's timbre as a "pseudo-spectrogram" (the Göttingen paper's Fig. 3): segments on the x axis (their
    /// index, the hover text gives the start time), the timbre components on the y axis (component 1 at the bottom),
    /// each value as a colour on a diverging scale centred on 0. <paramref name="timbre"/> is
    /// <see cref="SegmentTimbre.Transform(TrackSegments)"/>'s (segments, components); the first
    /// <paramref name="maxSegments"/> segments are drawn (the network's 512 by default).
    /// Taught in notebooks/08-timbre-and-pitch-sequences.
    /// </summary>
    /// <exception cref="ArgumentException">The timbre matrix has another number of rows than the track has segments.</exception>
    public static Figure TimbrePseudoSpectrogram(TrackSegments track, FloatMatrix timbre, int maxSegments = SegmentSequences.DefaultLength)
    {
        ArgumentNullException.ThrowIfNull(track);
        ArgumentNullException.ThrowIfNull(timbre);
        if (timbre.Rows != track.Count)
            throw new ArgumentException($"{timbre.Rows} timbre rows for {track.Count} segments", nameof(timbre));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxSegments);
        int n = Math.Min(track.Count, maxSegments), k = timbre.Cols;
        var z = new JsonArray();
        for (int c = 0; c < k; c++) z.Add(Numbers(Enumerable.Range(0, n).Select(i => (double)timbre[i, c])));
        var labels = Enumerable.Range(1, k).Select(c => c.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return SegmentHeatmap(track, n, z, labels, "timbre", "RdBu", "component", $"{track.TrackId}: timbre per segment");
    }

    /// <summary>
    /// A track's pitch vectors as a chroma-like plot (the Göttingen paper's Fig. 4): segments on the x axis, the 12
    /// pitch classes C to B on the y axis (C at the bottom), each segment's values from 0 to 1 (its strongest class is 1).
    /// Taught in notebooks/08-timbre-and-pitch-sequences.
    /// </summary>
    public static Figure PitchChroma(TrackSegments track, int maxSegments = SegmentSequences.DefaultLength)
    {
        ArgumentNullException.ThrowIfNull(track);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxSegments);
        int n = Math.Min(track.Count, maxSegments);
        var z = new JsonArray();
        for (int c = 0; c < 12; c++) z.Add(Numbers(Enumerable.Range(0, n).Select(i => (double)track.Segments[i].Pitch[c])));
        var fig = SegmentHeatmap(track, n, z, PitchClasses, "pitch", "Magma", "pitch class", $"{track.TrackId}: pitch per segment");
        var trace = fig._data[0]!.AsObject();
        trace["zmin"] = 0;
        trace["zmax"] = 1;
        return fig;
    }

    /// <summary>
    /// Timbre above pitch for the same segments, x axes linked (<see cref="TimbrePseudoSpectrogram(TrackSegments, FloatMatrix, int)"/>
    /// and <see cref="PitchChroma"/> in a <see cref="Grid"/>): what the c1m1 and c1m2 networks see of one track, and
    /// together the c2m1 input.
    /// Taught in notebooks/08-timbre-and-pitch-sequences.
    /// </summary>
    public static Figure SegmentFeatures(TrackSegments track, FloatMatrix timbre, int maxSegments = SegmentSequences.DefaultLength)
    {
        var fig = Grid(2, 1, [TimbrePseudoSpectrogram(track, timbre, maxSegments), PitchChroma(track, maxSegments)],
            ["timbre (12 principal components of segment MFCCs)", "pitch (segment chroma, strongest class = 1)"], shareX: true, shareColors: false);
        return fig.WithTitle($"{track.TrackId}{(track.Genre is null ? "" : $" ({track.Genre})")}: {track.Count} segments over {track.Duration:0.#} s");
    }

    private static Figure SegmentHeatmap(TrackSegments track, int n, JsonArray z, IEnumerable<string> rowLabels, string what, string colorscale,
        string yTitle, string title)
    {
        var starts = Enumerable.Range(0, n).Select(i => track.Segments[i].Start).ToArray();
        var hover = new JsonArray();
        for (int r = 0; r < z.Count; r++)
            hover.Add(Strings(starts.Select((s, i) => $"segment {i}, {s:0.00} s")));
        var trace = Trace("heatmap", null, ("z", z), ("x", Numbers(Enumerable.Range(0, n).Select(i => (double)i))), ("y", Strings(rowLabels)),
            ("text", hover), ("hovertemplate", "%{text}<br>%{y}: %{z:.2f}<extra></extra>"),
            ("colorbar", new JsonObject { ["title"] = new JsonObject { ["text"] = what } }));
        SetColorscale(trace, colorscale);
        return new Figure().AddTrace(trace).WithXAxis("segment").WithYAxis(yTitle, type: "category").WithTitle(title);
    }
}
