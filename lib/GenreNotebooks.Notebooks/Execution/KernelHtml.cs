using System.Collections;
using System.Globalization;
using System.Reflection;
using System.Text;
using System.Text.Encodings.Web;

namespace GenreNotebooks.Notebooks.Execution;

/// <summary>
/// The HTML the .NET Interactive C# kernel (1.0.0-beta.26120.1, what Polyglot runs) gives values that are not text:
/// an object is an open tree view (its <c>ToString()</c> as the summary, a table of its public properties and fields
/// as the body); a collection of objects is a table with an <i>index</i> and a <i>value</i> column, one closed tree
/// view per item, the first 20 items and then a "... (more)" row; a dictionary is a <i>key</i> / <i>value</i> table;
/// a Microsoft.Data.Analysis DataFrame is a table with an <i>index</i> column and one column per DataFrame column
/// (as the DataFrame kernel extension draws it; the first 25 rows, the page the kernel shows first). Scalars and
/// collections of scalars inside these are <c>&lt;pre&gt;</c> text, as the kernel writes them.
/// </summary>
internal static class KernelHtml
{
    /// <summary>Items of a collection shown, as the kernel's list expansion limit.</summary>
    public const int MaxItems = 20;

    /// <summary>Rows of a DataFrame shown: the kernel extension's page size.</summary>
    public const int DataFramePageRows = 25;

    private const int MaxDepth = 3;

    // Our own rules for the kernel's class names, so the runner's page lays the trees out as VS Code does.
    private const string Style =
        "<style>\n.dni-code-hint { font-style: italic; overflow: hidden; white-space: nowrap; }\n" +
        ".dni-treeview { white-space: nowrap; }\n.dni-treeview td { vertical-align: top; text-align: start; }\n" +
        "details.dni-treeview { padding-left: 1em; }\ntable td, table th { text-align: start; }\n" +
        "table tr td pre { vertical-align: top; margin: 0; }\n</style>";

    /// <summary>True when the kernel shows <paramref name="value"/> as text: null, scalars, collections of scalars.</summary>
    public static bool IsText(object? value) =>
        value is null || IsScalar(value.GetType()) || (value is IEnumerable items and not IDictionary && !IsDataFrame(value) && AllScalar(items));

    /// <summary>The HTML of a value that is not text (see <see cref="IsText"/>), with the style its class names need.</summary>
    public static string Format(object value)
    {
        var sb = new StringBuilder();
        if (IsDataFrame(value)) DataFrame(sb, value);
        else Value(sb, value, depth: 0, open: true);
        return sb.Append(Style).ToString();
    }

    private static bool IsScalar(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        return type.IsPrimitive || type.IsEnum || type == typeof(string) || type == typeof(decimal) || type == typeof(DateTime)
               || type == typeof(DateTimeOffset) || type == typeof(TimeSpan) || type == typeof(Guid) || type == typeof(DateOnly)
               || type == typeof(TimeOnly) || type == typeof(System.Numerics.BigInteger) || type == typeof(Half);
    }

    private static bool AllScalar(IEnumerable items)
    {
        int n = 0;
        foreach (var item in items)
        {
            if (item is not null && !IsScalar(item.GetType())) return false;
            if (++n > MaxItems) break;
        }
        return true;
    }

    private static bool IsDataFrame(object value) => value.GetType().FullName == "Microsoft.Data.Analysis.DataFrame";

    private static string Encode(string s) => HtmlEncoder.Default.Encode(s);

    private static void PlainText(StringBuilder sb, object? value) =>
        sb.Append("<div class=\"dni-plaintext\"><pre>").Append(Encode(MimeFormatter.ToPlainText(value))).Append("</pre></div>");

    private static void Value(StringBuilder sb, object? value, int depth, bool open)
    {
        switch (value)
        {
            case Microsoft.AspNetCore.Html.IHtmlContent html:
                sb.Append(MimeFormatter.ToHtml(html));
                return;
            case var _ when IsText(value) || depth >= MaxDepth:
                PlainText(sb, value);
                return;
            case IDictionary dict:
                Dictionary(sb, dict, depth);
                return;
            case IEnumerable items when !IsDataFrame(value!):
                Items(sb, items, depth);
                return;
            default:
                Tree(sb, value!, depth, open);
                return;
        }
    }

