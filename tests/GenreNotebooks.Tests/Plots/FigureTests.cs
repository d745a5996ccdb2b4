using System.Text.Json.Nodes;
using GenreNotebooks.Audio;
using GenreNotebooks.Plots;

namespace GenreNotebooks.Tests.Plots;

public class FigureTests
{
    private static JsonObject Parse(Figure f) => JsonNode.Parse(f.ToJson())!.AsObject();
    private static JsonObject Trace(Figure f, int i = 0) => Parse(f)["data"]![i]!.AsObject();
    private static double[] Doubles(JsonNode? a) => a!.AsArray().Select(v => v!.GetValue<double>()).ToArray();
    private static string[] Strings(JsonNode? a) => a!.AsArray().Select(v => v!.GetValue<string>()).ToArray();

    [Fact]
    public void Line_is_a_scatter_trace_in_lines_mode_with_its_points()
    {
        var f = Figure.Line([0.0, 1, 2], [3.0, 4, 5], name: "a").WithTitle("T").WithXAxis("time (s)", type: "log", range: (0, 2));
        var t = Trace(f);
        Assert.Equal("scatter", t["type"]!.GetValue<string>());
        Assert.Equal("lines", t["mode"]!.GetValue<string>());
        Assert.Equal("a", t["name"]!.GetValue<string>());
        Assert.Equal([0.0, 1, 2], Doubles(t["x"]));
        Assert.Equal([3.0, 4, 5], Doubles(t["y"]));
        var layout = Parse(f)["layout"]!;
        Assert.Equal("T", layout["title"]!["text"]!.GetValue<string>());
        Assert.Equal("time (s)", layout["xaxis"]!["title"]!["text"]!.GetValue<string>());
        Assert.Equal("log", layout["xaxis"]!["type"]!.GetValue<string>());
        Assert.Equal([0.0, 2], Doubles(layout["xaxis"]!["range"]));
    }

    [Fact]
    public void Line_of_values_uses_their_index_as_x_and_mismatched_lengths_are_refused()
    {
        Assert.Equal([0.0, 1, 2], Doubles(Trace(Figure.Line(new[] { 5f, 6f, 7f }))["x"]));
        var e = Assert.Throws<ArgumentException>(() => Figure.Line([1.0, 2], [1.0]));
        Assert.Contains("2", e.Message);
    }

    [Fact]
    public void NaN_and_infinity_become_null()
    {
        var json = Figure.Line([0.0, 1, 2], [double.NaN, double.PositiveInfinity, 1]).ToJson();
        var y = Parse(Figure.Line([0.0, 1, 2], [double.NaN, double.PositiveInfinity, 1]))["data"]![0]!["y"]!.AsArray();
        Assert.Null(y[0]);
        Assert.Null(y[1]);
        Assert.Equal(1.0, y[2]!.GetValue<double>());
        Assert.DoesNotContain("NaN", json);
        Assert.DoesNotContain("Infinity", json);
    }

    [Fact]
    public void Scatter_with_groups_makes_one_trace_per_group_in_order_of_appearance()
    {
        var f = Figure.Scatter([1.0, 2, 3, 4], [1.0, 2, 3, 4], groups: ["rock", "jazz", "rock", "pop"]);
        var data = Parse(f)["data"]!.AsArray();
        Assert.Equal(["rock", "jazz", "pop"], data.Select(t => t!["name"]!.GetValue<string>()));
        Assert.All(data, t => Assert.Equal("markers", t!["mode"]!.GetValue<string>()));
        Assert.Equal([1.0, 3], Doubles(data[0]!["x"]));
        Assert.True(Parse(f)["layout"]!["showlegend"]!.GetValue<bool>());
        Assert.Throws<ArgumentException>(() => Figure.Scatter([1.0, 2], [1.0, 2], groups: ["a"]));
    }

