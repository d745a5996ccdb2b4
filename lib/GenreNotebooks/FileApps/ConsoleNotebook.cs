using System.Collections;
using System.Globalization;
using System.Text.Encodings.Web;
using GenreNotebooks.Plots;
using Microsoft.AspNetCore.Html;

namespace GenreNotebooks.FileApps;

/// <summary>
/// The notebook globals of a notebook exported as a .NET file-based app (<c>genre notebooks export --to cs</c>,
/// run with <c>dotnet run NN-name.cs</c>): <c>display(...)</c> writes text to the console and HTML values (figures,
/// tables) to pages in an output folder, printing each page's path; a cell's last expression is displayed the same
/// way. The exported file calls <see cref="Start"/> first and imports this class with <c>using static</c>.
/// </summary>
public static class ConsoleNotebook
{
    private static int _pages;

    /// <summary>The folder the HTML pages go to (<c>&lt;name&gt;.output</c> in the working directory, by <see cref="Start"/>).</summary>
    public static string OutputFolder { get; private set; } = Path.Combine(Directory.GetCurrentDirectory(), "notebook.output");

    /// <summary>
    /// The local plotly.js (node_modules/plotly.js-dist-min) that is copied once into <see cref="OutputFolder"/> for the
    /// pages to load, or null: the pages then load it from <see cref="PlotlyJs.CdnUrl"/>.
    /// </summary>
    public static string? PlotlyScript { get; private set; }

    /// <summary>Starts the app of notebook <paramref name="name"/>: pages go to <c>&lt;name&gt;.output/</c> (or <paramref name="outputFolder"/>).</summary>
    public static void Start(string name, string? outputFolder = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        OutputFolder = Path.GetFullPath(outputFolder ?? Path.Combine(Directory.GetCurrentDirectory(), name + ".output"));
        PlotlyScript = PlotlyJs.FindLocal();
        _pages = 0;
    }

    /// <summary>
    /// Shows <paramref name="value"/>: an <see cref="IHtmlContent"/> (or a string with <c>text/html</c> in
    /// <paramref name="mimeTypes"/>) becomes a page in <see cref="OutputFolder"/>, anything else a console line
    /// (collections as <c>[ a, b ]</c>). The handle's <see cref="ConsoleDisplayedValue.Update"/> rewrites the page or
    /// prints the new text.
    /// </summary>
    // The lower-case name is the notebooks' (Polyglot's display), so exported cells compile unchanged.
    public static ConsoleDisplayedValue display(object? value, params string[] mimeTypes)
    {
        var shown = new ConsoleDisplayedValue(mimeTypes);
        shown.Show(value);
        return shown;
    }

    /// <summary>Displays the value of a cell's last expression, as the notebook shows it under the cell.</summary>
    public static void Result(Func<object?> value)
    {
        ArgumentNullException.ThrowIfNull(value);
        display(value());
    }

    /// <summary>A cell's last expression that has no value (a void call): runs it.</summary>
    public static void Result(Action action)
    {
        ArgumentNullException.ThrowIfNull(action);
        action();
    }

    internal static string NextPage() => Path.Combine(OutputFolder, $"output-{Interlocked.Increment(ref _pages):000}.html");

    internal static string Text(object? value) => value switch
    {
        null => "<null>",
        string s => s,
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        IEnumerable items => "[ " + string.Join(", ", items.Cast<object?>().Take(20).Select(Text)) + (items.Cast<object?>().Skip(20).Any() ? ", ..." : "") + " ]",
        _ => value.ToString() ?? "",
    };

    // One page per displayed value; plotly.js is one file beside them (4.8 MB), not inlined in every page.
    internal static void WritePage(string path, object value)
    {
        var folder = Path.GetDirectoryName(path)!;
        Directory.CreateDirectory(folder);
        string body;
        if (value is IHtmlContent html)
        {
            using var writer = new StringWriter(CultureInfo.InvariantCulture);
            html.WriteTo(writer, HtmlEncoder.Default);
            body = writer.ToString();
        }
        else body = value as string ?? "";
        string script = PlotlyJs.CdnUrl;
        if (PlotlyScript is not null)
        {
            var copy = Path.Combine(folder, "plotly.min.js");
            if (!File.Exists(copy)) File.Copy(PlotlyScript, copy);
            script = "plotly.min.js";
        }
        var head = value is Figure ? $"<script type=\"text/javascript\" src=\"{script}\" data-genre-plotly></script>\n" : "";
        File.WriteAllText(path, "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n" + head + "</head>\n<body>\n" + body + "\n</body>\n</html>\n");
    }
}
