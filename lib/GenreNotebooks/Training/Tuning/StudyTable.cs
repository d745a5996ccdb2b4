using System.Globalization;
using System.Text;

namespace GenreNotebooks.Training.Tuning;

/// <summary>
/// The trials as a table (Optuna's <c>study.trials_dataframe()</c>): one row per trial, columns <c>number</c>,
/// <c>value</c>, <c>datetime_start</c>, <c>datetime_complete</c>, <c>duration</c>, <c>params_&lt;name&gt;</c> for every
/// parameter any trial used, <c>user_attrs_&lt;key&gt;</c>, and <c>state</c> (COMPLETE, PRUNED, FAIL, RUNNING or
/// INTERRUPTED). Cells are typed (double, int, DateTimeOffset, TimeSpan, string, the choice) and null where a trial
/// has nothing; <see cref="ToCsv"/> and <see cref="ToString"/> give text.
/// </summary>
public sealed class StudyTable
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
        foreach (var row in Rows) sb.AppendLine(string.Join(",", row.Select(c => Quote(Cell(c, forCsv: true)))));
        return sb.ToString();
    }

    /// <summary>The table as aligned text, for a console or a notebook without HTML.</summary>
    public override string ToString()
    {
        var cells = Rows.Select(r => r.Select(c => Cell(c, forCsv: false)).ToArray()).ToList();
        var widths = Columns.Select((c, i) => Math.Max(c.Length, cells.Count == 0 ? 0 : cells.Max(r => r[i].Length))).ToArray();
        var sb = new StringBuilder();
        sb.AppendLine(string.Join("  ", Columns.Select((c, i) => c.PadRight(widths[i]))).TrimEnd());
        foreach (var r in cells) sb.AppendLine(string.Join("  ", r.Select((c, i) => c.PadRight(widths[i]))).TrimEnd());
        return sb.ToString();
    }

    private static string Cell(object? c, bool forCsv) => c switch
    {
        null => "",
        double d => d.ToString(forCsv ? "R" : "G6", CultureInfo.InvariantCulture),
        DateTimeOffset t => t.ToString(forCsv ? "O" : "yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
        TimeSpan s => forCsv ? s.TotalSeconds.ToString("R", CultureInfo.InvariantCulture) : s.ToString(@"hh\:mm\:ss\.fff", CultureInfo.InvariantCulture),
        _ => FrozenTrial.Format(c),
    };

    private static string Quote(string s) => s.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + s.Replace("\"", "\"\"") + "\"" : s;
}
