using System.Text.Encodings.Web;
using GenreNotebooks.Tables;

namespace GenreNotebooks.Tests.Tables;

public class TableTests
{
    private sealed record Run(string Name, double Val, int Epochs, TimeSpan Time);

    [Fact]
    public void Text_aligns_numbers_right_and_text_left_with_formats_and_nan_as_dash()
    {
        var t = new Table("run", "val acc", "epochs").Percent("val acc")
            .AddRow("baseline", 0.7549, 10)
            .AddRow("bn", double.NaN, 2)
            .WithTitle("variants")
            .AddNote("synthetic data");
        Assert.Equal(
            "variants\n" +
            "run       val acc  epochs\n" +
            "--------  -------  ------\n" +
            "baseline    75.5%      10\n" +
            "bn              -       2\n" +
            "synthetic data", t.ToString());
        Assert.Equal("75.5%", t.Text(0, "val acc"));
        Assert.Equal(0.7549, t[0, "val acc"]);
    }

    [Fact]
    public void Html_has_caption_header_one_row_per_row_escaped_cells_and_notes()
    {
        var t = new Table("genre", "accuracy").Format("0.00", "accuracy").AddRow("r&b <x>", 0.5).AddRow("rock", 1.0).WithTitle("per genre").AddNote("a < b");
        string html = t.ToHtml();
        Assert.Contains("<caption", html);
        Assert.Contains(">per genre</caption>", html);
        Assert.Contains("<th style=\"text-align:left\">genre</th><th style=\"text-align:right\">accuracy</th>", html);
        Assert.Contains(">r&amp;b &lt;x&gt;</td><td style=\"text-align:right\">0.50</td>", html);
        Assert.Equal(3, html.Split("<tr>").Length - 1);
        Assert.Contains("a &lt; b", html);
        using var w = new StringWriter();
        t.WriteTo(w, HtmlEncoder.Default);
        Assert.Equal(html, w.ToString());
    }

    [Fact]
    public void From_records_takes_properties_in_declaration_order()
    {
        var t = Table.From(new[] { new Run("a", 0.25, 3, TimeSpan.FromSeconds(1.25)), new Run("b", 0.5, 4, TimeSpan.FromSeconds(10)) });
        Assert.Equal(["Name", "Val", "Epochs", "Time"], t.Columns);
        Assert.Equal(2, t.RowCount);
        Assert.Equal("1.3 s", t.Text(0, "Time"));   // .NET rounds half away from zero
        var anon = Table.From(new[] { new { z = 1, a = "x" } });
        Assert.Equal(["z", "a"], anon.Columns);
    }

    [Fact]
    public void From_columns_needs_equal_lengths()
    {
        var t = Table.FromColumns(("genre", new[] { "blues", "rock" }), ("n", new[] { 1, 2 }));
        Assert.Equal("rock", t[1, "genre"]);
        var e = Assert.Throws<ArgumentException>(() => Table.FromColumns(("genre", new[] { "blues" }), ("n", new[] { 1, 2 })));
        Assert.Contains("'n' has 2 values", e.Message);
    }

    [Fact]
    public void Bad_rows_columns_and_formats_are_refused_with_names()
    {
        var t = new Table("a", "b");
        Assert.Contains("2 columns", Assert.Throws<ArgumentException>(() => t.AddRow(1)).Message);
        Assert.Contains("no column 'c'", Assert.Throws<ArgumentException>(() => t.Format("F1", "c")).Message);
        Assert.Contains("given twice", Assert.Throws<ArgumentException>(() => new Table("a", "a")).Message);
        Assert.Throws<ArgumentException>(() => new Table());
    }

    [Fact]
    public void Warnings_become_notes_under_the_rows_in_order_and_none_add_nothing()
    {
        var t = new Table("clip", "seconds").AddRow("a", 3).AddWarnings(["b.wav is not a WAV file", "c.wav is empty"]).AddWarnings([]);
        Assert.Equal(["warning: b.wav is not a WAV file", "warning: c.wav is empty"], t.Notes);
        Assert.EndsWith("a           3\nwarning: b.wav is not a WAV file\nwarning: c.wav is empty", t.ToString());
        Assert.Contains("warning: b.wav is not a WAV file</p><p style=\"margin:0.2em 0;font-size:90%\">warning: c.wav is empty</p></div>", t.ToHtml());
        Assert.Throws<ArgumentNullException>(() => t.AddWarnings(null!));
        Assert.Throws<ArgumentException>(() => t.AddWarnings([null!]));
    }

    [Fact]
    public void Csv_quotes_commas_and_quotes()
    {
        var t = new Table("name", "value").AddRow("a,b", 1).AddRow("say \"hi\"", 2.5);
        Assert.Equal("name,value\n\"a,b\",1\n\"say \"\"hi\"\"\",2.5\n", t.ToCsv());
    }

    [Fact]
    public void Percent_formats_fractions_and_dashes_missing_values()
    {
        Assert.Equal("75.5%", TableFormat.Percent(0.755));
        Assert.Equal("76%", TableFormat.Percent(0.755, 0));
        Assert.Equal("-", TableFormat.Percent(double.NaN));
        Assert.Equal("-", TableFormat.Percent(null));
        Assert.Equal("12.35%", TableFormat.Cell(0.12345, "P2"));
        Assert.Equal("0.1235", TableFormat.Cell(0.12345));
        Assert.Equal("1, 2", TableFormat.Cell(new[] { 1, 2 }));
    }

    [Fact]
    public void Comparison_shows_the_difference_in_points_only_when_both_sides_are_numbers()
    {
        var c = new ComparisonTable("paper (GTZAN)", "ours").Add("MLP", 0.57, 0.65).Add("leaky", "91.5% val", 0.88).AddNote("synthetic");
        var t = c.ToTable();
        Assert.Equal(["experiment", "paper (GTZAN)", "ours", "ours - paper (points)"], t.Columns);
        Assert.Equal("57.0%", t.Text(0, "paper (GTZAN)"));
        Assert.Equal("+8.0", t.Text(0, "ours - paper (points)"));
        Assert.Equal("", t.Text(1, "ours - paper (points)"));
        Assert.Equal("91.5% val", t.Text(1, "paper (GTZAN)"));
        Assert.Contains("synthetic", c.ToString());
        Assert.Contains("<table>", c.ToHtml());
    }
}
