using System.Text.Json.Nodes;

namespace GenreNotebooks.Plots;

public sealed partial class Figure
{
    /// <summary>
    /// Arranges figures in a grid of <paramref name="rows"/> by <paramref name="cols"/> subplots, filled row by row
    /// (plotly.subplots.make_subplots). Each subplot keeps its traces and axis titles/types; its title (or the
    /// matching entry of <paramref name="titles"/>) is written above it. <paramref name="shareX"/> /
    /// <paramref name="shareY"/> link the axes so zooming one zooms all.
    /// </summary>
    /// <exception cref="ArgumentException">More figures than cells, or no figure.</exception>
    public static Figure Grid(int rows, int cols, IEnumerable<Figure> figures, IEnumerable<string>? titles = null,
        bool shareX = false, bool shareY = false)
    {
        if (rows <= 0) throw new ArgumentOutOfRangeException(nameof(rows), rows, "Rows must be positive.");
        if (cols <= 0) throw new ArgumentOutOfRangeException(nameof(cols), cols, "Columns must be positive.");
        var figs = figures.ToList();
        if (figs.Count == 0) throw new ArgumentException("A grid needs at least one figure.", nameof(figures));
        if (figs.Count > rows * cols) throw new ArgumentException($"{figs.Count} figures do not fit a {rows}x{cols} grid.", nameof(figures));
        var names = titles?.ToList() ?? [];

        const double gapX = 0.06, gapY = 0.09;
        var grid = new Figure();
        var notes = new JsonArray();
        for (int k = 0; k < figs.Count; k++)
        {
            int r = k / cols, c = k % cols;
            string suffix = k == 0 ? "" : (k + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
            double x0 = (double)c / cols + (c > 0 ? gapX / 2 : 0), x1 = (double)(c + 1) / cols - (c < cols - 1 ? gapX / 2 : 0);
            double y1 = 1 - (double)r / rows - (r > 0 ? gapY / 2 : 0), y0 = 1 - (double)(r + 1) / rows + (r < rows - 1 ? gapY / 2 : 0);

            var sub = figs[k];
            foreach (var t in sub._data)
            {
                var trace = t!.DeepClone().AsObject();
                trace["xaxis"] = "x" + suffix;
                trace["yaxis"] = "y" + suffix;
                if ((trace["type"] as JsonValue)?.GetValue<string>() == "heatmap")
                {
                    if (trace["colorbar"] is not JsonObject bar) trace["colorbar"] = bar = new JsonObject();
                    bar["x"] = x1 + 0.005;
                    bar["y"] = (y0 + y1) / 2;
                    bar["len"] = y1 - y0;
                    bar["thickness"] = 12;
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
        if (notes.Count > 0) grid._layout["annotations"] = notes;
        grid._layout["height"] = Math.Max(320, 300 * rows);
        grid._layout["showlegend"] = grid._data.Any(t => t?["name"] is not null);
        return grid;
    }
}
