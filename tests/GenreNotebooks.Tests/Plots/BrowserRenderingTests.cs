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
}
