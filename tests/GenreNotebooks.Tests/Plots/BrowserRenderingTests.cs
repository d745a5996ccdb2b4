using GenreNotebooks.Plots;

namespace GenreNotebooks.Tests.Plots;

public class BrowserRenderingTests
{
    [BrowserFact]
    public void Chromium_draws_a_line_and_a_heatmap_from_the_figure_html()
    {
        Assert.True(Browser.Chromium is not null, "chromium is not installed: apt-get install -y chromium");
        Assert.True(Browser.PlotlyScript is not null, "plotly.js is missing: npm install --no-save plotly.js-dist-min (in the checkout root)");

        var z = new FloatMatrix(3, 4, [.. Enumerable.Range(0, 12).Select(i => (float)i)]);
        var figure = Figure.Grid(1, 2,
        [
            Figure.Line([0.0, 1, 2, 3], [0.0, 1, 0, 1], name: "wave").WithTitle("line"),
            Figure.Heatmap(z, colorbarTitle: "dB").WithTitle("heatmap"),
        ]);
        var path = Path.Combine(Directory.CreateTempSubdirectory("genre-fig").FullName, "figure.html");
        figure.SaveHtml(path, Browser.PlotlyScript);

        var dom = Browser.DumpDom(path);

        Assert.Contains("class=\"main-svg\"", dom);
        Assert.Contains("class=\"scatterlayer", dom);
        Assert.Contains("class=\"js-line\"", dom);     // the drawn line path
        Assert.Contains("class=\"hm\"", dom);          // the heatmap image
        Assert.Contains("colorbar", dom);
    }

    [BrowserFact]
    public void Chromium_draws_a_pooled_spectrogram_and_a_reduced_line()
    {
        Assert.True(Browser.Chromium is not null, "chromium is not installed: apt-get install -y chromium");
        Assert.True(Browser.PlotlyScript is not null, "plotly.js is missing: npm install --no-save plotly.js-dist-min (in the checkout root)");

        var s = new FloatMatrix(1025, 2600);
        for (int i = 0; i < s.Data.Length; i++) s.Data[i] = -(i % 97);
        var figure = Figure.Grid(1, 2,
        [
            Figure.Spectrogram(s, 22050, 512, logFrequency: true).WithTitle("pooled"),
            Figure.Line(Enumerable.Range(0, 50_000).Select(i => Math.Sin(i * 0.01))).WithTitle("long line"),
        ]);
        var path = Path.Combine(Directory.CreateTempSubdirectory("genre-fig").FullName, "figure.html");
        figure.SaveHtml(path, Browser.PlotlyScript);

        var dom = Browser.DumpDom(path);

        Assert.Contains("class=\"hm\"", dom);
        Assert.Contains("class=\"js-line\"", dom);
        Assert.Contains("max of 3 frames per column", dom); // the axis title says what was pooled
    }

