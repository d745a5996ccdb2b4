using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Html;

namespace GenreNotebooks.Plots;

/// <summary>
/// A chart as plotly.js sees it: a list of traces (<c>data</c>) and a <c>layout</c>. Built with the static factories
/// (<see cref="Line(IEnumerable{double}, IEnumerable{double}, string?, DisplayLimits?)"/>, <see cref="Heatmap(FloatMatrix, IEnumerable{string}?, IEnumerable{string}?, string?, string, bool, DisplayLimits?)"/>,
/// <see cref="Grid"/>, ...) and refined with the fluent <c>With...</c> methods, each returning the same figure.
/// Implements <see cref="IHtmlContent"/>, so a figure that ends a notebook cell (or goes to <c>display</c>) shows as a
/// live chart in Polyglot Notebooks and in the project's runner. NaN and infinities are written as JSON null (a gap).
/// Plotly.py/Plotly.NET equivalent: <c>go.Figure</c>. Taught in notebooks/01-from-waveform-to-mel.
/// </summary>
public sealed partial class Figure : IHtmlContent
{
    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        // The default encoder escapes <, > and &, so the JSON is safe inside a <script> element.
        Encoder = JavaScriptEncoder.Default,
    };

    private readonly JsonArray _data = [];
    private readonly JsonObject _layout;

    private Figure()
    {
        _layout = new JsonObject
        {
            ["margin"] = new JsonObject { ["l"] = 64, ["r"] = 24, ["t"] = 48, ["b"] = 52 },
            ["height"] = 420,
            ["font"] = new JsonObject { ["family"] = "Segoe UI, Roboto, Helvetica, Arial, sans-serif", ["size"] = 13 },
            ["legend"] = new JsonObject { ["orientation"] = "v" },
            // Margins grow to fit long tick labels (genre and run names) instead of cutting them.
            ["xaxis"] = new JsonObject { ["automargin"] = true },
            ["yaxis"] = new JsonObject { ["automargin"] = true },
        };
    }

    /// <summary>An empty figure (add traces with <see cref="Add(Figure)"/> or <see cref="AddTrace"/>).</summary>
    public static Figure Empty() => new();

    /// <summary>The traces (plotly <c>data</c>), for inspection and tests.</summary>
    public JsonArray Data => _data;

    /// <summary>The layout (plotly <c>layout</c>), for inspection and advanced settings.</summary>
    public JsonObject Layout => _layout;

    /// <summary>The element id used for the chart's div in <see cref="ToHtml"/>.</summary>
    public string Id { get; } = "fig-" + Guid.NewGuid().ToString("N")[..12];

    /// <summary>Adds a raw plotly trace object (escape hatch for trace types without a factory).</summary>
    public Figure AddTrace(JsonObject trace)
    {
        ArgumentNullException.ThrowIfNull(trace);
        _data.Add(trace.Parent is null ? trace : trace.DeepClone());
        return this;
    }

    /// <summary>Overlays the traces of <paramref name="other"/> on this figure (its layout is ignored).</summary>
    public Figure Add(Figure other)
    {
        ArgumentNullException.ThrowIfNull(other);
        foreach (var t in other._data) _data.Add(t!.DeepClone());
        return this;
    }

    /// <summary>Sets the chart title.</summary>
    public Figure WithTitle(string title)
    {
        _layout["title"] = new JsonObject { ["text"] = title, ["x"] = 0.05 };
        return this;
    }

    /// <summary>
    /// Sets the x axis: <paramref name="title"/>, <paramref name="type"/> (<c>linear</c>, <c>log</c>, <c>category</c>,
    /// <c>date</c>; null keeps plotly's choice) and an optional <paramref name="range"/> (for a log axis, in log10 units,
    /// as plotly expects).
    /// </summary>
    public Figure WithXAxis(string? title = null, string? type = null, (double Min, double Max)? range = null) =>
        SetAxis("xaxis", title, type, range);

    /// <summary>Sets the y axis; see <see cref="WithXAxis"/>.</summary>
    public Figure WithYAxis(string? title = null, string? type = null, (double Min, double Max)? range = null) =>
        SetAxis("yaxis", title, type, range);

    /// <summary>Sets the size in pixels (width null: as wide as the page).</summary>
    public Figure WithSize(int? width, int height)
    {
        if (width is <= 0) throw new ArgumentOutOfRangeException(nameof(width), width, "Width must be positive.");
        if (height <= 0) throw new ArgumentOutOfRangeException(nameof(height), height, "Height must be positive.");
        if (width is { } w) _layout["width"] = w; else _layout.Remove("width");
        _layout["height"] = height;
        return this;
    }

    /// <summary>Shows or hides the legend.</summary>
    public Figure WithLegend(bool show = true)
    {
        _layout["showlegend"] = show;
        return this;
    }

    /// <summary>Adds a text note at data coordinates (<paramref name="x"/>, <paramref name="y"/>), with an arrow.</summary>
    public Figure WithAnnotation(string text, double x, double y, bool arrow = true)
    {
        if (_layout["annotations"] is not JsonArray notes) _layout["annotations"] = notes = [];
        notes.Add(new JsonObject { ["text"] = text, ["x"] = Num(x), ["y"] = Num(y), ["showarrow"] = arrow });
        return this;
    }

    /// <summary>Sets a layout key to a raw value (escape hatch, e.g. <c>WithLayout("bargap", 0.1)</c>).</summary>
    public Figure WithLayout(string key, JsonNode? value)
    {
        _layout[key] = value?.Parent is null ? value : value.DeepClone();
        return this;
    }

    /// <summary>The figure as plotly JSON: <c>{"data": [...], "layout": {...}}</c>.</summary>
    public string ToJson() => ToNode().ToJsonString(JsonOptions);

    /// <summary>
    /// The figure as HTML: a div and a script that draws it with plotly.js (taken from the page when already
    /// loaded, through require.js where the page has it, as Plotly.NET does in Jupyter, else loaded once from
    /// <see cref="PlotlyJs.CdnUrl"/>); plotly.js itself is never part of the fragment, so a notebook output holds
    /// only the figure's JSON. With <paramref name="fullPage"/> a complete page;
    /// <paramref name="plotlyScriptPath"/> (a local plotly.min.js, see <see cref="PlotlyJs.FindLocal"/>) is then inlined so
    /// the page works offline.
    /// </summary>
    public string ToHtml(bool fullPage = false, string? plotlyScriptPath = null)
    {
        var fragment = new StringBuilder();
        var height = (_layout["height"] as JsonValue)?.GetValue<int>() ?? 420;
        fragment.Append("<div id=\"").Append(Id).Append("\" class=\"genre-figure\" style=\"width:100%;height:")
            .Append(height.ToString(CultureInfo.InvariantCulture)).Append("px;\"></div>\n")
            .Append("<script type=\"text/javascript\">\n(function () {\n  var figure = ").Append(ToJson()).Append(";\n")
            .Append("  function draw(Plotly) { Plotly = Plotly || window.Plotly; Plotly.newPlot('").Append(Id).Append("', figure.data, figure.layout, figure.config); }\n")
            .Append("  if (window.Plotly) { draw(); return; }\n")
            // Where require.js is loaded (Jupyter), plotly.js registers as an AMD module instead of window.Plotly.
            .Append("  if (typeof window.requirejs === 'function' && typeof window.requirejs.config === 'function') {\n")
            .Append("    window.requirejs.config({ context: 'genre-plotly', paths: { plotly: '").Append(PlotlyJs.CdnUrl[..^3])
            .Append("' } })(['plotly'], draw); return;\n  }\n")
            .Append("  var s = document.querySelector('script[data-genre-plotly]');\n")
            .Append("  if (!s) { s = document.createElement('script'); s.src = '").Append(PlotlyJs.CdnUrl)
            .Append("'; s.setAttribute('data-genre-plotly', ''); document.head.appendChild(s); }\n")
            .Append("  s.addEventListener('load', function () { draw(); });\n})();\n</script>\n");
        if (!fullPage) return fragment.ToString();

        var title = (_layout["title"]?["text"] as JsonValue)?.GetValue<string>() ?? "Figure";
        var page = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>")
            .Append(HtmlEncoder.Default.Encode(title)).Append("</title>\n");
        if (plotlyScriptPath is not null)
        {
            if (!File.Exists(plotlyScriptPath)) throw new FileNotFoundException($"plotly.js not found: {plotlyScriptPath}", plotlyScriptPath);
            page.Append("<script type=\"text/javascript\">").Append(File.ReadAllText(plotlyScriptPath)).Append("</script>\n");
        }
        else page.Append("<script type=\"text/javascript\" src=\"").Append(PlotlyJs.CdnUrl).Append("\" data-genre-plotly></script>\n");
        return page.Append("</head>\n<body>\n").Append(fragment).Append("</body>\n</html>\n").ToString();
    }

    /// <summary>Writes a full HTML page of the figure (see <see cref="ToHtml"/>) to <paramref name="path"/>.</summary>
    public void SaveHtml(string path, string? plotlyScriptPath = null)
    {
        var dir = Path.GetDirectoryName(Path.GetFullPath(path));
        if (dir is not null) Directory.CreateDirectory(dir);
        File.WriteAllText(path, ToHtml(fullPage: true, plotlyScriptPath), new UTF8Encoding(false));
    }

    /// <summary>Writes the chart's HTML fragment (how Polyglot and the runner show a figure).</summary>
    public void WriteTo(TextWriter writer, HtmlEncoder encoder)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.Write(ToHtml());
    }

    /// <summary>A short description: the trace types and the title.</summary>
    public override string ToString()
    {
        var types = string.Join(", ", _data.Select(t => (t?["type"] as JsonValue)?.GetValue<string>() ?? "?"));
        var title = (_layout["title"]?["text"] as JsonValue)?.GetValue<string>();
        return $"Figure({types}{(title is null ? "" : $"; \"{title}\"")})";
    }

    private JsonObject ToNode() => new()
    {
        ["data"] = _data.DeepClone(),
        ["layout"] = _layout.DeepClone(),
        ["config"] = new JsonObject { ["responsive"] = true, ["displaylogo"] = false },
    };

    private Figure SetAxis(string key, string? title, string? type, (double Min, double Max)? range)
    {
        if (_layout[key] is not JsonObject axis) _layout[key] = axis = new JsonObject();
        if (title is not null) axis["title"] = new JsonObject { ["text"] = title };
        if (type is not null)
        {
            if (type is not ("linear" or "log" or "category" or "date" or "-"))
                throw new ArgumentException($"Unknown axis type '{type}'; expected linear, log, category or date.", nameof(type));
            axis["type"] = type;
        }
        if (range is { } r) axis["range"] = new JsonArray(Num(r.Min), Num(r.Max));
        return this;
    }

    /// <summary>
    /// A JSON number in float32 precision, or null for NaN and infinities (plotly draws a gap). Figures draw float32
    /// data (samples, spectrograms), and a chart needs no more: the value is rounded to the nearest float and written
    /// as its shortest round-trip text (at most 9 significant digits, "0.023219954" instead of
    /// "0.023219954648526078"), which is exactly the float the library computed. Values beyond float's range
    /// (or tiny ones float would turn into 0) stay double.
    /// </summary>
    internal static JsonNode? Num(double v)
    {
        if (!double.IsFinite(v)) return null;
        float f = (float)v;
        return float.IsFinite(f) && (f != 0 || v == 0) ? JsonValue.Create(f) : JsonValue.Create(v);
    }

    /// <summary>A float as its shortest round-trip JSON number (see <see cref="Num(double)"/>).</summary>
    internal static JsonNode? Num(float v) => float.IsFinite(v) ? JsonValue.Create(v) : null;

    internal static JsonArray Numbers(IEnumerable<double> values)
    {
        var a = new JsonArray();
        foreach (var v in values) a.Add(Num(v));
        return a;
    }

    internal static JsonArray Numbers(IEnumerable<float> values)
    {
        var a = new JsonArray();
        foreach (var v in values) a.Add(Num(v));
        return a;
    }

    internal static JsonArray Strings(IEnumerable<string> values) =>
        new(values.Select(v => (JsonNode?)JsonValue.Create(v)).ToArray());
}
