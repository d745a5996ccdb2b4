using Microsoft.AspNetCore.Html;

namespace GenreNotebooks.FileApps;

/// <summary>
/// The handle <see cref="ConsoleNotebook.display"/> returns: <see cref="Update"/> rewrites the value's page (a
/// figure redrawn per epoch keeps one file) or prints the new text on a new line.
/// </summary>
public sealed class ConsoleDisplayedValue
{
    private readonly string[] _mimeTypes;
    private readonly object _gate = new();
    private string? _page;

    internal ConsoleDisplayedValue(string[] mimeTypes) => _mimeTypes = mimeTypes ?? [];

    /// <summary>The page this handle writes, once it has shown an HTML value; else null.</summary>
    public string? Page
    {
        get
        {
            lock (_gate) return _page;
        }
    }

    /// <summary>Shows <paramref name="value"/> in place of the previous one.</summary>
    public void Update(object? value) => Show(value);

    internal void Show(object? value)
    {
        lock (_gate)
        {
            bool html = value is IHtmlContent || (value is string && _mimeTypes.Contains("text/html"));
            if (!html)
            {
                Console.WriteLine(ConsoleNotebook.Text(value));
                return;
            }
            bool announce = _page is null;
            _page ??= ConsoleNotebook.NextPage();
            ConsoleNotebook.WritePage(_page, value!);
            if (announce) Console.WriteLine($"[{(value as Plots.Figure)?.ToString() ?? "HTML"}: {_page}]");
        }
    }
}
