using System.Text.Encodings.Web;
using GenreNotebooks.Datasets;

namespace GenreNotebooks.Tests.Datasets;

public class DataNoticeTests
{
    private static string Html(DataNotice notice)
    {
        using var w = new StringWriter();
        notice.WriteTo(w, HtmlEncoder.Default);
        return w.ToString();
    }

    private static GenreDataset Dataset(DatasetSource source, IEnumerable<string>? warnings = null, IEnumerable<string>? missing = null) =>
        new(source, "/data", [new Track("rock.00001", "rock", "/data/rock/rock.00001.wav"), new Track("blues.00000", "blues", "/data/blues/blues.00000.wav")],
            warnings, missing, description: "test set at /data");

    [Fact]
    public void Synthetic_data_is_announced_in_capitals_with_its_description_counts_and_warnings()
    {
        var notice = DataNotice.For(Dataset(DatasetSource.Synthetic, warnings: ["blues/x.wav: not a WAV file"]));
        Assert.True(notice.IsSynthetic);
        Assert.StartsWith("USING SYNTHETIC DATA", notice.Headline);
        Assert.Contains("NOT GTZAN", notice.Headline);
        Assert.Equal(["test set at /data", "2 tracks in 2 genres (blues, rock)"], notice.Details);
        Assert.Equal(
            notice.Headline + "\ntest set at /data\n2 tracks in 2 genres (blues, rock)\nwarning: blues/x.wav: not a WAV file",
            notice.ToString());
    }

    [Fact]
    public void Real_data_names_its_layout_and_lists_missing_tracks_after_the_warnings()
    {
        var missing = Enumerable.Range(0, 12).Select(i => $"jazz.{i:D5}").ToList();
        var notice = DataNotice.For(Dataset(DatasetSource.GtzanKaggle, warnings: ["w1"], missing: missing));
        Assert.False(notice.IsSynthetic);
        Assert.Equal("Using real data (GTZAN, Kaggle layout).", notice.Headline);
        Assert.Equal(2, notice.Warnings.Count);
        Assert.Equal("w1", notice.Warnings[0]);
        Assert.Equal("12 expected track(s) missing: " + string.Join(", ", missing.Take(10)) + ", ...", notice.Warnings[1]);
        Assert.Equal("Using real data (your own genre folders).", DataNotice.For(Dataset(DatasetSource.Custom)).Headline);
    }

    [Fact]
    public void A_notebook_s_own_data_gets_the_same_headlines()
    {
        var synthetic = DataNotice.For(true, "ignored when synthetic", ["classical: 3 s"]);
        Assert.Equal(DataNotice.For(Dataset(DatasetSource.Synthetic)).Headline, synthetic.Headline);
        Assert.Empty(synthetic.Warnings);
        var real = DataNotice.For(false, "GTZAN audio", ["rock: 3 s"], ["rock.00003.wav: unreadable"]);
        Assert.Equal("Using real data (GTZAN audio).", real.Headline);
        Assert.Equal(["rock: 3 s"], real.Details);
        Assert.Equal(["rock.00003.wav: unreadable"], real.Warnings);
        Assert.Throws<ArgumentNullException>(() => DataNotice.For(false, null!, []));
    }

    [Fact]
    public void Html_is_escaped_coloured_by_kind_and_lists_warnings_only_when_there_are_some()
    {
        var synthetic = Html(DataNotice.For(true, "x", ["a < b & c"], ["bad <file>.wav"]));
        Assert.Contains("#d9822b", synthetic);
        Assert.Contains("a &lt; b &amp; c", synthetic);
        Assert.Contains("<li>warning: bad &lt;file&gt;.wav</li>", synthetic);
        var real = Html(DataNotice.For(false, "GTZAN", ["fine"]));
        Assert.Contains("#2b8a3e", real);
        Assert.DoesNotContain("<ul", real);
        Assert.StartsWith("<div class=\"genre-data-notice\"", real);
    }
}
