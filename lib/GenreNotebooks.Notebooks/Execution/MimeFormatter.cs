using System.Collections;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using GenreNotebooks.Notebooks.Document;
using Microsoft.AspNetCore.Html;

namespace GenreNotebooks.Notebooks.Execution;

/// <summary>
/// Turns a displayed or returned value into a Jupyter MIME bundle (the <c>data</c> of an output), following the
/// Polyglot C# kernel: <see cref="IHtmlContent"/> becomes <c>text/html</c> (how library figures show up), a
/// <see cref="FormattedValue"/> keeps its MIME type, JSON nodes become <c>application/json</c>. Strings, numbers and
/// other scalars and collections of scalars are <c>text/plain</c> (strings as they are, collections as
/// <c>[ a, b, c ]</c>, numbers in the invariant culture), the kernel's text. Other objects, collections of objects,
/// dictionaries and Microsoft.Data.Analysis DataFrames get the kernel's <c>text/html</c> (a tree view of the
/// object's properties, an index/value table, a key/value table, a table with one column per DataFrame column) and
/// their text as <c>text/plain</c> beside it.
/// </summary>
public static class MimeFormatter
{
    /// <summary>Collections longer than this are shortened in text/plain.</summary>
    public const int MaxItems = 20;

    /// <summary>
    /// The MIME bundle of <paramref name="value"/>. When <paramref name="mimeTypes"/> names <c>text/html</c> and the
    /// value is a string, the string is taken as HTML (Polyglot's <c>display(html, "text/html")</c>).
    /// </summary>
    public static JsonObject Format(object? value, params string[] mimeTypes)
    {
        var data = new JsonObject();
        switch (value)
        {
            case FormattedValue f:
                data[f.MimeType] = Encode(f.MimeType, f.Value);
                if (f.MimeType != "text/plain") data["text/plain"] = NotebookText.Split(f.MimeType);
                return data;
            case IEnumerable<FormattedValue> many:
                foreach (var f in many) data[f.MimeType] = Encode(f.MimeType, f.Value);
                return data;
            case IHtmlContent html:
                data["text/html"] = NotebookText.Split(ToHtml(html));
                data["text/plain"] = NotebookText.Split(html.GetType().FullName ?? "html");
                return data;
            case string s when mimeTypes.Contains("text/html"):
                data["text/html"] = NotebookText.Split(s);
                return data;
            case JsonNode node:
                data["application/json"] = node.DeepClone();
                data["text/plain"] = NotebookText.Split(node.ToJsonString());
                return data;
            case JsonDocument doc:
                data["application/json"] = JsonNode.Parse(doc.RootElement.GetRawText());
                data["text/plain"] = NotebookText.Split(doc.RootElement.GetRawText());
                return data;
        }
        if (!KernelHtml.IsText(value) && (mimeTypes.Length == 0 || mimeTypes.Contains("text/html")))
            data["text/html"] = NotebookText.Split(KernelHtml.Format(value!));
        data["text/plain"] = NotebookText.Split(ToPlainText(value));
        return data;
    }

    /// <summary>The HTML text of an <see cref="IHtmlContent"/>.</summary>
    public static string ToHtml(IHtmlContent html)
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        html.WriteTo(writer, HtmlEncoder.Default);
        return writer.ToString();
    }

    /// <summary>The text/plain form: <c>&lt;null&gt;</c>, strings as is, collections as <c>[ a, b, c ]</c>.</summary>
    public static string ToPlainText(object? value)
    {
        switch (value)
        {
            case null: return "<null>";
            case string s: return s;
            case IFormattable f: return f.ToString(null, CultureInfo.InvariantCulture);
            case IDictionary dict:
            {
                var sb = new StringBuilder();
                int n = 0;
                foreach (DictionaryEntry e in dict)
                {
                    if (n++ == MaxItems) { sb.Append($"... ({dict.Count - MaxItems} more)\n"); break; }
                    sb.Append(ToPlainText(e.Key)).Append(": ").Append(ToPlainText(e.Value)).Append('\n');
                }
                return sb.ToString().TrimEnd('\n');
            }
            case IEnumerable items:
            {
                var parts = new List<string>();
                int count = 0;
                foreach (var item in items)
                {
                    if (count++ < MaxItems) parts.Add(item is IEnumerable and not string ? ToPlainText(item) : ToPlainText(item));
                }
                var text = "[ " + string.Join(", ", parts) + (count > MaxItems ? $", ... ({count - MaxItems} more)" : "") + " ]";
                return count == 0 ? "[ ]" : text;
            }
            default: return value.ToString() ?? value.GetType().FullName ?? "";
        }
    }

    private static JsonNode? Encode(string mime, string value) =>
        mime == "application/json" || mime.EndsWith("+json", StringComparison.Ordinal)
            ? JsonNode.Parse(value)
            : mime.StartsWith("image/", StringComparison.Ordinal) && mime != "image/svg+xml"
                ? JsonValue.Create(value)
                : NotebookText.Split(value);
}