    [Fact]
    public void Bars_vertical_horizontal_and_grouped()
    {
        var v = Trace(Figure.Bar(["rock", "pop"], [0.5, 0.7]));
        Assert.Equal("bar", v["type"]!.GetValue<string>());
        Assert.Equal(["rock", "pop"], Strings(v["x"]));
        Assert.Equal([0.5, 0.7], Doubles(v["y"]));

        var h = Trace(Figure.Bar(["rock", "pop"], [0.5, 0.7], horizontal: true));
        Assert.Equal("h", h["orientation"]!.GetValue<string>());
        Assert.Equal(["rock", "pop"], Strings(h["y"]));

        var g = Parse(Figure.GroupedBar(["rock", "pop"], [("MLP", [0.5, 0.6]), ("CNN", [0.7, 0.8])]));
        Assert.Equal("group", g["layout"]!["barmode"]!.GetValue<string>());
        Assert.Equal(["MLP", "CNN"], g["data"]!.AsArray().Select(t => t!["name"]!.GetValue<string>()));
        Assert.Throws<ArgumentException>(() => Figure.Bar(["a"], [1.0, 2]));
    }

    [Fact]
    public void Heatmap_has_z_rows_labels_colorbar_and_optional_annotations()
    {
        var z = new FloatMatrix(2, 3, [1, 2, 3, 4, 5, 6]);
        var f = Figure.Heatmap(z, x: ["a", "b", "c"], y: ["r0", "r1"], colorbarTitle: "count", colorscale: "Blues", annotate: true);
        var t = Trace(f);
        Assert.Equal("heatmap", t["type"]!.GetValue<string>());
        Assert.Equal([4.0, 5, 6], Doubles(t["z"]![1]));
        Assert.Equal(["a", "b", "c"], Strings(t["x"]));
        Assert.Equal(["r0", "r1"], Strings(t["y"]));
        Assert.Equal("count", t["colorbar"]!["title"]!["text"]!.GetValue<string>());
        // Blues runs from white (low) to dark blue (high), unlike plotly.js's own Blues.
        var stops = t["colorscale"]!.AsArray();
        Assert.Equal("#f7fbff", stops[0]![1]!.GetValue<string>());
        Assert.Equal("#08306b", stops[^1]![1]!.GetValue<string>());
        Assert.Null(t["zmid"]);
        Assert.Equal("%{z:.2f}", t["texttemplate"]!.GetValue<string>());
        var layout = Parse(f)["layout"]!;
        Assert.Equal("reversed", layout["yaxis"]!["autorange"]!.GetValue<string>());
        Assert.Equal("category", layout["xaxis"]!["type"]!.GetValue<string>());
        Assert.Throws<ArgumentException>(() => Figure.Heatmap(z, x: ["a"]));
        Assert.Null(Trace(Figure.Heatmap(new double[,] { { 1, 2 } }))["texttemplate"]);
    }

    [Fact]
    public void Histogram_and_density()
    {
        var h = Trace(Figure.Histogram([1.0, 2, 2, 3], name: "rock", bins: 10));
        Assert.Equal("histogram", h["type"]!.GetValue<string>());
        Assert.Equal(10, h["nbinsx"]!.GetValue<int>());
        Assert.Equal([1.0, 2, 2, 3], Doubles(h["x"]));

        double[] values = [0.1, 0.4, 0.5, 0.9, 1.3, 1.4, 2.0];
        var d = Trace(Figure.Density(values, name: "rock", points: 400));
        Assert.Equal("lines", d["mode"]!.GetValue<string>());
        var x = Doubles(d["x"]);
        var y = Doubles(d["y"]);
        Assert.Equal(400, x.Length);
        Assert.True(x[0] < values.Min() && x[^1] > values.Max());
        // A density integrates to about 1 (trapezoid rule over the +-3 bandwidth grid).
        double area = 0;
        for (int i = 1; i < x.Length; i++) area += (x[i] - x[i - 1]) * (y[i] + y[i - 1]) / 2;
        Assert.InRange(area, 0.99, 1.001);
        Assert.Throws<ArgumentException>(() => Figure.Density([1.0]));
    }

