using System.Text;
using System.Text.Json.Nodes;
using GenreNotebooks.Notebooks.Document;

namespace GenreNotebooks.Notebooks.Execution;

/// <summary>
/// Collects one cell's outputs in the order they happen: console text is merged into stream outputs, a display
/// starts a new output, so text before and after a figure stays where it was printed.
/// </summary>
internal sealed class CellOutputSink
{
    private readonly List<JsonObject> _outputs = [];
    private readonly StringBuilder _pending = new();
    private string? _pendingStream;

    public object Gate { get; } = new();

    public void Write(string stream, string text)
    {
        if (string.IsNullOrEmpty(text)) return;
        lock (Gate)
        {
            if (_pendingStream != stream) FlushPending();
            _pendingStream = stream;
            _pending.Append(text);
        }
    }

    public JsonObject Add(JsonObject output)
    {
        lock (Gate)
        {
            FlushPending();
            _outputs.Add(output);
            return output;
        }
    }

    public List<JsonObject> Drain()
    {
        lock (Gate)
        {
            FlushPending();
            var all = _outputs.ToList();
            _outputs.Clear();
            return all;
        }
    }

    private void FlushPending()
    {
        if (_pending.Length == 0 || _pendingStream is null) return;
        _outputs.Add(new JsonObject
        {
            ["name"] = _pendingStream,
            ["output_type"] = "stream",
            ["text"] = NotebookText.Split(_pending.ToString()),
        });
        _pending.Clear();
    }

    public static JsonObject DisplayData(JsonObject data) => new()
    {
        ["data"] = data,
        ["metadata"] = new JsonObject(),
        ["output_type"] = "display_data",
    };

    public static JsonObject ExecuteResult(JsonObject data, int executionCount) => new()
    {
        ["data"] = data,
        ["execution_count"] = executionCount,
        ["metadata"] = new JsonObject(),
        ["output_type"] = "execute_result",
    };

    public static JsonObject Error(string name, string message, IEnumerable<string> traceback) => new()
    {
        ["ename"] = name,
        ["evalue"] = message,
        ["output_type"] = "error",
        ["traceback"] = new JsonArray(traceback.Select(t => (JsonNode?)JsonValue.Create(t)).ToArray()),
    };
}
