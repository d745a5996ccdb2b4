using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using GenreNotebooks.Tables;
using Microsoft.AspNetCore.Html;

namespace GenreNotebooks.Training.Tuning;

/// <summary>
/// The trials as a table (Optuna's <c>study.trials_dataframe()</c>): one row per trial, columns <c>number</c>,
/// <c>value</c>, <c>datetime_start</c>, <c>datetime_complete</c>, <c>duration</c>, <c>params_&lt;name&gt;</c> for every
/// parameter any trial used, <c>user_attrs_&lt;key&gt;</c>, and <c>state</c> (COMPLETE, PRUNED, FAIL, RUNNING or
/// INTERRUPTED). Cells are typed (double, int, DateTimeOffset, TimeSpan, string, the choice) and null where a trial
/// has nothing; <see cref="ToCsv"/> gives CSV, and <see cref="ToTable"/> the project's <see cref="Table"/>, which is
/// how the table displays in a notebook (HTML) and on a console (<see cref="ToString"/>, aligned text).
/// </summary>
public sealed class StudyTable : IHtmlContent
{
    internal StudyTable(IReadOnlyList<string> columns, IReadOnlyList<IReadOnlyList<object?>> rows)
    {
        Columns = columns;
        Rows = rows;
    }

    /// <summary>The column names, in Optuna's order.</summary>
    public IReadOnlyList<string> Columns { get; }

    /// <summary>One row per trial, by number; each row has one cell per column.</summary>
    public IReadOnlyList<IReadOnlyList<object?>> Rows { get; }

    /// <summary>The table as CSV (invariant culture, times in ISO 8601, durations in seconds, empty cells for null).</summary>
    public string ToCsv()
    {
        var sb = new StringBuilder();
        sb.AppendLine(string.Join(",", Columns.Select(Quote)));
        foreach (var row in Rows) sb.AppendLine(string.Join(",", row.Select(c => Quote(Cell(c)))));
        return sb.ToString();
    }

    /// <summary>
    /// The trials as a <see cref="Table"/>: the same columns and rows; values and float parameters with six
    /// significant digits, times as <c>yyyy-MM-dd HH:mm:ss</c> (UTC), durations in seconds, empty cells where a trial
    /// has nothing.
    /// </summary>
    public Table ToTable()
    {
        var table = new Table(Columns);
        foreach (var row in Rows)
            table.AddRow(row.Select(c => c switch
            {
                DateTimeOffset t => t.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
                _ => c,
            }).ToArray());
        var numeric = Columns.Where((c, i) => c == "value" || Rows.Any(r => r[i] is double)).ToArray();
        return numeric.Length == 0 ? table : table.Format("G6", numeric);
    }

    /// <summary>The table as aligned text (see <see cref="Table.ToString"/>), for a console.</summary>
    public override string ToString() => ToTable().ToString();

    /// <summary>The table as an HTML fragment (see <see cref="Table.ToHtml"/>).</summary>
    public string ToHtml() => ToTable().ToHtml();

    /// <inheritdoc />
    public void WriteTo(TextWriter writer, HtmlEncoder encoder) => ToTable().WriteTo(writer, encoder);

    private static string Cell(object? c) => c switch
    {
        null => "",
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        DateTimeOffset t => t.ToString("O", CultureInfo.InvariantCulture),
        TimeSpan s => s.TotalSeconds.ToString("R", CultureInfo.InvariantCulture),
        _ => FrozenTrial.Format(c),
    };

    private static string Quote(string s) => s.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + s.Replace("\"", "\"\"") + "\"" : s;
}
