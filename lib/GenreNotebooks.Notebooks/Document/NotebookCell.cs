using System.Text.Json.Nodes;

namespace GenreNotebooks.Notebooks.Document;

/// <summary>
/// One cell of an .ipynb (nbformat 4): a view over the cell's JSON object, so keys this type does not know
/// (attachments, tags, extension metadata) survive a read/write round trip.
/// </summary>
public sealed class NotebookCell
{
    /// <summary>Wraps an existing cell object (as read from a file).</summary>
    public NotebookCell(JsonObject json)
    {
        Json = json ?? throw new ArgumentNullException(nameof(json));
        if (Json["metadata"] is not JsonObject) Json["metadata"] = new JsonObject();
    }

    /// <summary>The cell's JSON object (written back as is).</summary>
    public JsonObject Json { get; }

    /// <summary>A new C# code cell with Polyglot metadata.</summary>
    public static NotebookCell Code(string source, string? id = null)
    {
        var metadata = new JsonObject();
        PolyglotMetadata.ApplyToCodeCell(metadata);
        var cell = new NotebookCell(new JsonObject
        {
            ["cell_type"] = "code",
            ["execution_count"] = null,
            ["id"] = id ?? NewId(),
            ["metadata"] = metadata,
            ["outputs"] = new JsonArray(),
        });
        cell.Source = source;
        return cell;
    }

    /// <summary>A new markdown cell.</summary>
    public static NotebookCell Markdown(string source, string? id = null)
    {
        var cell = new NotebookCell(new JsonObject
        {
            ["cell_type"] = "markdown",
            ["id"] = id ?? NewId(),
            ["metadata"] = new JsonObject(),
        });
        cell.Source = source;
        return cell;
    }

    /// <summary><c>code</c>, <c>markdown</c> or <c>raw</c>.</summary>
    public string CellType => (Json["cell_type"] as JsonValue)?.GetValue<string>() ?? "raw";

    /// <summary>True for code cells.</summary>
    public bool IsCode => CellType == "code";

    /// <summary>The cell id (nbformat 4.5); null when the file has none.</summary>
    public string? Id
    {
        get => (Json["id"] as JsonValue)?.GetValue<string>();
        set => Json["id"] = value;
    }

    /// <summary>The cell's metadata object.</summary>
    public JsonObject Metadata => (JsonObject)Json["metadata"]!;

    /// <summary>
    /// The source text. Files store it as a string or as a list of lines; it is written back as a list of lines
    /// (each but the last ending in <c>\n</c>), as Jupyter and VS Code do.
    /// </summary>
    public string Source
    {
        get => NotebookText.Join(Json["source"]);
        set => Json["source"] = NotebookText.Split(value);
    }

    /// <summary>The outputs array of a code cell (created empty when missing).</summary>
    public JsonArray Outputs
    {
        get
        {
            if (Json["outputs"] is not JsonArray outputs) Json["outputs"] = outputs = new JsonArray();
            return outputs;
        }
    }

    /// <summary>The execution count of a code cell (null when not executed).</summary>
    public int? ExecutionCount
    {
        get => (Json["execution_count"] as JsonValue)?.GetValue<int>();
        set => Json["execution_count"] = value;
    }

    /// <summary>The first non-empty line of the source, for error messages.</summary>
    public string FirstLine =>
        Source.Split('\n').Select(l => l.TrimEnd('\r')).FirstOrDefault(l => l.Trim().Length > 0)?.Trim() ?? "";

    internal static string NewId() => Guid.NewGuid().ToString("N")[..12];
}
