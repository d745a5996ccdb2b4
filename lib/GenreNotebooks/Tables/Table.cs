using System.Collections;
using System.Net;
using System.Reflection;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;

namespace GenreNotebooks.Tables;

/// <summary>
/// A small table of results: named columns, rows of cells (numbers, text, time spans), per-column number formats, a
/// title and notes. It shows itself as an HTML table in a notebook (it implements <see cref="IHtmlContent"/>, which
/// Polyglot Notebooks and the project's runner both render) and as aligned text on a console
/// (<see cref="ToString"/>): numbers right-aligned, text left-aligned, NaN as "-".
/// <code>var t = new Table("run", "val acc", "test acc").Percent("val acc", "test acc");
/// foreach (var r in runs) t.AddRow(r.Name, r.ValidationAccuracy, r.Test.Accuracy);
/// t   // the last expression of a cell is displayed</code>
/// or from records: <c>Table.From(runs.Select(r =&gt; new { run = r.Name, test = r.Test.Accuracy }))</c>
/// (pandas: <c>pd.DataFrame(rows)</c>). Taught in notebooks/01-from-waveform-to-mel.
/// </summary>
public sealed class Table : IHtmlContent
{
    private readonly string[] _columns;
    private readonly string?[] _formats;
    private readonly List<object?[]> _rows = [];
    private readonly List<string> _notes = [];

    /// <summary>An empty table with the given column names.</summary>
    /// <exception cref="ArgumentException">No columns, an empty name, or a name given twice.</exception>
    public Table(params string[] columns) : this((IEnumerable<string>)columns)
    {
    }

