using GenreNotebooks.Datasets;

namespace GenreNotebooks.Tests.Datasets;

/// <summary>Where each feature table comes from, said truthfully, for the GTZAN layouts a reader may have.</summary>
public class FeatureDatasetTests : IDisposable
{
    private readonly FakeTree _tree = new();

    private static string Sample(string name) => Path.Combine(AppContext.BaseDirectory, "Data", "kaggle-sample", name);

    // Two real-GTZAN-named tracks (synthetic audio: GTZAN itself is never committed) in Kaggle's layout, no marker file.
    private void GtzanAudio()
    {
        foreach (var (genre, file) in new[] { ("blues", "blues.00000.wav"), ("classical", "classical.00042.wav") })
        {
            var signal = GenreNotebooks.Datasets.Synthesis.SyntheticGenres.Generate(genre, 0, 7, 30);
            var path = Path.Combine(_tree.Folder(Path.Combine("genres_original", genre)), file);
            GenreNotebooks.Audio.WavWriter.Write(path, signal);
        }
    }

    [Fact]
    public void With_only_the_30_s_csv_the_30_s_table_is_kaggles_whole_and_the_3_s_table_is_extracted_and_both_are_named()
    {
        GtzanAudio();
        File.Copy(Sample("features_30_sec_sample.csv"), Path.Combine(_tree.Root, "features_30_sec.csv"));
        int kaggleRows = File.ReadAllLines(Sample("features_30_sec_sample.csv")).Length - 1;
        var data = FeatureDataset.OpenDefault(1, tracksPerGenre: 1, gtzanRoot: _tree.Root, cacheRoot: _tree.Folder("cache"));
        Assert.False(data.IsSynthetic);
        Assert.Equal(kaggleRows, data.ThirtySeconds.RowCount);
        Assert.StartsWith("Kaggle's GTZAN CSV", data.ThirtySecondsSource);
        Assert.Contains("extracted from GTZAN audio", data.ThreeSecondsSource);
        Assert.Contains("no Kaggle features_3_sec.csv", data.ThreeSecondsSource);
        Assert.Equal(20, data.ThreeSeconds.RowCount);   // 2 tracks x 10 segments
        string notice = DataNotice.For(data).ToString();
        Assert.Contains("Using real data", notice);
        Assert.Contains(data.ThirtySecondsSource, notice);
        Assert.Contains(data.ThreeSecondsSource, notice);
    }

    [Fact]
    public void With_both_csvs_every_row_of_both_is_used()
    {
        GtzanAudio();
        File.Copy(Sample("features_30_sec_sample.csv"), Path.Combine(_tree.Root, "features_30_sec.csv"));
        File.Copy(Sample("features_3_sec_sample.csv"), Path.Combine(_tree.Root, "features_3_sec.csv"));
        var data = FeatureDataset.OpenDefault(1, tracksPerGenre: 1, gtzanRoot: _tree.Root, cacheRoot: _tree.Folder("cache"));
        Assert.Equal(File.ReadAllLines(Sample("features_30_sec_sample.csv")).Length - 1, data.ThirtySeconds.RowCount);
        Assert.Equal(File.ReadAllLines(Sample("features_3_sec_sample.csv")).Length - 1, data.ThreeSeconds.RowCount);
        Assert.All(new[] { data.ThirtySecondsSource, data.ThreeSecondsSource }, s => Assert.Contains("all rows", s));
        Assert.False(Directory.EnumerateFiles(Path.Combine(_tree.Root, "cache")).Any());   // nothing extracted
    }

    [Fact]
    public void The_notice_of_synthetic_data_says_so_in_capitals_and_lists_every_warning()
    {
        var dataset = new GenreDataset(DatasetSource.Synthetic, _tree.Root, [new Track("blues.00000", "blues", _tree.Wav("blues/blues.00000.wav"))],
            warnings: ["rock/rock.00001.wav: truncated"], missingIds: ["rock.00002"]);
        var notice = DataNotice.For(dataset);
        Assert.StartsWith("USING SYNTHETIC DATA", notice.ToString());
        Assert.Contains("warning: rock/rock.00001.wav: truncated", notice.ToString());
        Assert.Contains("rock.00002", notice.ToString());
        using var html = new StringWriter();
        notice.WriteTo(html, System.Text.Encodings.Web.HtmlEncoder.Default);
        Assert.Contains("<strong>USING SYNTHETIC DATA", html.ToString());
        Assert.Contains("<li>warning: rock/rock.00001.wav: truncated</li>", html.ToString());
    }

    public void Dispose() => _tree.Dispose();
}
