using System.Text.Json.Nodes;
using GenreNotebooks.Evaluation;

namespace GenreNotebooks.Plots;

public sealed partial class Figure
{
    /// <summary>
    /// A song's genre over time: on the left a heatmap of the clip probabilities (one row per genre, one column per
    /// clip at its start time in seconds, colours from 0 to 1), on the right the mean of the clips per genre as
    /// horizontal bars on the same genre rows (BU's whole-song bar chart, Figs. 20-21), the predicted genre's bar
    /// highlighted. Where a song changes character the heatmap's bright cell moves to another row.
    /// Taught in notebooks/07-whole-songs-and-remixes.
    /// </summary>
    /// <param name="timeline">The clip probabilities of one song.</param>
    /// <param name="title">Figure title; null: the song's id and its predicted genre.</param>
    public static Figure GenreOverTime(SongTimeline timeline, string? title = null)
    {
        ArgumentNullException.ThrowIfNull(timeline);
        var genres = timeline.Genres.ToArray();
        int clips = timeline.ClipCount;

        // Heatmap: genres x clips (the transpose of the timeline's clips x genres).
        var z = new JsonArray();
        for (int g = 0; g < genres.Length; g++)
            z.Add(Numbers(Enumerable.Range(0, clips).Select(c => timeline.Probabilities[c, g])));
        var heat = Trace("heatmap", "clip probability",
            ("z", z), ("x", Numbers(timeline.StartSeconds)), ("y", Strings(genres)),
            ("zmin", 0), ("zmax", 1), ("xaxis", "x"), ("yaxis", "y"),
            ("hovertemplate", "%{y} at %{x:.1f} s: %{z:.2f}<extra></extra>"));
        SetColorscale(heat, "Viridis");
        heat["colorbar"] = new JsonObject
        {
            ["title"] = new JsonObject { ["text"] = "p" }, ["x"] = 0.635, ["xanchor"] = "left", ["thickness"] = 12, ["len"] = 1,
        };

        // Bars: the mean per genre, on the same genre rows.
        var mean = timeline.Mean;
        int best = timeline.Song.PredictedByMean;
        var bars = Trace("bar", "mean of the clips",
            ("orientation", "h"), ("x", Numbers(mean)), ("y", Strings(genres)), ("xaxis", "x2"), ("yaxis", "y2"),
            ("marker", new JsonObject { ["color"] = Strings(genres.Select((_, k) => k == best ? "#d62728" : "#1f77b4")) }),
            ("text", Strings(mean.Select(p => p.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture)))),
            ("textposition", "outside"), ("hovertemplate", "%{y}: %{x:.3f}<extra></extra>"));

        var fig = new Figure().AddTrace(heat).AddTrace(bars);
        double step = clips > 1 ? timeline.StartSeconds[1] - timeline.StartSeconds[0] : timeline.ClipSeconds;
        fig._layout["xaxis"] = new JsonObject
        {
            ["domain"] = new JsonArray(0, 0.62), ["anchor"] = "y", ["automargin"] = true,
            ["title"] = new JsonObject { ["text"] = $"clip start (s); clips of {timeline.ClipSeconds:0.##} s every {step:0.##} s" },
        };
        fig._layout["yaxis"] = new JsonObject { ["anchor"] = "x", ["type"] = "category", ["autorange"] = "reversed", ["automargin"] = true };
        fig._layout["xaxis2"] = new JsonObject
        {
            ["domain"] = new JsonArray(0.74, 1), ["anchor"] = "y2", ["range"] = new JsonArray(0, 1.15), ["automargin"] = true,
            ["title"] = new JsonObject { ["text"] = "mean probability" },
        };
        fig._layout["yaxis2"] = new JsonObject { ["anchor"] = "x2", ["matches"] = "y", ["showticklabels"] = false, ["type"] = "category" };
        fig._layout["showlegend"] = false;
        fig._layout["height"] = Math.Max(320, 60 + 28 * genres.Length);
        var verdict = $"{genres[best]} ({mean[best]:P0})";
        if (timeline.Song.PredictedByVote != best) verdict += $", majority vote {genres[timeline.Song.PredictedByVote]}";
        return fig.WithTitle(title ?? $"{timeline.Id}: {verdict}");
    }
}
