using System.Text;
using System.Text.Json.Nodes;

namespace GenreNotebooks.Notebooks.Document;

/// <summary>
/// nbformat's "multiline string": a string or an array of lines. Joins it into one string and splits a string
/// into the line array Jupyter writes.
/// </summary>
public static class NotebookText
{
    /// <summary>Joins a string or array-of-lines node into one string (null gives "").</summary>
    public static string Join(JsonNode? node)
    {
        switch (node)
        {
            case null: return "";
            case JsonValue v: return v.GetValue<string>();
            case JsonArray a:
                var sb = new StringBuilder();
                foreach (var line in a) sb.Append(line?.GetValue<string>());
                return sb.ToString();
            default: throw new FormatException($"Expected a string or a list of strings, found {node.ToJsonString()}.");
        }
    }

    /// <summary>Splits text into lines, each but the last keeping its trailing <c>\n</c>.</summary>
    public static JsonArray Split(string text)
    {
        var array = new JsonArray();
        int start = 0;
        for (int i = 0; i < text.Length; i++)
        {
            if (text[i] != '\n') continue;
            array.Add(text[start..(i + 1)]);
            start = i + 1;
        }
        if (start < text.Length) array.Add(text[start..]);
        return array;
    }
}
