using System.Text.Json.Nodes;

namespace GenreNotebooks.Plots;

public sealed partial class Figure
{
    /// <summary>Horizontal gap between subplots, as a fraction of the figure's width: tick labels and a title.</summary>
    private const double GapX = 0.06;

    /// <summary>
    /// Horizontal gap after a subplot that carries its own colour bar: the bar (12 px), its tick labels and title, then
    /// the next subplot's tick labels and axis title, about 130 px of a 1000-px page.
    /// </summary>
    private const double GapXWithColorBar = 0.15;

    /// <summary>Vertical gap between subplot rows: the x tick labels and title of the upper row, the title of the lower.</summary>
    private const double GapY = 0.09;

    /// <summary>
    /// Arranges figures in a grid of <paramref name="rows"/> by <paramref name="cols"/> subplots, filled row by row
    /// (plotly.subplots.make_subplots). Each subplot keeps its traces and axis titles/types; its title (or the
    /// matching entry of <paramref name="titles"/>) is written above it. <paramref name="shareX"/> /
    /// <paramref name="shareY"/> link the axes so zooming one zooms all, and then only the outer subplots label the
    /// shared axis (the left column its y axis, the bottom of each column its x axis).
    /// <para>
    /// Heatmaps get colour bars that never cover a neighbouring subplot. When every heatmap shows the same quantity (the
    /// same colour-bar title and colorscale, e.g. two spectrograms in dB) they share one colour axis (plotly
    /// <c>layout.coloraxis</c>): one range over all of them, so equal colours mean equal values, and one colour bar at
    /// the right. Otherwise (<paramref name="shareColors"/> false, or different quantities) each heatmap keeps its own
    /// bar at the right edge of its subplot and the columns are spaced apart to make room for it.
    /// <paramref name="shareColors"/> null (the default) decides by comparing the heatmaps; true forces one colour axis.
    /// </para>
    /// Taught in notebooks/01-from-waveform-to-mel.
    /// </summary>
    /// <exception cref="ArgumentException">More figures than cells, or no figure.</exception>
    public static Figure Grid(int rows, int cols, IEnumerable<Figure> figures, IEnumerable<string>? titles = null,
        bool shareX = false, bool shareY = false, bool? shareColors = null)
    {
        if (rows <= 0) throw new ArgumentOutOfRangeException(nameof(rows), rows, "Rows must be positive.");
        if (cols <= 0) throw new ArgumentOutOfRangeException(nameof(cols), cols, "Columns must be positive.");
        var figs = figures.ToList();
        if (figs.Count == 0) throw new ArgumentException("A grid needs at least one figure.", nameof(figures));
        if (figs.Count > rows * cols) throw new ArgumentException($"{figs.Count} figures do not fit a {rows}x{cols} grid.", nameof(figures));
        var names = titles?.ToList() ?? [];

        var heatmaps = figs.SelectMany(f => f._data).OfType<JsonObject>().Where(IsHeatmap).ToList();
        bool oneColorAxis = heatmaps.Count > 0 && (shareColors ?? (heatmaps.Count > 1 && heatmaps.All(h => SameColors(h, heatmaps[0]))));

        // A column whose subplots carry their own colour bar needs a wider gap on its right.
        var barAfterColumn = new bool[cols];
        if (!oneColorAxis)
            for (int k = 0; k < figs.Count; k++)
                if (figs[k]._data.OfType<JsonObject>().Any(IsHeatmap)) barAfterColumn[k % cols] = true;
        var (left, right) = ColumnDomains(cols, barAfterColumn);

        var grid = new Figure();
        var notes = new JsonArray();
        for (int k = 0; k < figs.Count; k++)
        {
            int r = k / cols, c = k % cols;
            string suffix = k == 0 ? "" : (k + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
            double x0 = left[c], x1 = right[c];
            double y1 = 1 - (double)r / rows - (r > 0 ? GapY / 2 : 0), y0 = 1 - (double)(r + 1) / rows + (r < rows - 1 ? GapY / 2 : 0);

            var sub = figs[k];
            foreach (var t in sub._data)
            {
                var trace = t!.DeepClone().AsObject();
                trace["xaxis"] = "x" + suffix;
                trace["yaxis"] = "y" + suffix;
                if (IsHeatmap(trace))
                {
                    if (oneColorAxis) MoveToColorAxis(trace);
                    else
                    {
                        if (trace["colorbar"] is not JsonObject bar) trace["colorbar"] = bar = new JsonObject();
                        bar["x"] = x1 + 0.01;
                        bar["xanchor"] = "left";
                        bar["y"] = (y0 + y1) / 2;
                        bar["yanchor"] = "middle";
                        bar["len"] = y1 - y0;
                        bar["thickness"] = 12;
                    }
                }
                grid._data.Add(trace);
            }
            var xAxis = (sub._layout["xaxis"] as JsonObject)?.DeepClone().AsObject() ?? new JsonObject();
            var yAxis = (sub._layout["yaxis"] as JsonObject)?.DeepClone().AsObject() ?? new JsonObject();
            xAxis["domain"] = new JsonArray(x0, x1);
            xAxis["anchor"] = "y" + suffix;
            yAxis["domain"] = new JsonArray(y0, y1);
            yAxis["anchor"] = "x" + suffix;
            if (k > 0 && shareX) xAxis["matches"] = "x";
            if (k > 0 && shareY) yAxis["matches"] = "y";
            // A shared axis is labelled once: its ticks and title would repeat in every column (row) and crowd the gaps.
            if (shareY && c > 0) Unlabel(yAxis);
            if (shareX && k + cols < figs.Count) Unlabel(xAxis);
            grid._layout["xaxis" + suffix] = xAxis;
            grid._layout["yaxis" + suffix] = yAxis;

            var title = k < names.Count ? names[k] : (sub._layout["title"]?["text"] as JsonValue)?.GetValue<string>();
            if (title is not null)
                notes.Add(new JsonObject
                {
                    ["text"] = title, ["x"] = (x0 + x1) / 2, ["y"] = y1, ["xref"] = "paper", ["yref"] = "paper",
                    ["xanchor"] = "center", ["yanchor"] = "bottom", ["showarrow"] = false,
                    ["font"] = new JsonObject { ["size"] = 14 },
                });
        }
        if (oneColorAxis) grid._layout["coloraxis"] = SharedColorAxis(heatmaps);
        if (notes.Count > 0) grid._layout["annotations"] = notes;
        grid._layout["height"] = Math.Max(320, 300 * rows);
        grid._layout["showlegend"] = grid._data.Any(t => t?["name"] is not null);
        return grid;
    }

    /// <summary>
    /// The left and right edge of each column's domain: equal widths, <see cref="GapX"/> between columns, or
    /// <see cref="GapXWithColorBar"/> after a column with its own colour bars.
    /// </summary>
    private static (double[] Left, double[] Right) ColumnDomains(int cols, bool[] barAfterColumn)
    {
        var gaps = Enumerable.Range(0, cols - 1).Select(c => barAfterColumn[c] ? GapXWithColorBar : GapX).ToArray();
        // The last column's bar sits in the right margin, which plotly widens for it (as for a single heatmap).
        double width = (1 - gaps.Sum()) / cols;
        var left = new double[cols];
        var right = new double[cols];
        double x = 0;
        for (int c = 0; c < cols; c++)
        {
            left[c] = x;
            right[c] = x + width;
            x = right[c] + (c < cols - 1 ? gaps[c] : 0);
        }
        return (left, right);
    }

    private static bool IsHeatmap(JsonObject trace) => (trace["type"] as JsonValue)?.GetValue<string>() == "heatmap";

    /// <summary>Whether two heatmaps show the same quantity: the same colour-bar title, colorscale and centre.</summary>
    private static bool SameColors(JsonObject a, JsonObject b) =>
        JsonNode.DeepEquals(a["colorbar"]?["title"]?["text"], b["colorbar"]?["title"]?["text"])
        && JsonNode.DeepEquals(a["colorscale"], b["colorscale"])
        && JsonNode.DeepEquals(a["zmid"], b["zmid"]);

    /// <summary>Points a heatmap at the shared colour axis; its own colour settings move to the axis.</summary>
    private static void MoveToColorAxis(JsonObject trace)
    {
        foreach (var key in new[] { "colorscale", "colorbar", "zmid", "zmin", "zmax", "reversescale", "showscale" }) trace.Remove(key);
        trace["coloraxis"] = "coloraxis";
    }

    /// <summary>
    /// The shared colour axis of <paramref name="heatmaps"/>: the first one's colorscale, centre and colour-bar title;
    /// a fixed range only when every heatmap fixed the same one (otherwise plotly spans all their values).
    /// </summary>
    private static JsonObject SharedColorAxis(List<JsonObject> heatmaps)
    {
        var first = heatmaps[0];
        var axis = new JsonObject();
        if (first["colorscale"] is { } scale) axis["colorscale"] = scale.DeepClone();
        if (first["zmid"] is { } mid) axis["cmid"] = mid.DeepClone();
        foreach (var (from, to) in new[] { ("zmin", "cmin"), ("zmax", "cmax") })
            if (first[from] is { } v && heatmaps.All(h => JsonNode.DeepEquals(h[from], v))) axis[to] = v.DeepClone();
        var bar = new JsonObject { ["thickness"] = 14 };
        if (first["colorbar"]?["title"] is { } title) bar["title"] = title.DeepClone();
        axis["colorbar"] = bar;
        return axis;
    }

    private static void Unlabel(JsonObject axis)
    {
        axis.Remove("title");
        axis["showticklabels"] = false;
    }
}