    [Fact]
    public void Spectrogram_axes_are_time_and_frequency_and_log_axis_drops_the_zero_bin()
    {
        var s = new FloatMatrix(5, 4); // n_fft 8: bins at 0, 2756.25, ... Hz
        var f = Figure.Spectrogram(s, sampleRate: 22050, hopLength: 512);
        var t = Trace(f);
        // Numbers are written in float32 precision (Figure.Num): the times are the nearest floats to t * hop / sr.
        Assert.Equal([0f, (float)(512.0 / 22050), (float)(1024.0 / 22050), (float)(1536.0 / 22050)], Doubles(t["x"]).Select(v => (float)v));
        Assert.Equal([0.0, 2756.25, 5512.5, 8268.75, 11025], Doubles(t["y"]));
        Assert.Equal("frequency (Hz)", Parse(f)["layout"]!["yaxis"]!["title"]!["text"]!.GetValue<string>());

        var log = Figure.Spectrogram(s, 22050, 512, logFrequency: true);
        Assert.Equal(4, Trace(log)["z"]!.AsArray().Count);
        Assert.Equal(2756.25, Doubles(Trace(log)["y"])[0]);
        Assert.Equal("log", Parse(log)["layout"]!["yaxis"]!["type"]!.GetValue<string>());
        // Magma (the default) is not built into plotly.js: written as colour stops from 0 to 1.
        var magma = t["colorscale"]!.AsArray();
        Assert.Equal(0.0, magma[0]![0]!.GetValue<double>());
        Assert.Equal(1.0, magma[^1]![0]!.GetValue<double>());
        Assert.Equal("#000004", magma[0]![1]!.GetValue<string>());
        Assert.Throws<ArgumentException>(() => Figure.Spectrogram(s, [0.0], [0.0, 1, 2, 3, 4]));
    }

    [Fact]
    public void Waveform_of_a_long_signal_keeps_the_envelope_in_few_points()
    {
        var samples = new float[100_000];
        samples[12_345] = 0.9f;
        samples[54_321] = -0.8f;
        var f = Figure.Waveform(new AudioSignal(samples, 22050), maxPoints: 1000);
        var y = Doubles(Trace(f)["y"]);
        Assert.Equal(1000, y.Length);
        Assert.Equal(0.9, y.Max(), 5);
        Assert.Equal(-0.8, y.Min(), 5);
        Assert.Equal("time (s)", Parse(f)["layout"]!["xaxis"]!["title"]!["text"]!.GetValue<string>());
    }

    [Fact]
    public void Grid_puts_each_figure_on_its_own_axes_with_titles_and_shared_axes()
    {
        var a = Figure.Line([0.0, 1], [0.0, 1], "a").WithXAxis("time (s)");
        var b = Figure.Heatmap(new double[,] { { 1, 2 }, { 3, 4 } });
        var c = Figure.Bar(["x"], [1.0]);
        var f = Parse(Figure.Grid(2, 2, [a, b, c], titles: ["A", "B", "C"], shareX: true));
        var data = f["data"]!.AsArray();
        Assert.Equal(["x", "x2", "x3"], data.Select(t => t!["xaxis"]!.GetValue<string>()));
        Assert.Equal(["y", "y2", "y3"], data.Select(t => t!["yaxis"]!.GetValue<string>()));
        var layout = f["layout"]!;
        // Figure a has c below it: with shareX its x axis is labelled once, under c.
        Assert.Null(layout["xaxis"]!["title"]);
        Assert.False(layout["xaxis"]!["showticklabels"]!.GetValue<bool>());
        Assert.Null(layout["xaxis2"]!["showticklabels"]);
        var d1 = Doubles(layout["xaxis"]!["domain"]);
        var d2 = Doubles(layout["xaxis2"]!["domain"]);
        Assert.True(d1[1] < d2[0], "columns must not overlap");
        Assert.True(Doubles(layout["yaxis3"]!["domain"])[1] < Doubles(layout["yaxis"]!["domain"])[0], "rows must not overlap");
        Assert.Equal("x", layout["xaxis2"]!["matches"]!.GetValue<string>());
        Assert.Equal(["A", "B", "C"], layout["annotations"]!.AsArray().Select(n => n!["text"]!.GetValue<string>()));
        Assert.True(data[1]!["colorbar"]!["x"]!.GetValue<double>() > d2[1]);
        Assert.Throws<ArgumentException>(() => Figure.Grid(1, 1, [a, b]));
    }

