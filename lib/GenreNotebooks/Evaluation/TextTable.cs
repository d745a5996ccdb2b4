using System.Net;
using System.Text;

namespace GenreNotebooks.Evaluation;

/// <summary>Plain-text (right-aligned columns) and HTML rendering of a small table of strings.</summary>
internal static class TextTable
{
    public static string Text(IReadOnlyList<string> header, IReadOnlyList<IReadOnlyList<string>> rows)
    {
        int cols = header.Count;
        var widths = new int[cols];
        for (int c = 0; c < cols; c++)
        {
            widths[c] = header[c].Length;
            foreach (var row in rows) widths[c] = Math.Max(widths[c], row[c].Length);
        }
        var sb = new StringBuilder();
        void Line(IReadOnlyList<string> cells)
        {
            for (int c = 0; c < cols; c++)
            {
                if (c > 0) sb.Append("  ");
                sb.Append(cells[c].PadLeft(widths[c]));
            }
            sb.Append('\n');
        }
        Line(header);
        foreach (var row in rows) Line(row);
        return sb.ToString();
    }

    public static string Html(IReadOnlyList<string> header, IReadOnlyList<IReadOnlyList<string>> rows, string? caption = null)
    {
        var sb = new StringBuilder("<table>");
        if (caption is not null) sb.Append("<caption>").Append(WebUtility.HtmlEncode(caption)).Append("</caption>");
        sb.Append("<thead><tr>");
        foreach (var h in header) sb.Append("<th>").Append(WebUtility.HtmlEncode(h)).Append("</th>");
        sb.Append("</tr></thead><tbody>");
        foreach (var row in rows)
        {
            sb.Append("<tr>");
            for (int c = 0; c < row.Count; c++)
            {
                string tag = c == 0 ? "th" : "td";
                sb.Append('<').Append(tag).Append(c == 0 ? ">" : " style=\"text-align:right\">")
                  .Append(WebUtility.HtmlEncode(row[c])).Append("</").Append(tag).Append('>');
            }
            sb.Append("</tr>");
        }
        sb.Append("</tbody></table>");
        return sb.ToString();
    }
}
