using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace GenreNotebooks.Notebooks.Document;

/// <summary>
/// A Jupyter notebook (.ipynb, nbformat 4.5) with the metadata VS Code's Polyglot Notebooks extension expects.
/// Holds the file's JSON tree, so unknown metadata and cell keys are preserved when it is written back.
/// </summary>
public sealed class NotebookDocument
{
    private static readonly JsonSerializerOptions WriteOptions = new()
    {
        WriteIndented = true,
        IndentSize = 1,
        // Notebooks are read by people in diffs: keep non-ASCII text and HTML characters readable.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private NotebookDocument(JsonObject json, string? path)
    {
        Json = json;
        Path = path;
        if (Json["metadata"] is not JsonObject) Json["metadata"] = new JsonObject();
        if (Json["cells"] is not JsonArray) Json["cells"] = new JsonArray();
        Cells = ((JsonArray)Json["cells"]!).Select((c, i) => c is JsonObject o
            ? new NotebookCell(o)
            : throw new FormatException($"{path ?? "notebook"}: cell {i + 1} is not a JSON object.")).ToList();
    }

    /// <summary>The notebook's JSON object.</summary>
    public JsonObject Json { get; }

    /// <summary>The file this notebook was read from (null for one built in memory).</summary>
    public string? Path { get; }

    /// <summary>The cells, in order. Add or remove cells through this list; it is written back on save.</summary>
    public List<NotebookCell> Cells { get; }

    /// <summary>The notebook-level metadata.</summary>
    public JsonObject Metadata => (JsonObject)Json["metadata"]!;

    /// <summary>An empty C# notebook with Polyglot metadata, nbformat 4.5.</summary>
    public static NotebookDocument Create()
    {
        var doc = new NotebookDocument(new JsonObject
        {
            ["cells"] = new JsonArray(),
            ["metadata"] = new JsonObject(),
            ["nbformat"] = 4,
            ["nbformat_minor"] = 5,
        }, null);
        PolyglotMetadata.ApplyToNotebook(doc.Metadata);
        return doc;
    }

    /// <summary>Reads an .ipynb file.</summary>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="FormatException">The file is not an nbformat 4 notebook; the message names the file.</exception>
    public static NotebookDocument Load(string path)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"Notebook not found: {path}", path);
        return Parse(File.ReadAllText(path, Encoding.UTF8), path);
    }

    /// <summary>Parses notebook JSON; <paramref name="path"/> only names the source in error messages.</summary>
    /// <exception cref="FormatException">Not valid JSON or not an nbformat 4 notebook.</exception>
    public static NotebookDocument Parse(string json, string? path = null)
    {
        JsonNode? root;
        try { root = JsonNode.Parse(json); }
        catch (JsonException e) { throw new FormatException($"{path ?? "notebook"}: not valid JSON ({e.Message}).", e); }
        if (root is not JsonObject obj)
            throw new FormatException($"{path ?? "notebook"}: the top level is not a JSON object.");
        var major = (obj["nbformat"] as JsonValue)?.GetValue<int>();
        if (major != 4)
            throw new FormatException($"{path ?? "notebook"}: nbformat {major?.ToString() ?? "(missing)"} is not supported; expected 4.");
        return new NotebookDocument(obj, path);
    }

    /// <summary>
    /// Makes the notebook ready to open in VS Code as C#: Polyglot metadata on the notebook and on every code cell,
    /// a cell id on every cell and nbformat_minor of at least 5 (the version that has cell ids).
    /// </summary>
    public void Normalize()
    {
        PolyglotMetadata.ApplyToNotebook(Metadata);
        if (((Json["nbformat_minor"] as JsonValue)?.GetValue<int>() ?? 0) < 5) Json["nbformat_minor"] = 5;
        foreach (var cell in Cells)
        {
            if (string.IsNullOrEmpty(cell.Id)) cell.Id = NotebookCell.NewId();
            if (cell.IsCode) PolyglotMetadata.ApplyToCodeCell(cell.Metadata);
        }
    }

    /// <summary>The notebook as indented JSON (one-space indent, as Jupyter writes), ending in a newline.</summary>
    public string ToJson()
    {
        var cells = new JsonArray();
        foreach (var cell in Cells)
        {
            cell.Json.Parent?.AsArray().Remove(cell.Json);
            if (cell.Json["source"] is JsonValue) cell.Source = cell.Source;
            cells.Add(cell.Json);
        }
        Json["cells"] = cells;
        return Json.ToJsonString(WriteOptions) + "\n";
    }

    /// <summary>Writes the notebook to <paramref name="path"/> (folders are created).</summary>
    public void Save(string path)
    {
        var dir = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path));
        if (dir is not null) Directory.CreateDirectory(dir);
        File.WriteAllText(path, ToJson(), new UTF8Encoding(false));
    }
}