    [Fact]
    public void Grid_of_heatmaps_of_one_quantity_shares_one_colour_axis_and_one_bar()
    {
        var left = Figure.Spectrogram(new FloatMatrix(3, 4), 22050, 512, colorbarTitle: "dB");
        var right = Figure.Spectrogram(new FloatMatrix(3, 4), 22050, 512, colorbarTitle: "dB");
        var f = Parse(Figure.Grid(1, 2, [left, right], shareY: true));
        var data = f["data"]!.AsArray();
        Assert.All(data, t => Assert.Equal("coloraxis", t!["coloraxis"]!.GetValue<string>()));
        Assert.All(data, t => Assert.Null(t!["colorbar"]));
        Assert.All(data, t => Assert.Null(t!["colorscale"]));
        var axis = f["layout"]!["coloraxis"]!;
        Assert.Equal("dB", axis["colorbar"]!["title"]!["text"]!.GetValue<string>());
        Assert.Equal("#000004", axis["colorscale"]![0]![1]!.GetValue<string>()); // magma
        Assert.Null(axis["colorbar"]!["x"]); // plotly's default: right of the whole grid
        // Shared y: the right subplot drops its tick labels and title, so nothing sits in the gap.
        Assert.False(f["layout"]!["yaxis2"]!["showticklabels"]!.GetValue<bool>());
        Assert.Null(f["layout"]!["yaxis2"]!["title"]);
        Assert.NotNull(f["layout"]!["yaxis"]!["title"]);
    }

    [Fact]
    public void Grid_of_heatmaps_of_different_quantities_puts_each_bar_in_a_gap_wide_enough_for_it()
    {
        var db = Figure.Image(new FloatMatrix(3, 4), colorbarTitle: "dB");
        var mfcc = Figure.Image(new FloatMatrix(3, 4), colorbarTitle: "value", colorscale: "RdBu");
        var f = Parse(Figure.Grid(1, 2, [db, mfcc]));
        var data = f["data"]!.AsArray();
        Assert.Null(f["layout"]!["coloraxis"]);
        var d1 = Doubles(f["layout"]!["xaxis"]!["domain"]);
        var d2 = Doubles(f["layout"]!["xaxis2"]!["domain"]);
        double bar1 = data[0]!["colorbar"]!["x"]!.GetValue<double>();
        double bar2 = data[1]!["colorbar"]!["x"]!.GetValue<double>();
        Assert.InRange(bar1, d1[1], d1[1] + 0.02);
        Assert.InRange(bar2, d2[1], d2[1] + 0.02);
        Assert.Equal("left", data[0]!["colorbar"]!["xanchor"]!.GetValue<string>());
        // Bar, its tick labels and the right subplot's y labels need about 130 px of a 1000-px page.
        Assert.True(d2[0] - bar1 >= 0.13, $"gap after the left bar is {d2[0] - bar1:0.000}");
        Assert.Equal(1, d2[1], 6); // the last bar sits in the right margin, which plotly widens for it
        // Forcing one colour axis is possible too.
        Assert.NotNull(Parse(Figure.Grid(1, 2, [db, mfcc], shareColors: true))["layout"]!["coloraxis"]);
    }

