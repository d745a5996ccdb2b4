using System.Globalization;
using System.Text;

namespace GenreNotebooks.Features;

/// <summary>
/// Reads and writes feature tables as CSV in Kaggle's GTZAN format: header <c>filename,length,&lt;features&gt;,label</c>,
/// comma-separated, invariant culture, numbers as Python's <c>repr</c> prints them (shortest round-trip digits), so a
/// table written by pandas <c>df.to_csv(index=False)</c> and one written here are the same text. Reading accepts
/// the real Kaggle files (1000 or 9990 rows) as they are, LF or CRLF, a BOM, and quoted fields.
/// </summary>
public static class FeatureTableCsv
{
    /// <summary>Reads the CSV at <paramref name="path"/> (pandas <c>pd.read_csv(path)</c>).</summary>
    /// <param name="path">The file.</param>
    /// <param name="requireGtzanColumns">
    /// True (default): all 60 GTZAN columns must be present; extra numeric columns are kept after them.
    /// False: only <c>filename</c> and <c>label</c> are required (<c>length</c> defaults to 0) and every other
    /// column is read as a numeric column.
    /// </param>
    /// <exception cref="FileNotFoundException">No such file.</exception>
    /// <exception cref="FeatureCsvException">
    /// The file is malformed; the message names the file, line and column: a missing or repeated column, a field
    /// count different from the header's, a non-numeric value, a non-integer length, an unclosed quote, no header.
    /// </exception>
    public static FeatureTable Read(string path, bool requireGtzanColumns = true)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path)) throw new FileNotFoundException($"feature CSV '{path}' does not exist", path);
        using var reader = new StreamReader(path, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        return Read(reader, path, requireGtzanColumns);
    }

    /// <summary>Reads a CSV from <paramref name="reader"/>; <paramref name="sourceName"/> names it in error messages.</summary>
    /// <exception cref="FeatureCsvException">The text is malformed (see <see cref="Read(string, bool)"/>).</exception>
    public static FeatureTable Read(TextReader reader, string sourceName, bool requireGtzanColumns = true)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(sourceName);
        var headerLine = reader.ReadLine();
        if (headerLine is null) throw new FeatureCsvException(sourceName, 1, null, "the file is empty (no header line)");
        var header = SplitLine(headerLine.TrimStart('\uFEFF'), sourceName, 1);
        for (int i = 0; i < header.Count; i++) header[i] = header[i].Trim();

        var position = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < header.Count; i++)
            if (!position.TryAdd(header[i], i))
                throw new FeatureCsvException(sourceName, 1, header[i], "the column appears twice in the header");

        var required = requireGtzanColumns
            ? GtzanColumns.All
            : (IReadOnlyList<string>)[GtzanColumns.Filename, GtzanColumns.Label];
        var missing = required.Where(c => !position.ContainsKey(c)).ToArray();
        if (missing.Length > 0)
            throw new FeatureCsvException(sourceName, 1, missing[0],
                missing.Length <= 5
                    ? $"missing column{(missing.Length > 1 ? "s" : "")} {string.Join(", ", missing.Select(m => $"'{m}'"))} in the header"
                    // A file with none of the columns is most likely not a feature CSV at all: name a few, not 60.
                    : $"missing {missing.Length} of the {required.Count} required columns ({string.Join(", ", missing.Take(3).Select(m => $"'{m}'"))}, ...) " +
                      $"in the header; expected Kaggle's features_30_sec.csv / features_3_sec.csv format, whose header starts '{string.Join(",", required.Take(3))},...'");

        int filenameAt = position[GtzanColumns.Filename];
        int labelAt = position[GtzanColumns.Label];
        int lengthAt = position.TryGetValue(GtzanColumns.Length, out int la) ? la : -1;
        // GTZAN features first in Kaggle's order, then any other columns in file order.
        var numeric = new List<string>();
        if (requireGtzanColumns) numeric.AddRange(GtzanColumns.Features);
        foreach (var h in header)
            if (h is not (GtzanColumns.Filename or GtzanColumns.Length or GtzanColumns.Label) && !(requireGtzanColumns && GtzanColumns.IsFeature(h)))
                numeric.Add(h);
        var numericAt = numeric.Select(c => position[c]).ToArray();

        var builder = new FeatureTableBuilder(numeric);
        var values = new double[numeric.Count];
        int lineNumber = 1;
        string? line;
        while ((line = reader.ReadLine()) is not null)
        {
            lineNumber++;
            if (line.Length == 0 || string.IsNullOrWhiteSpace(line)) continue;
            var fields = SplitLine(line, sourceName, lineNumber);
            if (fields.Count != header.Count)
                throw new FeatureCsvException(sourceName, lineNumber, null,
                    $"{fields.Count} fields, the header has {header.Count}");
            for (int j = 0; j < numericAt.Length; j++)
            {
                var text = fields[numericAt[j]];
                if (!PythonFloatFormat.TryParse(text, out values[j]))
                    throw new FeatureCsvException(sourceName, lineNumber, numeric[j], $"'{text}' is not a number");
            }
            int length = 0;
            if (lengthAt >= 0)
            {
                var text = fields[lengthAt];
                if (!PythonFloatFormat.TryParse(text, out double len) || len != Math.Floor(len) || len < 0 || len > int.MaxValue)
                    throw new FeatureCsvException(sourceName, lineNumber, GtzanColumns.Length, $"'{text}' is not a whole number of samples");
                length = (int)len;
            }
            var filename = fields[filenameAt];
            if (filename.Length == 0)
                throw new FeatureCsvException(sourceName, lineNumber, GtzanColumns.Filename, "the filename is empty");
            builder.Add(filename, length, fields[labelAt], values);
        }
        return builder.Build();
    }

    /// <summary>
    /// Writes <paramref name="table"/> to <paramref name="path"/> (pandas <c>df.to_csv(path, index=False)</c>):
    /// header <c>filename,length,&lt;columns in table order&gt;,label</c>, LF line ends, numbers via
    /// <see cref="PythonFloatFormat.Format"/>. Creates the folder if needed.
    /// </summary>
    public static void Write(FeatureTable table, string path)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(path);
        var dir = Path.GetDirectoryName(Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(dir)) Directory.CreateDirectory(dir);
        using var writer = new StreamWriter(path, append: false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        Write(table, writer);
    }

    /// <summary>Writes <paramref name="table"/> as CSV text to <paramref name="writer"/> (see <see cref="Write(FeatureTable, string)"/>).</summary>
    public static void Write(FeatureTable table, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(writer);
        var sb = new StringBuilder();
        sb.Append(GtzanColumns.Filename).Append(',').Append(GtzanColumns.Length);
        foreach (var c in table.Columns) sb.Append(',').Append(Quote(c));
        sb.Append(',').Append(GtzanColumns.Label).Append('\n');
        writer.Write(sb.ToString());
        for (int r = 0; r < table.RowCount; r++)
        {
            sb.Clear();
            sb.Append(Quote(table.Filenames[r])).Append(',').Append(table.Lengths[r].ToString(CultureInfo.InvariantCulture));
            for (int c = 0; c < table.ColumnCount; c++) sb.Append(',').Append(PythonFloatFormat.Format(table.Column(c)[r]));
            sb.Append(',').Append(Quote(table.Labels[r])).Append('\n');
            writer.Write(sb.ToString());
        }
    }

    /// <summary>The table as CSV text (see <see cref="Write(FeatureTable, string)"/>).</summary>
    public static string ToCsvString(FeatureTable table)
    {
        using var sw = new StringWriter(CultureInfo.InvariantCulture);
        Write(table, sw);
        return sw.ToString();
    }

    private static string Quote(string field) =>
        field.AsSpan().IndexOfAny(",\"\r\n") < 0 ? field : "\"" + field.Replace("\"", "\"\"") + "\"";

    private static List<string> SplitLine(string line, string source, int lineNumber)
    {
        var fields = new List<string>();
        var sb = new StringBuilder();
        int i = 0;
        while (true)
        {
            sb.Clear();
            if (i < line.Length && line[i] == '"')
            {
                i++;
                while (true)
                {
                    if (i >= line.Length)
                        throw new FeatureCsvException(source, lineNumber, null, $"unclosed quote in field {fields.Count + 1}");
                    if (line[i] == '"')
                    {
                        if (i + 1 < line.Length && line[i + 1] == '"') { sb.Append('"'); i += 2; continue; }
                        i++;
                        break;
                    }
                    sb.Append(line[i++]);
                }
                if (i < line.Length && line[i] != ',')
                    throw new FeatureCsvException(source, lineNumber, null, $"text after the closing quote of field {fields.Count + 1}");
            }
            else
            {
                int comma = line.IndexOf(',', i);
                int end = comma < 0 ? line.Length : comma;
                sb.Append(line, i, end - i);
                i = end;
            }
            fields.Add(sb.ToString());
            if (i >= line.Length) break;
            i++; // the comma
            if (i == line.Length) { fields.Add(""); break; }
        }
        return fields;
    }
}
