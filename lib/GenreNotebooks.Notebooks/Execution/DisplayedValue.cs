using System.Text.Json.Nodes;

namespace GenreNotebooks.Notebooks.Execution;

/// <summary>
/// The handle <c>display(...)</c> returns, as Polyglot's <c>DisplayedValue</c>: <see cref="Update"/> replaces the
/// shown value in place (live training progress, a figure redrawn per epoch).
/// </summary>
public sealed class DisplayedValue
{
    private readonly JsonObject _output;
    private readonly object _gate;

    internal DisplayedValue(JsonObject output, object gate, string[] mimeTypes)
    {
        _output = output;
        _gate = gate;
        MimeTypes = mimeTypes;
    }

    /// <summary>The MIME types asked for when the value was first displayed.</summary>
    public IReadOnlyList<string> MimeTypes { get; }

    /// <summary>Replaces the displayed value with <paramref name="value"/>, formatted as the first one was.</summary>
    public void Update(object? value)
    {
        var data = MimeFormatter.Format(value, [.. MimeTypes]);
        lock (_gate) _output["data"] = data;
    }
}
