using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using GenreNotebooks.Notebooks.Document;
using Markdig;

namespace GenreNotebooks.Notebooks.Export;

/// <summary>
/// Writes a notebook as one HTML page: markdown rendered with Markdig (tables, math kept as text), code cells with
/// their outputs inline (HTML outputs such as figures are live), images embedded. With
/// <see cref="HtmlExportOptions.PlotlyScriptPath"/> the page inlines plotly.js once so figures draw offline;
/// otherwise each figure loads plotly.js from its CDN.
/// </summary>
public static class HtmlExporter
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().UseAdvancedExtensions().Build();

    /// <summary>The page as HTML text.</summary>
    public static string ToHtml(NotebookDocument notebook, HtmlExportOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(notebook);
        options ??= new HtmlExportOptions();
        var title = options.Title ?? (notebook.Path is null ? "Notebook" : Path.GetFileNameWithoutExtension(notebook.Path));
        var sb = new StringBuilder();
        sb.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
          .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
          .Append("<title>").Append(WebUtility.HtmlEncode(title)).Append("</title>\n<style>\n").Append(Css).Append("</style>\n");
        if (options.PlotlyScriptPath is { } plotly)
        {
            if (!File.Exists(plotly)) throw new FileNotFoundException($"plotly.js not found: {plotly}", plotly);
            // "</script" cannot appear inside an inline script; plotly.min.js does not contain it, but be safe.
            sb.Append("<script>").Append(File.ReadAllText(plotly).Replace("</script", "<\\/script", StringComparison.OrdinalIgnoreCase)).Append("</script>\n");
        }
        sb.Append("</head>\n<body>\n<main>\n");
        int number = 0;
        foreach (var cell in notebook.Cells)
        {
            number++;
            var source = cell.Source;
            bool markdownMagic = cell.IsCode && source.TrimStart().StartsWith("#!markdown", StringComparison.Ordinal);
            if (cell.CellType == "markdown" || markdownMagic)
            {
                if (markdownMagic) source = source.TrimStart()["#!markdown".Length..];
                sb.Append("<section class=\"cell markdown\" id=\"cell-").Append(number).Append("\">\n")
                  .Append(Markdown.ToHtml(source, Pipeline)).Append("</section>\n");
            }
            else if (cell.IsCode)
            {
                var count = cell.ExecutionCount?.ToString() ?? " ";
                sb.Append("<section class=\"cell code\" id=\"cell-").Append(number).Append("\">\n")
                  .Append("<div class=\"prompt\">[").Append(count).Append("]</div>\n")
                  .Append("<pre class=\"source\"><code class=\"language-csharp\">").Append(WebUtility.HtmlEncode(source)).Append("</code></pre>\n");
                foreach (var output in cell.Outputs.OfType<JsonObject>()) AppendOutput(sb, output);
                sb.Append("</section>\n");
            }
        }
        sb.Append("</main>\n</body>\n</html>\n");
        return sb.ToString();
    }

    /// <summary>Writes the page to <paramref name="path"/> (folders are created).</summary>
    public static void Save(NotebookDocument notebook, string path, HtmlExportOptions? options = null)
    {
        var dir = Path.GetDirectoryName(Path.GetFullPath(path));
        if (dir is not null) Directory.CreateDirectory(dir);
        File.WriteAllText(path, ToHtml(notebook, options), new UTF8Encoding(false));
    }

    private static void AppendOutput(StringBuilder sb, JsonObject output)
    {
        var type = (output["output_type"] as JsonValue)?.GetValue<string>();
        switch (type)
        {
            case "stream":
                var name = (output["name"] as JsonValue)?.GetValue<string>() ?? "stdout";
                sb.Append("<pre class=\"output ").Append(name).Append("\">")
                  .Append(WebUtility.HtmlEncode(NotebookText.Join(output["text"]))).Append("</pre>\n");
                break;
            case "error":
                var lines = output["traceback"] is JsonArray tb ? string.Join("\n", tb.Select(t => t?.GetValue<string>())) : "";
                sb.Append("<pre class=\"output error\">").Append(WebUtility.HtmlEncode(lines)).Append("</pre>\n");
                break;
            case "display_data" or "execute_result":
                if (output["data"] is JsonObject data) AppendData(sb, data);
                break;
        }
    }

    private static void AppendData(StringBuilder sb, JsonObject data)
    {
        sb.Append("<div class=\"output data\">");
        if (data["text/html"] is { } html) sb.Append(NotebookText.Join(html));
        else if (data["image/svg+xml"] is { } svg) sb.Append(NotebookText.Join(svg));
        else if (data["image/png"] is { } png) sb.Append("<img alt=\"output\" src=\"data:image/png;base64,").Append(NotebookText.Join(png).Trim()).Append("\">");
        else if (data["image/jpeg"] is { } jpeg) sb.Append("<img alt=\"output\" src=\"data:image/jpeg;base64,").Append(NotebookText.Join(jpeg).Trim()).Append("\">");
        else if (data["application/json"] is { } json) sb.Append("<pre>").Append(WebUtility.HtmlEncode(json.ToJsonString(new() { WriteIndented = true }))).Append("</pre>");
        else if (data["text/markdown"] is { } md) sb.Append(Markdown.ToHtml(NotebookText.Join(md), Pipeline));
        else if (data["text/plain"] is { } text) sb.Append("<pre>").Append(WebUtility.HtmlEncode(NotebookText.Join(text))).Append("</pre>");
        sb.Append("</div>\n");
    }

    private const string Css = """
        body { font-family: -apple-system, "Segoe UI", Roboto, Helvetica, Arial, sans-serif; line-height: 1.55; color: #1f2328; background: #fff; margin: 0; }
        main { max-width: 1100px; margin: 0 auto; padding: 24px 24px 24px 72px; }  /* the left padding holds the [n] prompts */
        .cell { margin: 14px 0; position: relative; }
        .cell.code .prompt { position: absolute; left: -52px; top: 8px; color: #8c959f; font: 12px monospace; }
        pre { overflow-x: auto; padding: 10px 12px; border-radius: 6px; font-size: 13px; }
        pre.source { background: #f6f8fa; border: 1px solid #d0d7de; }
        pre.output { background: #fff; border-left: 3px solid #d0d7de; margin: 6px 0; }
        pre.output.stderr { border-left-color: #d4a72c; background: #fff8c5; }
        pre.output.error { border-left-color: #cf222e; background: #ffebe9; }
        .output.data { margin: 6px 0; overflow-x: auto; }
        table { border-collapse: collapse; } th, td { border: 1px solid #d0d7de; padding: 4px 8px; }
        img { max-width: 100%; }
        """;
}
