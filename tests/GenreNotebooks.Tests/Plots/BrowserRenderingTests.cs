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
}