    [Fact]
    public void Diverging_colour_scales_are_centred_on_zero_with_a_white_middle()
    {
        var t = Trace(Figure.Heatmap(new double[,] { { -0.2, 1 }, { 1, -0.2 } }, colorscale: "RdBu"));
        Assert.Equal(0, t["zmid"]!.GetValue<double>());
        var stops = t["colorscale"]!.AsArray();
        Assert.Equal(0.5, stops[stops.Count / 2]![0]!.GetValue<double>(), 6);
        Assert.Equal("#f7f7f7", stops[stops.Count / 2]![1]!.GetValue<string>());
        Assert.Null(Trace(Figure.Heatmap(new double[,] { { 1 } }, colorscale: "Viridis"))["zmid"]);
    }

    [Fact]
    public void Heatmap_pooling_note_goes_on_its_own_line_of_the_axis_title()
    {
        var s = new FloatMatrix(1025, 2600);
        var layout = Parse(Figure.Spectrogram(s, 22050, 512))["layout"]!;
        var title = layout["xaxis"]!["title"]!["text"]!.GetValue<string>();
        Assert.StartsWith("time (s)<br>", title);
        Assert.Contains("max of 3 frames per column", title);
    }

    [Fact]
    public void Log_frequency_spectrogram_is_ticked_at_octaves_within_its_bins()
    {
        var layout = Parse(Figure.Spectrogram(new FloatMatrix(1025, 3), 22050, 512, logFrequency: true))["layout"]!;
        // Bins run from 10.8 Hz (bin 0 at 0 Hz is left out) to 11025 Hz.
        Assert.Equal([16.0, 32, 64, 128, 256, 512, 1024, 2048, 4096, 8192], Doubles(layout["yaxis"]!["tickvals"]));
        Assert.Equal("8192", Strings(layout["yaxis"]!["ticktext"])[^1]);
        Assert.Null(Parse(Figure.Spectrogram(new FloatMatrix(1025, 3), 22050, 512))["layout"]!["yaxis"]!["tickvals"]);
    }

    [Fact]
    public void Scatter_labels_name_each_point_in_its_hover_text()
    {
        var t = Trace(Figure.Scatter([0.1, 0.2], [0.3, 0.4], labels: ["rock/disco", "pop/hiphop"]));
        Assert.Equal(["rock/disco", "pop/hiphop"], Strings(t["text"]));
        Assert.Contains("%{text}", t["hovertemplate"]!.GetValue<string>());
        var grouped = Parse(Figure.Scatter([0.1, 0.2, 0.3], [1.0, 2, 3], groups: ["a", "b", "a"], labels: ["p", "q", "r"]))["data"]!;
        Assert.Equal(["p", "r"], Strings(grouped[0]!["text"]));
        Assert.Throws<ArgumentException>(() => Figure.Scatter([0.1], [0.2], labels: ["a", "b"]));
    }

    [Fact]
    public void Html_has_the_div_and_a_script_that_draws_it()
    {
        var f = Figure.Line([0.0, 1], [0.0, 1]).WithTitle("</script><b>x</b>");
        var html = f.ToHtml();
        Assert.Contains($"<div id=\"{f.Id}\"", html);
        Assert.Contains($"Plotly.newPlot('{f.Id}'", html);
        Assert.Contains(PlotlyJs.CdnUrl, html);
        Assert.Equal(1, html.Split("</script>").Length - 1);

        var page = f.ToHtml(fullPage: true);
        Assert.StartsWith("<!DOCTYPE html>", page);
        Assert.Contains($"<script type=\"text/javascript\" src=\"{PlotlyJs.CdnUrl}\"", page);

        using var writer = new StringWriter();
        f.WriteTo(writer, System.Text.Encodings.Web.HtmlEncoder.Default);
        Assert.Contains(f.Id, writer.ToString());
    }

