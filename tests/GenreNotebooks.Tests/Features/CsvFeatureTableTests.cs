using GenreNotebooks.Features;

namespace GenreNotebooks.Tests.Features;

public class CsvFeatureTableTests
{
    private static string DataFile(string name) =>
        name.StartsWith("librosa-", StringComparison.Ordinal)
            ? Spectral.LibrosaReference.Output(name["librosa-".Length..])
            : Path.Combine(AppContext.BaseDirectory, "Data", "kaggle-sample", name);

    private static string Header => string.Join(",", GtzanColumns.All);

    private static string RowText(string filename, string label, Func<int, string>? value = null) =>
        filename + ",661794," + string.Join(",", Enumerable.Range(0, 57).Select(i => value?.Invoke(i) ?? (i * 0.5).ToString(System.Globalization.CultureInfo.InvariantCulture))) + "," + label;

    private static FeatureTable Parse(string text, bool strict = true) =>
        FeatureTableCsv.Read(new StringReader(text), "test.csv", strict);

    [Fact]
    public void Kaggle_30s_sample_reads_with_columns_labels_tracks_and_lengths()
    {
        var t = FeatureTable.ReadCsv(DataFile("features_30_sec_sample.csv"));
        Assert.Equal(4, t.RowCount);
        Assert.Equal(GtzanColumns.Features, t.Columns);
        Assert.Equal(["blues", "classical", "disco", "rock"], t.Genres);
        Assert.Equal(new TrackId("blues.00000", null), t.TrackIds[0]);
        Assert.All(t.Lengths, l => Assert.Equal(661794, l));
        Assert.Equal(1812.7541702628637, t[0, "spectral_centroid_mean"]);
        Assert.Equal(8.277089364128187e-05, t[2, "rms_var"]);
        Assert.Equal(453.6700439453125, t[0, "mfcc20_var"]);
    }

    [Fact]
    public void Kaggle_3s_sample_rows_carry_track_and_segment()
    {
        var t = FeatureTable.ReadCsv(DataFile("features_3_sec_sample.csv"));
        Assert.Equal(4, t.RowCount);
        Assert.Equal([0, 1, 2, 3], t.TrackIds.Select(id => id.Segment!.Value));
        Assert.All(t.TrackIds, id => Assert.Equal("jazz.00054", id.Track));
        Assert.All(t.Lengths, l => Assert.Equal(66149, l));
    }

    [Theory]
    [InlineData("librosa-tone-chord-clicks-30s.gtzan_features.csv")]
    [InlineData("features_30_sec_sample.csv")]
    [InlineData("features_3_sec_sample.csv")]
    public void Writing_a_read_file_gives_back_the_same_text(string name)
    {
        var original = File.ReadAllText(DataFile(name));
        var written = FeatureTableCsv.ToCsvString(FeatureTable.ReadCsv(DataFile(name)));
        Assert.Equal(original.ReplaceLineEndings("\n"), written);
    }

    [Fact]
    public void Crlf_file_reads_and_writes_back_with_lf()
    {
        var path = DataFile("librosa-chirp-3s.gtzan_features.csv");
        Assert.Contains("\r\n", File.ReadAllText(path));
        var t = FeatureTable.ReadCsv(path);
        Assert.Equal("ref", t.Labels[0]);
        Assert.Equal(0.0, t[0, "tempo"]);
        Assert.Equal(File.ReadAllText(path).ReplaceLineEndings("\n"), FeatureTableCsv.ToCsvString(t));
    }

