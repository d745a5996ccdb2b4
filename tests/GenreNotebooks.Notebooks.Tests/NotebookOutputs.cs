using System.Text.Json.Nodes;
using GenreNotebooks.Notebooks.Document;

namespace GenreNotebooks.Notebooks.Tests;

/// <summary>What the notebook tests read back from an executed notebook: a cell's output text and a network's layout.</summary>
internal static class NotebookOutputs
{
    /// <summary>A network's parameter names and shapes, "name:AxB;..." in state-dict order.</summary>
    public static string Signature(GenreNotebooks.Nn.Modules.Module m) =>
        string.Join(";", m.StateDict().Select(kv => kv.Key + ":" + string.Join("x", kv.Value.Shape)));

    /// <summary>All text of an executed cell's outputs: its streams and every MIME type of its display data.</summary>
    public static string Output(NotebookCell cell) =>
        string.Concat((cell.Json["outputs"] as JsonArray ?? []).Select(o => o switch
        {
            JsonObject s when (string?)s["output_type"] == "stream" => Text(s["text"]),
            JsonObject d => string.Concat((d["data"] as JsonObject ?? []).Select(kv => Text(kv.Value))),
            _ => "",
        }));

    private static string Text(JsonNode? node) => node switch
    {
        JsonArray a => string.Concat(a.Select(x => (string?)x)),
        JsonValue v => v.ToString(),
        _ => "",
    };
}