    [Fact]
    public void Page_with_a_local_plotly_inlines_it_and_a_missing_file_is_named()
    {
        var dir = Directory.CreateTempSubdirectory("genre-fig").FullName;
        var js = Path.Combine(dir, "plotly.min.js");
        File.WriteAllText(js, "/* plotly stand-in */");
        var path = Path.Combine(dir, "fig.html");
        Figure.Bar(["a"], [1.0]).SaveHtml(path, js);
        var page = File.ReadAllText(path);
        Assert.Contains("/* plotly stand-in */", page);
        Assert.DoesNotContain(PlotlyJs.CdnUrl + "\" data-genre-plotly></script>", page);
        var e = Assert.Throws<FileNotFoundException>(() => Figure.Bar(["a"], [1.0]).ToHtml(true, "/no/plotly.js"));
        Assert.Contains("/no/plotly.js", e.Message);
    }

    [Fact]
    public void Numbers_are_written_as_the_shortest_text_of_their_float32_value()
    {
        var json = Figure.Line([512.0 / 22050, 0.1, 1e-50, 1e300], [1.0 / 3, 2, 3, 4]).ToJson();
        Assert.Contains("0.023219954", json);
        Assert.DoesNotContain("0.0232199546", json); // no double digits beyond float32's
        Assert.Contains("[0.023219954,0.1,1E-50,1E+300]", json); // out of float range: kept as double
        Assert.Contains("0.33333334", json);
        var x = Doubles(Trace(Figure.Line([512.0 / 22050], [0.0]))["x"]);
        Assert.Equal((float)(512.0 / 22050), (float)x[0]);
    }

    [Fact]
    public void Large_spectrogram_is_pooled_to_the_display_limits_and_says_so()
    {
        // 30 s of a 1025-bin STFT: 1292 frames, with a click (0 dB) in frame 777 over a -80 dB floor.
        var s = new FloatMatrix(1025, 1292);
        var rng = new Random(7);
        for (int i = 0; i < s.Data.Length; i++) s.Data[i] = -80f + 10f * (float)rng.NextDouble();
        for (int r = 0; r < s.Rows; r++) s[r, 777] = 0f;

        var full = Figure.Spectrogram(s, 22050, 512, limits: DisplayLimits.None);
        var fig = Figure.Spectrogram(s, 22050, 512);
        var t = Trace(fig);
        var z = t["z"]!.AsArray();
        Assert.Equal(1025, Trace(full)["z"]!.AsArray().Count);
        Assert.InRange(z.Count, 300, DisplayLimits.Default.MaxRows);       // bins pooled in blocks of 3
        Assert.Equal(646, z[0]!.AsArray().Count);                          // frames in blocks of 2
        Assert.Equal(646, t["x"]!.AsArray().Count);
        Assert.Equal(z.Count, t["y"]!.AsArray().Count);
        // Max pooling keeps the click: column 388 holds frames 776-777 and is 0 dB in every row.
        Assert.All(z, row => Assert.Equal(0.0, row![388]!.GetValue<double>()));
        // Cell (0, 0) is the max of bins 0-2 in frames 0-1; x is the mean time of its frames.
        float expected = new[] { s[0, 0], s[0, 1], s[1, 0], s[1, 1], s[2, 0], s[2, 1] }.Max();
        Assert.Equal(expected, (float)z[0]![0]!.GetValue<double>());
        Assert.Equal((float)(256.0 / 22050), (float)t["x"]![0]!.GetValue<double>());

        var layout = Parse(fig)["layout"]!;
        Assert.Contains("max of 2 frames per column", layout["xaxis"]!["title"]!["text"]!.GetValue<string>());
        Assert.Contains("bins per row", layout["yaxis"]!["title"]!["text"]!.GetValue<string>());
        Assert.Contains("max of 2 frames per column", t["hovertemplate"]!.GetValue<string>());

        // 1025 x 1292 cells are ~14 MB of JSON; the pooled figure stays under 12 bytes per drawable cell.
        Assert.True(full.ToJson().Length > 10_000_000);
        Assert.InRange(fig.ToJson().Length, 1, 12 * DisplayLimits.Default.MaxRows * DisplayLimits.Default.MaxColumns / 2);
    }