    [Fact]
    public void Write_then_read_round_trips_every_double_exactly()
    {
        var rng = new Random(7);
        var b = new FeatureTableBuilder();
        for (int r = 0; r < 20; r++)
        {
            var v = new double[57];
            for (int j = 0; j < v.Length; j++)
                v[j] = (rng.NextDouble() - 0.3) * Math.Pow(10, rng.Next(-12, 17));
            v[0] = r == 0 ? 1e16 : r == 1 ? 1e-5 : r == 2 ? -0.0 : r == 3 ? 123456789.0 : v[0];
            b.Add($"pop.{r:00000}.wav", 661794, "pop", v);
        }
        var t = b.Build();
        var dir = Directory.CreateTempSubdirectory("features-csv-");
        try
        {
            var path = Path.Combine(dir.FullName, "sub", "t.csv");
            t.WriteCsv(path);
            var back = FeatureTable.ReadCsv(path);
            for (int c = 0; c < 57; c++)
                Assert.Equal(t.Column(c).ToArray(), back.Column(c).ToArray());
            Assert.Equal(t.Filenames, back.Filenames);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Theory]
    [InlineData(0.0001, "0.0001")]
    [InlineData(0.00001, "1e-05")]
    [InlineData(1.5e-5, "1.5e-05")]
    [InlineData(1e16, "1e+16")]
    [InlineData(1234567890123456.0, "1234567890123456.0")]
    [InlineData(123.046875, "123.046875")]
    [InlineData(661794.0, "661794.0")]
    [InlineData(-2.5e-07, "-2.5e-07")]
    [InlineData(0.1, "0.1")]
    [InlineData(1.7976931348623157e308, "1.7976931348623157e+308")]
    [InlineData(5e-324, "5e-324")]
    [InlineData(-0.0, "-0.0")]
    [InlineData(double.NaN, "nan")]
    [InlineData(double.NegativeInfinity, "-inf")]
    public void Numbers_are_formatted_as_python_repr(double value, string expected) =>
        Assert.Equal(expected, PythonFloatFormat.Format(value));

    [Fact]
    public void Missing_column_is_named_with_file_and_line()
    {
        var text = Header.Replace(",tempo,", ",") + "\n";
        var ex = Assert.Throws<FeatureCsvException>(() => Parse(text));
        Assert.Equal("test.csv", ex.Path);
        Assert.Equal(1, ex.Line);
        Assert.Equal("tempo", ex.Column);
        Assert.Contains("test.csv, line 1, column 'tempo'", ex.Message);
    }

    [Fact]
    public void Non_numeric_value_is_named_with_line_and_column()
    {
        var text = Header + "\n" + RowText("a.wav", "rock") + "\n" + RowText("b.wav", "rock", i => i == 5 ? "abc" : "1") + "\n";
        var ex = Assert.Throws<FeatureCsvException>(() => Parse(text));
        Assert.Equal(3, ex.Line);
        Assert.Equal(GtzanColumns.Features[5], ex.Column);
        Assert.Contains("'abc' is not a number", ex.Message);
    }

    [Fact]
    public void Wrong_field_count_is_reported_with_line()
    {
        var text = Header + "\n" + RowText("a.wav", "rock") + ",extra\n";
        var ex = Assert.Throws<FeatureCsvException>(() => Parse(text));
        Assert.Equal(2, ex.Line);
        Assert.Contains("61 fields, the header has 60", ex.Message);
    }

    [Fact]
    public void Other_malformed_inputs_are_rejected_with_location()
    {
        Assert.Equal(1, Assert.Throws<FeatureCsvException>(() => Parse("")).Line);
        Assert.Equal("tempo", Assert.Throws<FeatureCsvException>(() => Parse(Header + ",tempo\n")).Column);
        var fractional = Header + "\n" + RowText("a.wav", "rock").Replace(",661794,", ",661794.5,") + "\n";
        Assert.Equal("length", Assert.Throws<FeatureCsvException>(() => Parse(fractional)).Column);
        var emptyName = Header + "\n" + RowText("", "rock") + "\n";
        Assert.Equal("filename", Assert.Throws<FeatureCsvException>(() => Parse(emptyName)).Column);
        var unclosed = Header + "\n\"a.wav" + RowText("", "rock") + "\n";
        Assert.Contains("unclosed quote", Assert.Throws<FeatureCsvException>(() => Parse(unclosed)).Message);
        Assert.Throws<FileNotFoundException>(() => FeatureTable.ReadCsv(DataFile("no-such-file.csv")));
    }

    [Fact]
    public void Quoted_fields_blank_lines_bom_and_exponents_are_accepted()
    {
        var text = "\uFEFF" + Header + "\r\n" + RowText("\"odd, name.wav\"", "rock", i => i == 0 ? "-4.53E-05" : "nan") + "\r\n\r\n";
        var t = Parse(text);
        Assert.Equal("odd, name.wav", t.Filenames[0]);
        Assert.Equal(-4.53e-05, t[0, "chroma_stft_mean"]);
        Assert.True(double.IsNaN(t[0, "tempo"]));
        Assert.Contains("\"odd, name.wav\"", FeatureTableCsv.ToCsvString(t));
    }

    [Fact]
    public void Non_strict_read_takes_any_numeric_columns()
    {
        var t = Parse("filename,x,label,y\na.wav,1.5,rock,2\n", strict: false);
        Assert.Equal(["x", "y"], t.Columns);
        Assert.Equal(0, t.Lengths[0]);
        Assert.Throws<FeatureCsvException>(() => Parse("filename,x,y\na.wav,1,2\n", strict: false));
    }
}
