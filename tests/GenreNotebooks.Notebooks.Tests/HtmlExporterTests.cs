using GenreNotebooks.Notebooks.Document;
using GenreNotebooks.Notebooks.Export;
using GenreNotebooks.Notebooks.Execution;

namespace GenreNotebooks.Notebooks.Tests;

public class HtmlExporterTests
{
    [Fact]
    public async Task Page_renders_markdown_escapes_code_and_keeps_html_outputs_live()
    {
        var doc = NotebookDocument.Create();
        doc.Cells.Add(NotebookCell.Markdown("# The *mel* scale\n\n| a | b |\n|---|---|\n| 1 | 2 |"));
        doc.Cells.Add(NotebookCell.Code("display(new Microsoft.AspNetCore.Html.HtmlString(\"<div id='fig'></div>\"));\nvar lt = 1 < 2;\nConsole.WriteLine(\"<not html>\");"));
        await NotebookRunner.RunAsync(doc);
        var html = HtmlExporter.ToHtml(doc, new HtmlExportOptions { Title = "Test & page" });

        Assert.Contains("<h1 id=\"the-mel-scale\">The <em>mel</em> scale</h1>", html);
        Assert.Contains("<table>", html);
        Assert.Contains("var lt = 1 &lt; 2;", html);
        Assert.Contains("<div id='fig'></div>", html);
        Assert.Contains("&lt;not html&gt;", html);
        Assert.Contains("<title>Test &amp; page</title>", html);
        Assert.DoesNotContain("<script>", html);
    }

    [Fact]
    public void A_local_plotly_script_is_inlined_once_in_the_head()
    {
        var script = Path.Combine(TestData.TempFolder(), "plotly.min.js");
        File.WriteAllText(script, "window.Plotly = {};");
        var doc = NotebookDocument.Create();
        var html = HtmlExporter.ToHtml(doc, new HtmlExportOptions { PlotlyScriptPath = script });
        Assert.Contains("<script>window.Plotly = {};</script>", html);
        Assert.True(html.IndexOf("window.Plotly", StringComparison.Ordinal) < html.IndexOf("</head>", StringComparison.Ordinal));
    }
}
