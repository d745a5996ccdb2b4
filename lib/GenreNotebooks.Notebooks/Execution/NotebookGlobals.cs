using System.Text.Json.Nodes;

namespace GenreNotebooks.Notebooks.Execution;

/// <summary>
/// The globals of every cell the runner executes: what the Polyglot C# kernel offers at top level, so notebooks
/// run unchanged in VS Code and here.
/// </summary>
public sealed class NotebookGlobals
{
    private readonly Func<CellOutputSink> _sink;

    internal NotebookGlobals(Func<CellOutputSink> sink) => _sink = sink;

    /// <summary>
    /// Shows <paramref name="value"/> as a cell output (figures as HTML, strings as text) and returns a handle whose
    /// <see cref="DisplayedValue.Update"/> replaces it. Polyglot's <c>display(value, "text/html")</c> form is
    /// supported: with <c>text/html</c>, a string is taken as HTML.
    /// </summary>
    // The lower-case name is the Polyglot kernel's, so notebooks read the same in VS Code.
    public DisplayedValue display(object? value, params string[] mimeTypes)
    {
        var sink = _sink();
        var output = sink.Add(CellOutputSink.DisplayData(MimeFormatter.Format(value, mimeTypes)));
        return new DisplayedValue(output, sink.Gate, mimeTypes);
    }
}