    [BrowserFact]
    public void Chromium_draws_a_figure_through_require_js_when_the_page_has_it()
    {
        Assert.True(Browser.PlotlyScript is not null, "plotly.js is missing: npm install --no-save plotly.js-dist-min (in the checkout root)");
        // A page like Jupyter's: require.js present, plotly only as a module. The stand-in require hands over the
        // locally loaded plotly and records the path the figure asked for.
        var page = "<!DOCTYPE html><html><head><script>" + File.ReadAllText(Browser.PlotlyScript!) + "</script><script>"
            + "window.localPlotly = window.Plotly; delete window.Plotly;"
            + "window.requirejs = function () {}; window.requirejs.config = function (c) {"
            + "  document.title = 'asked for ' + c.paths.plotly;"
            + "  return function (deps, cb) { cb(window.localPlotly); }; };"
            + "</script></head><body>" + Figure.Bar(["a", "b"], [1.0, 2]).ToHtml() + "</body></html>";
        var path = Path.Combine(Directory.CreateTempSubdirectory("genre-fig").FullName, "require.html");
        File.WriteAllText(path, page);

        var dom = Browser.DumpDom(path);

        Assert.Contains("class=\"main-svg\"", dom);
        Assert.Contains("asked for https://cdn.plot.ly/plotly-2.35.2.min", dom);
    }
    /// <summary>
    /// Renders <paramref name="figure"/> 1000 px wide and returns, from the browser's layout, the box of every colour
    /// bar (with its ticks and title) and of every subplot's drawing area, y tick labels and y title.
    /// </summary>
    private static (List<Box> Bars, List<(string Subplot, Box Box)> Parts) Measure(Figure figure)
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("genre-fig").FullName, "measure.html");
        figure.WithSize(1000, 420).SaveHtml(path, Browser.PlotlyScript);
        // Once plotly has drawn, write the boxes into the page, where --dump-dom finds them.
        const string probe = """
            <script>
            (function wait() {
              if (!document.querySelector('.colorbar')) { setTimeout(wait, 50); return; }
              function box(e) { var r = e.getBoundingClientRect(); return [r.left, r.top, r.right, r.bottom].map(Math.round).join(','); }
              var out = [];
              document.querySelectorAll('.colorbar').forEach(function (e) { out.push('bar ' + box(e)); });
              document.querySelectorAll('.cartesianlayer .subplot').forEach(function (sp) {
                var name = sp.getAttribute('class').split(' ').filter(function (c) { return c !== 'subplot'; })[0];
                var drag = document.querySelector('.draglayer .' + name + ' .nsewdrag');
                if (drag) out.push('part ' + name + ' ' + box(drag));
                sp.querySelectorAll('.yaxislayer-above text').forEach(function (t) { if (t.textContent) out.push('part ' + name + ' ' + box(t)); });
              });
              document.querySelectorAll('[class^="g-y"][class$="title"] text').forEach(function (t) {
                var id = t.parentNode.getAttribute('class').slice(2, -5);
                out.push('part ' + (id === 'y' ? 'xy' : 'x' + id.slice(1) + id) + ' ' + box(t));
              });
              var pre = document.createElement('pre'); pre.id = 'boxes'; pre.textContent = out.join('\n'); document.body.appendChild(pre);
            })();
            </script>
            """;
        File.WriteAllText(path, File.ReadAllText(path).Replace("</body>", probe + "</body>"));
        var dom = Browser.DumpDom(path);
        int start = dom.IndexOf("<pre id=\"boxes\">", StringComparison.Ordinal);
        Assert.True(start >= 0, "the page did not report its boxes (plotly did not draw a colour bar)");
        var lines = dom[(start + "<pre id=\"boxes\">".Length)..dom.IndexOf("</pre>", start, StringComparison.Ordinal)].Split('\n');
        var bars = new List<Box>();
        var parts = new List<(string, Box)>();
        foreach (var line in lines)
        {
            var f = line.Split(' ');
            if (f[0] == "bar") bars.Add(Box.Parse(f[1]));
            else if (f[0] == "part") parts.Add((f[1], Box.Parse(f[2])));
        }
        return (bars, parts);
    }

    private readonly record struct Box(int Left, int Top, int Right, int Bottom)
    {
        public static Box Parse(string s)
        {
            var v = s.Split(',').Select(int.Parse).ToArray();
            return new Box(v[0], v[1], v[2], v[3]);
        }

        public bool Overlaps(Box o) => Left < o.Right && o.Left < Right && Top < o.Bottom && o.Top < Bottom;
    }

    [BrowserFact]
    public void Colour_bars_of_a_grid_of_different_heatmaps_overlap_no_other_subplot()
    {
        Assert.True(Browser.PlotlyScript is not null, "plotly.js is missing: npm install --no-save plotly.js-dist-min (in the checkout root)");
        var db = new FloatMatrix(128, 130);
        var mfcc = new FloatMatrix(19, 130);
        for (int i = 0; i < db.Data.Length; i++) db.Data[i] = -80 + i % 81;
        for (int i = 0; i < mfcc.Data.Length; i++) mfcc.Data[i] = -150 + i % 301;
        var figure = Figure.Grid(1, 2,
        [
            Figure.Image(db, "frame", "mel band", "dB").WithTitle("log-mel"),
            Figure.Image(mfcc, "frame", "coefficient", "value", colorscale: "RdBu").WithTitle("MFCC"),
        ]);

        var (bars, parts) = Measure(figure);

        Assert.Equal(2, bars.Count);
        Assert.True(parts.Count(p => p.Subplot == "x2y2") >= 3, "the right subplot's area, tick labels and title were not found");
        // The left bar lies right of the left drawing area and clear of everything the right subplot draws.
        var leftArea = parts.First(p => p.Subplot == "xy").Box;
        var leftBar = bars.OrderBy(b => b.Left).First();
        Assert.True(leftBar.Left >= leftArea.Right, $"left bar {leftBar} starts inside the left subplot {leftArea}");
        foreach (var (subplot, box) in parts.Where(p => p.Subplot != "xy"))
            Assert.False(leftBar.Overlaps(box), $"left colour bar {leftBar} overlaps {subplot} at {box}");
        var rightBar = bars.OrderBy(b => b.Left).Last();
        foreach (var (subplot, box) in parts)
            Assert.False(rightBar.Overlaps(box), $"right colour bar {rightBar} overlaps {subplot} at {box}");
    }

    [BrowserFact]
    public void A_grid_of_two_spectrograms_draws_one_colour_bar_right_of_both()
    {
        Assert.True(Browser.PlotlyScript is not null, "plotly.js is missing: npm install --no-save plotly.js-dist-min (in the checkout root)");
        var a = new FloatMatrix(1025, 130);
        var b = new FloatMatrix(1025, 130);
        for (int i = 0; i < a.Data.Length; i++) { a.Data[i] = -(i % 80); b.Data[i] = -(i % 60); }
        var figure = Figure.Grid(1, 2,
        [
            Figure.Spectrogram(a, 22050, 512, logFrequency: true).WithTitle("classical"),
            Figure.Spectrogram(b, 22050, 512, logFrequency: true).WithTitle("rock"),
        ], shareY: true);

        var (bars, parts) = Measure(figure);

        var bar = Assert.Single(bars);
        foreach (var (subplot, box) in parts)
        {
            Assert.False(bar.Overlaps(box), $"colour bar {bar} overlaps {subplot} at {box}");
            Assert.True(bar.Left >= box.Right, $"colour bar {bar} is not right of {subplot} at {box}");
        }
    }
}