    /// <summary>An empty table with the given column names.</summary>
    /// <exception cref="ArgumentException">No columns, an empty name, or a name given twice.</exception>
    public Table(IEnumerable<string> columns)
    {
        ArgumentNullException.ThrowIfNull(columns);
        _columns = columns.ToArray();
        if (_columns.Length == 0) throw new ArgumentException("a table needs at least one column", nameof(columns));
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var c in _columns)
        {
            if (c is null) throw new ArgumentException("a column name is null", nameof(columns));
            if (!seen.Add(c)) throw new ArgumentException($"column '{c}' is given twice", nameof(columns));
        }
        _formats = new string?[_columns.Length];
    }

    /// <summary>
    /// A table with one row per item and one column per public property (or field) of <typeparamref name="T"/>, in
    /// declaration order: records and anonymous types read as they are written.
    /// </summary>
    /// <exception cref="ArgumentException"><typeparamref name="T"/> has no public properties or fields.</exception>
    public static Table From<T>(IEnumerable<T> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var members = Members(typeof(T));
        if (members.Count == 0) throw new ArgumentException($"{typeof(T).Name} has no public properties or fields to make columns of", nameof(rows));
        var table = new Table(members.Select(m => m.Name));
        foreach (var row in rows) table.AddRow(members.Select(m => row is null ? null : m.Get(row)).ToArray());
        return table;
    }

    /// <summary>A table made of columns of equal length, e.g. <c>Table.FromColumns(("genre", genres), ("accuracy", accuracies))</c>.</summary>
    /// <exception cref="ArgumentException">No columns or columns of different lengths.</exception>
    public static Table FromColumns(params (string Name, IEnumerable Values)[] columns)
    {
        ArgumentNullException.ThrowIfNull(columns);
        var table = new Table(columns.Select(c => c.Name));
        var values = columns.Select(c => (c.Values ?? throw new ArgumentException($"column '{c.Name}' is null", nameof(columns))).Cast<object?>().ToArray()).ToArray();
        int n = values[0].Length;
        for (int c = 1; c < values.Length; c++)
            if (values[c].Length != n)
                throw new ArgumentException($"column '{columns[c].Name}' has {values[c].Length} values, column '{columns[0].Name}' has {n}", nameof(columns));
        for (int r = 0; r < n; r++) table.AddRow(values.Select(v => v[r]).ToArray());
        return table;
    }

    /// <summary>The column names.</summary>
    public IReadOnlyList<string> Columns => _columns;

    /// <summary>Number of rows.</summary>
    public int RowCount => _rows.Count;

    /// <summary>The title (an HTML caption; the first line of the text form), or null.</summary>
    public string? Title { get; private set; }

    /// <summary>Notes shown under the table, in order.</summary>
    public IReadOnlyList<string> Notes => _notes;

    /// <summary>The cell in row <paramref name="row"/> (0-based) and column <paramref name="column"/>, as given.</summary>
    public object? this[int row, string column] => _rows[row][IndexOf(column)];

    /// <summary>The cell as it is displayed (formatted).</summary>
    public string Text(int row, string column)
    {
        int c = IndexOf(column);
        return TableFormat.Cell(_rows[row][c], _formats[c]);
    }

    /// <summary>Adds a row; one cell per column.</summary>
    /// <exception cref="ArgumentException">The number of cells differs from the number of columns.</exception>
    public Table AddRow(params object?[] cells)
    {
        ArgumentNullException.ThrowIfNull(cells);
        if (cells.Length != _columns.Length)
            throw new ArgumentException($"the row has {cells.Length} cells, the table {_columns.Length} columns ({string.Join(", ", _columns)})", nameof(cells));
        _rows.Add((object?[])cells.Clone());
        return this;
    }

    /// <summary>Sets the title.</summary>
    public Table WithTitle(string? title)
    {
        Title = title;
        return this;
    }

    /// <summary>Adds a note shown under the table (a source, a caveat: "synthetic data, not GTZAN").</summary>
    public Table AddNote(string note)
    {
        ArgumentNullException.ThrowIfNull(note);
        _notes.Add(note);
        return this;
    }

    /// <summary>
    /// Adds one note per warning met while computing the rows (a file skipped, with its reason), as
    /// <c>warning: ...</c> like <see cref="Datasets.DataNotice"/>; no warnings add nothing.
    /// </summary>
    public Table AddWarnings(IEnumerable<string> warnings)
    {
        ArgumentNullException.ThrowIfNull(warnings);
        foreach (var w in warnings) AddNote("warning: " + (w ?? throw new ArgumentException("a warning is null", nameof(warnings))));
        return this;
    }

    /// <summary>
    /// Formats the numbers of <paramref name="columns"/> with the .NET format string <paramref name="format"/>
    /// (invariant culture), e.g. <c>"0.000"</c>, <c>"F1"</c>, <c>"N0"</c>; <c>"P0"</c>..<c>"P3"</c> print percentages
    /// as <c>75.5%</c>. Without a format a number prints with up to four decimals.
    /// </summary>
    /// <exception cref="ArgumentException">An unknown column.</exception>
    public Table Format(string format, params string[] columns)
    {
        ArgumentNullException.ThrowIfNull(format);
        ArgumentNullException.ThrowIfNull(columns);
        foreach (var c in columns) _formats[IndexOf(c)] = format;
        return this;
    }

    /// <summary>Shows <paramref name="columns"/> as percentages with one decimal (<c>0.755</c> → <c>75.5%</c>).</summary>
    public Table Percent(params string[] columns) => Format("P1", columns);

    /// <summary>The table as aligned text: the title, the header, a rule, the rows, then the notes.</summary>
    public override string ToString()
    {
        var cells = FormattedRows();
        var numeric = NumericColumns();
        var widths = new int[_columns.Length];
        for (int c = 0; c < _columns.Length; c++)
            widths[c] = Math.Max(_columns[c].Length, cells.Count == 0 ? 0 : cells.Max(r => r[c].Length));
        var sb = new StringBuilder();
        if (Title is not null) sb.Append(Title).Append('\n');
        void Line(IReadOnlyList<string> row)
        {
            var line = new StringBuilder();
            for (int c = 0; c < _columns.Length; c++)
            {
                if (c > 0) line.Append("  ");
                line.Append(numeric[c] ? row[c].PadLeft(widths[c]) : row[c].PadRight(widths[c]));
            }
            sb.Append(line.ToString().TrimEnd()).Append('\n');
        }
        Line(_columns);
        sb.Append(string.Join("  ", widths.Select(w => new string('-', w)))).Append('\n');
        foreach (var row in cells) Line(row);
        foreach (var note in _notes) sb.Append(note).Append('\n');
        return sb.ToString().TrimEnd('\n');
    }

    /// <summary>The table as an HTML fragment: a <c>&lt;table&gt;</c> with the title as caption, then the notes.</summary>
    public string ToHtml()
    {
        var cells = FormattedRows();
        var numeric = NumericColumns();
        var sb = new StringBuilder("<div class=\"genre-table\"><table>");
        if (Title is not null) sb.Append("<caption style=\"caption-side:top;text-align:left;font-weight:bold\">").Append(WebUtility.HtmlEncode(Title)).Append("</caption>");
        sb.Append("<thead><tr>");
        for (int c = 0; c < _columns.Length; c++)
            sb.Append("<th style=\"text-align:").Append(numeric[c] ? "right" : "left").Append("\">").Append(WebUtility.HtmlEncode(_columns[c])).Append("</th>");
        sb.Append("</tr></thead><tbody>");
        foreach (var row in cells)
        {
            sb.Append("<tr>");
            for (int c = 0; c < row.Length; c++)
                sb.Append("<td style=\"text-align:").Append(numeric[c] ? "right" : "left").Append("\">").Append(WebUtility.HtmlEncode(row[c])).Append("</td>");
            sb.Append("</tr>");
        }
        sb.Append("</tbody></table>");
        foreach (var note in _notes) sb.Append("<p style=\"margin:0.2em 0;font-size:90%\">").Append(WebUtility.HtmlEncode(note)).Append("</p>");
        return sb.Append("</div>").ToString();
    }

    /// <summary>The table as CSV (RFC 4180 quoting), formatted as displayed, header first.</summary>
    public string ToCsv()
    {
        static string Quote(string s) => s.IndexOfAny([',', '"', '\n', '\r']) < 0 ? s : "\"" + s.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
        var lines = new List<string> { string.Join(',', _columns.Select(Quote)) };
        lines.AddRange(FormattedRows().Select(r => string.Join(',', r.Select(Quote))));
        return string.Join('\n', lines) + "\n";
    }

    /// <inheritdoc />
    public void WriteTo(TextWriter writer, HtmlEncoder encoder)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.Write(ToHtml());
    }

    private int IndexOf(string column)
    {
        ArgumentNullException.ThrowIfNull(column);
        int i = Array.IndexOf(_columns, column);
        return i >= 0 ? i : throw new ArgumentException($"no column '{column}'; the columns are {string.Join(", ", _columns)}", nameof(column));
    }

    private List<string[]> FormattedRows() =>
        _rows.Select(r => r.Select((v, c) => TableFormat.Cell(v, _formats[c])).ToArray()).ToList();

    // A column is right-aligned when every non-empty cell is a number (NaN included).
    private bool[] NumericColumns()
    {
        var numeric = new bool[_columns.Length];
        for (int c = 0; c < _columns.Length; c++)
        {
            bool any = false, all = true;
            foreach (var row in _rows)
            {
                if (row[c] is null) continue;
                any = true;
                if (!TableFormat.IsNumber(row[c])) { all = false; break; }
            }
            numeric[c] = any && all;
        }
        return numeric;
    }

    private sealed record Member(string Name, Func<object, object?> Get);

    private static List<Member> Members(Type type)
    {
        // MetadataToken order is declaration order for the members of one type.
        var props = type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.GetIndexParameters().Length == 0 && p.CanRead)
            .Select(p => (p.MetadataToken, new Member(p.Name, o => p.GetValue(o))));
        var fields = type.GetFields(BindingFlags.Public | BindingFlags.Instance).Select(f => (f.MetadataToken, new Member(f.Name, o => f.GetValue(o))));
        return props.Concat(fields).OrderBy(m => m.MetadataToken).Select(m => m.Item2).ToList();
    }
}