    private static void Dictionary(StringBuilder sb, IDictionary dict, int depth)
    {
        sb.Append("<table><thead><tr><th><i>key</i></th><th>value</th></tr></thead><tbody>");
        int n = 0;
        foreach (DictionaryEntry e in dict)
        {
            if (n++ == MaxItems) { sb.Append("<tr><td colspan=\"2\"><i>... (more)</i></td></tr>"); break; }
            sb.Append("<tr><td>");
            Value(sb, e.Key, depth + 1, open: false);
            sb.Append("</td><td>");
            Value(sb, e.Value, depth + 1, open: false);
            sb.Append("</td></tr>");
        }
        sb.Append("</tbody></table>");
    }

    private static void Items(StringBuilder sb, IEnumerable items, int depth)
    {
        sb.Append("<table><thead><tr><th><i>index</i></th><th>value</th></tr></thead><tbody>");
        int i = 0;
        foreach (var item in items)
        {
            if (i == MaxItems) { sb.Append("<tr><td colspan=\"2\"><i>... (more)</i></td></tr>"); break; }
            sb.Append("<tr><td>").Append(i.ToString(CultureInfo.InvariantCulture)).Append("</td><td>");
            Value(sb, item, depth + 1, open: false);
            sb.Append("</td></tr>");
            i++;
        }
        sb.Append("</tbody></table>");
    }

    private static void Tree(StringBuilder sb, object value, int depth, bool open)
    {
        sb.Append(open ? "<details open=\"open\" class=\"dni-treeview\">" : "<details class=\"dni-treeview\">")
            .Append("<summary><span class=\"dni-code-hint\"><code>").Append(Encode(value.ToString() ?? value.GetType().FullName ?? ""))
            .Append("</code></span></summary><div><table><thead><tr></tr></thead><tbody>");
        foreach (var (name, member) in Members(value))
        {
            sb.Append("<tr><td>").Append(Encode(name)).Append("</td><td>");
            Value(sb, member, depth + 1, open: false);
            sb.Append("</td></tr>");
        }
        sb.Append("</tbody></table></div></details>");
    }

    // Public instance properties without parameters, then public fields, in declaration order.
    private static IEnumerable<(string Name, object? Value)> Members(object value)
    {
        var type = value.GetType();
        foreach (var p in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (p.GetIndexParameters().Length > 0 || p.GetMethod is null) continue;
            object? v;
            try { v = p.GetValue(value); }
            catch (TargetInvocationException e) { v = e.InnerException?.GetType().Name ?? "error"; }
            yield return (p.Name, v);
        }
        foreach (var f in type.GetFields(BindingFlags.Public | BindingFlags.Instance))
            yield return (f.Name, f.GetValue(value));
    }

    // By reflection: the runner does not depend on Microsoft.Data.Analysis; a notebook that uses it brings it.
    private static void DataFrame(StringBuilder sb, object frame)
    {
        var type = frame.GetType();
        var columns = ((IEnumerable)type.GetProperty("Columns")!.GetValue(frame)!).Cast<object>().ToList();
        var rows = type.GetProperty("Rows")!.GetValue(frame)!;
        long count = (long)rows.GetType().GetProperty("Count")!.GetValue(rows)!;
        var rowAt = rows.GetType().GetProperty("Item", [typeof(long)])!;
        long shown = Math.Min(count, DataFramePageRows);
        sb.Append("<table>");
        if (count > DataFramePageRows)
            sb.Append("<caption><h3 style=\"text-align: center;\">DataFrame - ")
                .Append(count.ToString(CultureInfo.InvariantCulture)).Append(" rows (showing the first ")
                .Append(DataFramePageRows.ToString(CultureInfo.InvariantCulture)).Append(")</h3></caption>");
        sb.Append("<thead><tr><th><i>index</i></th>");
        foreach (var c in columns)
            sb.Append("<th>").Append(Encode((string?)c.GetType().GetProperty("Name")!.GetValue(c) ?? "")).Append("</th>");
        sb.Append("</tr></thead><tbody>");
        for (long r = 0; r < shown; r++)
        {
            sb.Append("<tr><td><i>");
            PlainText(sb, r);
            sb.Append("</i></td>");
            foreach (var cell in (IEnumerable)rowAt.GetValue(rows, [r])!)
            {
                sb.Append("<td>");
                if (cell is string s) sb.Append(Encode(s));
                else PlainText(sb, cell);
                sb.Append("</td>");
            }
            sb.Append("</tr>");
        }
        sb.Append("</tbody></table>");
    }
}
