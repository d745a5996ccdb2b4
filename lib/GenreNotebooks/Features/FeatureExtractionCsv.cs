using System.Globalization;
using System.Text;

namespace GenreNotebooks.Features;

/// <summary>
/// Row-by-row writer of a Kaggle-format GTZAN feature CSV (header <see cref="GtzanColumns.All"/>, numbers as Python
/// prints them) that appends to an existing file, so an interrupted extraction keeps every row it flushed and a rerun
/// resumes after them. Opening drops a trailing partial line left by an interruption.
/// </summary>
public sealed class FeatureExtractionCsv : IDisposable
{
    private readonly StreamWriter _writer;
    private readonly HashSet<string> _filenames;

    private FeatureExtractionCsv(StreamWriter writer, HashSet<string> filenames)
    {
        _writer = writer;
        _filenames = filenames;
    }

    /// <summary>The header line of Kaggle's feature files.</summary>
    public static string Header => string.Join(',', GtzanColumns.All);

    /// <summary>File names (first column) of the rows in the file, including those appended since opening.</summary>
    public IReadOnlyCollection<string> Filenames => _filenames;

    /// <summary>True when a row named <paramref name="filename"/> is in the file.</summary>
    public bool Contains(string filename) => _filenames.Contains(filename);

    /// <summary>
    /// Opens <paramref name="path"/> for appending: a new or empty file gets the header; an existing one must start with
    /// the header, its row names are collected, and an incomplete last line is removed.
    /// </summary>
    /// <exception cref="InvalidDataException">The existing file does not start with the GTZAN header.</exception>
    public static FeatureExtractionCsv Open(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var dir = Path.GetDirectoryName(Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(dir)) Directory.CreateDirectory(dir);
        var names = new HashSet<string>(StringComparer.Ordinal);
        bool needHeader = true;
        if (File.Exists(path) && new FileInfo(path).Length > 0)
        {
            var text = File.ReadAllText(path, Encoding.UTF8);
            int lastNewline = text.LastIndexOf('\n');
            var complete = lastNewline < 0 ? "" : text[..(lastNewline + 1)];
            var lines = complete.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            if (lines.Length == 0 || lines[0].TrimEnd('\r') != Header)
                throw new InvalidDataException($"{path}: not a GTZAN feature CSV (the first line is not the Kaggle header), refusing to append to it");
            int expectedFields = GtzanColumns.All.Count;
            int keep = 0;
            var kept = new StringBuilder();
            foreach (var raw in lines)
            {
                var line = raw.TrimEnd('\r');
                if (keep > 0)
                {
                    // A row cut short by an interruption has fewer fields; it is recomputed.
                    if (line.Split(',').Length < expectedFields) continue;
                    names.Add(Unquote(line[..FirstFieldEnd(line)]));
                }
                kept.Append(line).Append('\n');
                keep++;
            }
            if (kept.Length != text.Length) File.WriteAllText(path, kept.ToString(), new UTF8Encoding(false));
            needHeader = false;
        }
        var stream = new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.Read);
        var writer = new StreamWriter(stream, new UTF8Encoding(false)) { NewLine = "\n" };
        var csv = new FeatureExtractionCsv(writer, names);
        if (needHeader)
        {
            writer.Write(Header + "\n");
            writer.Flush();
        }
        return csv;
    }

    /// <summary>Appends <paramref name="rows"/> and flushes them to disk.</summary>
    public void Append(IEnumerable<GtzanFeatureVector> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var sb = new StringBuilder();
        var added = new List<string>();
        foreach (var r in rows)
        {
            if (r.Values.Count != GtzanColumns.Features.Count)
                throw new ArgumentException($"{r.Filename}: row has {r.Values.Count} values, the GTZAN table has {GtzanColumns.Features.Count}", nameof(rows));
            sb.Append(Quote(r.Filename)).Append(',').Append(r.Length.ToString(CultureInfo.InvariantCulture));
            foreach (var v in r.Values) sb.Append(',').Append(PythonFloatFormat.Format(v));
            sb.Append(',').Append(Quote(r.Label)).Append('\n');
            added.Add(r.Filename);
        }
        _writer.Write(sb.ToString());
        _writer.Flush();
        _writer.BaseStream.Flush();
        foreach (var n in added) _filenames.Add(n);
    }

    /// <inheritdoc/>
    public void Dispose() => _writer.Dispose();

    private static string Quote(string field) =>
        field.AsSpan().IndexOfAny(",\"\r\n") < 0 ? field : "\"" + field.Replace("\"", "\"\"") + "\"";

    private static int FirstFieldEnd(string line)
    {
        if (line.Length > 0 && line[0] == '"')
        {
            for (int i = 1; i < line.Length; i++)
            {
                if (line[i] != '"') continue;
                if (i + 1 < line.Length && line[i + 1] == '"') { i++; continue; }
                return i + 1;
            }
            return line.Length;
        }
        int comma = line.IndexOf(',');
        return comma < 0 ? line.Length : comma;
    }

    private static string Unquote(string field) =>
        field.Length >= 2 && field[0] == '"' && field[^1] == '"' ? field[1..^1].Replace("\"\"", "\"") : field;
}
