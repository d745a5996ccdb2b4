using Microsoft.AspNetCore.Html;
using Microsoft.DotNet.Interactive.Events;

namespace GenreNotebooks.Kernel.Tests;

internal static class KernelAssert
{
    /// <summary>Every code cell ran and none failed; the message names the notebook, cell, first line and error.</summary>
    public static void AllCellsSucceeded(KernelNotebookRun run)
    {
        Assert.NotEmpty(run.Cells);
        var failed = run.Failures;
        Assert.True(failed.Count == 0, $"{run.Name} failed in the .NET Interactive kernel: " + string.Join("\n", failed.Select(c => c.Describe())));
    }

    /// <summary>
    /// Each update lands in place in Polyglot: it carries the id of an output produced earlier in the same cell
    /// (the client replaces the output with that id, and appends a new output for an unknown id).
    /// </summary>
    public static void UpdatesLandInPlace(KernelCell cell, IEnumerable<DisplayedValueUpdated> updates)
    {
        var produced = new HashSet<string>();
        var pending = updates.ToHashSet();
        foreach (var e in cell.Events)
        {
            if (e is DisplayedValueProduced p && p.ValueId is not null) produced.Add(p.ValueId);
            if (e is DisplayedValueUpdated u && pending.Contains(u))
                Assert.True(u.ValueId is not null && produced.Contains(u.ValueId),
                    $"cell {cell.Number} ({cell.FirstLine}): an update of '{Describe(u)}' carries id {u.ValueId}, which no earlier output of the cell has " +
                    $"({string.Join(", ", produced)}): VS Code would add a second output instead of replacing the first");
        }
    }

    /// <summary>An HTML value (a figure, a table) reaches the client as text/html holding exactly its own HTML.</summary>
    public static void HtmlValuesAreHtml(KernelCell cell)
    {
        foreach (var d in cell.Displays.Where(d => d.Value is IHtmlContent))
        {
            var html = d.FormattedValues.SingleOrDefault(f => f.MimeType == "text/html");
            Assert.True(html is not null, $"cell {cell.Number}: {d.Value!.GetType().Name} arrived without text/html ({string.Join(", ", d.FormattedValues.Select(f => f.MimeType))})");
            using var writer = new StringWriter();
            ((IHtmlContent)d.Value!).WriteTo(writer, System.Text.Encodings.Web.HtmlEncoder.Default);
            Assert.Equal(writer.ToString(), html!.Value);
        }
    }

    private static string Describe(DisplayEvent e) => e.Value?.ToString() is { } s ? (s.Length > 60 ? s[..60] + "..." : s) : "null";
}
