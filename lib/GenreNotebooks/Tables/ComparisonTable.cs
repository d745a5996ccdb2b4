using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;

namespace GenreNotebooks.Tables;

/// <summary>
/// The "paper vs ours" table that closes a notebook: one row per experiment with the paper's number (or its words,
/// when the paper gives no comparable number), ours, and the difference in percentage points when both are numbers.
/// <code>new ComparisonTable("DTU (GTZAN)", "ours (synthetic)")
///     .Add("DTU MLP, 30-s features, validation", 0.57, run.ValidationAccuracy)
///     .Add("DTU MLP, 3-s rows, row split", "91.5% val", leaky.Test.Accuracy)</code>
/// Displays as an HTML table in notebooks and as text on a console, like <see cref="Table"/>.
/// </summary>
public sealed class ComparisonTable : IHtmlContent
{
    private readonly List<(string Experiment, object? Paper, object? Ours)> _rows = [];
    private readonly List<string> _notes = [];
    private string? _title;

    /// <summary>A comparison with column headings <paramref name="paper"/> and <paramref name="ours"/>; numbers shown with <paramref name="format"/> (default percentages, one decimal).</summary>
    public ComparisonTable(string paper = "paper", string ours = "ours", string format = "P1")
    {
        ArgumentNullException.ThrowIfNull(paper);
        ArgumentNullException.ThrowIfNull(ours);
        ArgumentNullException.ThrowIfNull(format);
        PaperHeading = paper;
        OursHeading = ours;
        NumberFormat = format;
    }

    /// <summary>The heading of the paper's column.</summary>
    public string PaperHeading { get; }

    /// <summary>The heading of our column.</summary>
    public string OursHeading { get; }

    /// <summary>The format of the numbers (see <see cref="Table.Format"/>).</summary>
    public string NumberFormat { get; }

    /// <summary>Number of experiments.</summary>
    public int RowCount => _rows.Count;

    /// <summary>Adds an experiment where both sides are numbers (the difference is shown).</summary>
    public ComparisonTable Add(string experiment, double paper, double ours) => AddRow(experiment, paper, ours);

    /// <summary>Adds an experiment where the paper gives words or a number of another kind ("91.5% val", "-").</summary>
    public ComparisonTable Add(string experiment, string paper, double ours) => AddRow(experiment, paper, ours);

    /// <summary>Adds an experiment with text on both sides ("85.1% ± 2.0%").</summary>
    public ComparisonTable Add(string experiment, string paper, string ours) => AddRow(experiment, paper, ours);

    /// <summary>Sets the title.</summary>
    public ComparisonTable WithTitle(string? title)
    {
        _title = title;
        return this;
    }

    /// <summary>Adds a note under the table (where the data came from, what differs from the paper).</summary>
    public ComparisonTable AddNote(string note)
    {
        ArgumentNullException.ThrowIfNull(note);
        _notes.Add(note);
        return this;
    }

    /// <summary>The comparison as a <see cref="Table"/> (columns experiment, paper, ours, difference).</summary>
    public Table ToTable()
    {
        bool points = NumberFormat.StartsWith('P');
        string diffHeading = points ? "ours - paper (points)" : "ours - paper";
        var table = new Table("experiment", PaperHeading, OursHeading, diffHeading).Format(NumberFormat, PaperHeading, OursHeading)
            .Format(points ? "+0.0;-0.0;0.0" : "+0.####;-0.####;0", diffHeading).WithTitle(_title);
        foreach (var (experiment, paper, ours) in _rows)
        {
            object? diff = paper is double p && ours is double o && !double.IsNaN(p) && !double.IsNaN(o) ? (points ? 100 * (o - p) : o - p) : null;
            table.AddRow(experiment, paper, ours, diff);
        }
        foreach (var n in _notes) table.AddNote(n);
        return table;
    }

    /// <inheritdoc cref="Table.ToString"/>
    public override string ToString() => ToTable().ToString();

    /// <inheritdoc cref="Table.ToHtml"/>
    public string ToHtml() => ToTable().ToHtml();

    /// <inheritdoc />
    public void WriteTo(TextWriter writer, HtmlEncoder encoder) => ToTable().WriteTo(writer, encoder);

    private ComparisonTable AddRow(string experiment, object paper, object ours)
    {
        ArgumentNullException.ThrowIfNull(experiment);
        ArgumentNullException.ThrowIfNull(paper);
        ArgumentNullException.ThrowIfNull(ours);
        _rows.Add((experiment, paper, ours));
        return this;
    }
}