    [Fact]
    public void Log_frequency_spectrogram_keeps_a_row_per_low_bin_and_mean_pooling_is_an_option()
    {
        var s = new FloatMatrix(1025, 10);
        for (int r = 0; r < s.Rows; r++) for (int c = 0; c < s.Cols; c++) s[r, c] = r;
        var t = Trace(Figure.Spectrogram(s, 22050, 512, logFrequency: true, limits: new DisplayLimits { Pooling = DisplayPooling.Mean }));
        var y = Doubles(t["y"]);
        var z = t["z"]!.AsArray();
        Assert.InRange(y.Length, 200, 500);
        Assert.Equal(22050.0 / 2048, y[0], 3);           // bin 1 alone (bin 0 is left out on a log axis)
        Assert.Equal(1.0, z[0]![0]!.GetValue<double>());
        var topRow = z[^1]![0]!.GetValue<double>();       // the mean of the top block's bin numbers
        Assert.InRange(topRow, 1000, 1024);
        Assert.NotEqual(1024.0, topRow);
        Assert.Equal(10, z[0]!.AsArray().Count);          // few frames: not pooled
        Assert.Empty(Trace(Figure.Spectrogram(new FloatMatrix(1025, 0), 22050, 512))["x"]!.AsArray()); // no frames: an empty chart
    }

    [Fact]
    public void Image_and_unlabelled_heatmap_are_pooled_but_labelled_heatmap_axes_are_not()
    {
        var m = new FloatMatrix(20, 3000);
        var img = Trace(Figure.Image(m, "frame", "mel band"));
        Assert.Equal(1000, img["z"]![0]!.AsArray().Count);
        Assert.Equal(1.0, img["x"]![0]!.GetValue<double>()); // mean of frames 0, 1, 2
        Assert.Equal(20, img["y"]!.AsArray().Count);
        Assert.Null(Trace(Figure.Image(new FloatMatrix(20, 30)))["x"]);

        var labels = Enumerable.Range(0, 3000).Select(i => $"c{i}").ToArray();
        Assert.Equal(3000, Trace(Figure.Heatmap(m, x: labels))["z"]![0]!.AsArray().Count);
        Assert.Equal(1000, Trace(Figure.Heatmap(m))["z"]![0]!.AsArray().Count);
        Assert.Equal(1000, Trace(Figure.Heatmap(new double[2, 3000]))["z"]![0]!.AsArray().Count);
    }

    [Fact]
    public void Long_line_keeps_its_envelope_and_flat_runs_are_written_by_their_ends()
    {
        var y = new double[100_000];
        y[4_321] = 3;
        y[77_000] = -2;
        var t = Trace(Figure.Line(y, name: "noise"));
        var ys = Doubles(t["y"]);
        Assert.InRange(ys.Length, 2, DisplayLimits.Default.MaxLinePoints);
        Assert.Equal(3.0, ys.Max());
        Assert.Equal(-2.0, ys.Min());
        Assert.Contains("noise: min and max of each 100 points", t["hovertemplate"]!.GetValue<string>());
        Assert.Equal(100_000, Doubles(Trace(Figure.Line(y, limits: DisplayLimits.None))["y"]).Length);

        // A mel filter: zero except a triangle; the zero runs keep only their ends, the line drawn is the same.
        double[] filter = [0, 0, 0, 0, 0.5, 1, 0.5, 0, 0, 0];
        var f = Trace(Figure.Line(filter));
        Assert.Equal([0.0, 3, 4, 5, 6, 7, 9], Doubles(f["x"]));
        Assert.Null(f["hovertemplate"]);
    }

    [Fact]
    public void Html_loads_plotly_through_require_js_where_the_page_has_it_and_never_inlines_it()
    {
        var html = Figure.Line([0.0, 1], [0.0, 1]).ToHtml();
        Assert.Contains("window.requirejs.config({ context: 'genre-plotly', paths: { plotly: 'https://cdn.plot.ly/plotly-2.35.2.min' } })", html);
        Assert.True(html.Length < 3000, $"the fragment is {html.Length} characters: plotly.js must not be in it");
    }
}
