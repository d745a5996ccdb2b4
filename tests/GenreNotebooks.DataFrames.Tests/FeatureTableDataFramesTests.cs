using GenreNotebooks.DataFrames;
using GenreNotebooks.Features;
using Microsoft.Data.Analysis;

namespace GenreNotebooks.DataFrames.Tests;

public class FeatureTableDataFramesTests
{
    public static TheoryData<string> KaggleSamples() => new() { "features_30_sec_sample.csv", "features_3_sec_sample.csv" };

    private static string Sample(string name) => Path.Combine(AppContext.BaseDirectory, "Data", "kaggle-sample", name);

    private static void AssertSameBits(FeatureTable expected, FeatureTable actual)
    {
        Assert.Equal(expected.Columns, actual.Columns);
        Assert.Equal(expected.Filenames, actual.Filenames);
        Assert.Equal(expected.Labels, actual.Labels);
        Assert.Equal(expected.Lengths, actual.Lengths);
        for (int c = 0; c < expected.ColumnCount; c++)
            for (int r = 0; r < expected.RowCount; r++)
                Assert.True(BitConverter.DoubleToInt64Bits(expected.Column(c)[r]) == BitConverter.DoubleToInt64Bits(actual.Column(c)[r]),
                    $"{expected.Columns[c]} row {r}: {expected.Column(c)[r]:R} became {actual.Column(c)[r]:R}");
    }

    [Theory]
    [MemberData(nameof(KaggleSamples))]
    public void Round_trip_through_a_DataFrame_is_exact_to_the_last_bit(string name)
    {
        var table = FeatureTable.ReadCsv(Sample(name));
        var frame = table.ToDataFrame();
        Assert.Equal(table.RowCount, frame.Rows.Count);
        Assert.Equal(GtzanColumns.All, frame.Columns.Select(c => c.Name));
        Assert.IsType<StringDataFrameColumn>(frame[GtzanColumns.Filename]);
        Assert.IsType<Int64DataFrameColumn>(frame[GtzanColumns.Length]);
        Assert.IsType<StringDataFrameColumn>(frame[GtzanColumns.Label]);
        Assert.All(GtzanColumns.Features, c => Assert.IsType<DoubleDataFrameColumn>(frame[c]));
        AssertSameBits(table, FeatureTableDataFrames.FromDataFrame(frame));
    }

    [Theory]
    [MemberData(nameof(KaggleSamples))]
    public void ReadCsv_gives_the_values_FeatureTable_reads_and_SaveCsv_writes_them_back_exactly(string name)
    {
        var table = FeatureTable.ReadCsv(Sample(name));
        var frame = FeatureTableDataFrames.ReadCsv(Sample(name));
        AssertSameBits(table, FeatureTableDataFrames.FromDataFrame(frame));

        var path = Path.Combine(Path.GetTempPath(), $"genre-df-{Guid.NewGuid():N}.csv");
        try
        {
            DataFrame.SaveCsv(frame, path, cultureInfo: System.Globalization.CultureInfo.InvariantCulture);
            AssertSameBits(table, FeatureTable.ReadCsv(path));
        }
        finally { File.Delete(path); }
    }

    [Fact]
    public void LoadCsv_without_types_guesses_float32_and_FromDataFrame_refuses_it_naming_the_column()
    {
        var guessed = DataFrame.LoadCsv(Sample("features_30_sec_sample.csv"));
        Assert.IsType<SingleDataFrameColumn>(guessed["spectral_centroid_mean"]);
        var table = FeatureTable.ReadCsv(Sample("features_30_sec_sample.csv"));
        // float32 keeps about 7 digits: the Kaggle value 1812.7541702628637 comes back as 1812.7542.
        Assert.NotEqual(table.Column("spectral_centroid_mean")[0], (double)(float)guessed["spectral_centroid_mean"][0]!);
        var e = Assert.Throws<ArgumentException>(() => FeatureTableDataFrames.FromDataFrame(guessed));
        Assert.Contains("'chroma_stft_mean' is Single", e.Message);
        Assert.Contains("ReadCsv", e.Message);
    }

    [Fact]
    public void Filter_group_and_mean_work_on_the_view_and_a_filtered_view_converts_back()
    {
        var table = FeatureTable.ReadCsv(Sample("features_3_sec_sample.csv"));
        var frame = table.ToDataFrame();
        var loud = frame.Filter(frame["rms_mean"].ElementwiseGreaterThan(0.15));
        var expected = table.Where(r => r["rms_mean"] > 0.15);
        AssertSameBits(expected, FeatureTableDataFrames.FromDataFrame(loud));

        var means = frame.GroupBy(GtzanColumns.Label).Mean("tempo", "rms_mean");
        foreach (var genre in table.Labels.Distinct())
        {
            var rows = table.WhereLabel(genre);
            var row = means.Rows.Single(r => (string)r[0] == genre);
            Assert.Equal(rows.Column("tempo").ToArray().Average(), (double)row[1], 12);
            Assert.Equal(rows.Column("rms_mean").ToArray().Average(), (double)row[2], 12);
        }
    }

    [Fact]
    public void Bad_frames_are_refused_with_the_column_named()
    {
        var table = FeatureTable.ReadCsv(Sample("features_30_sec_sample.csv"));
        var noLabel = table.ToDataFrame();
        noLabel.Columns.Remove(GtzanColumns.Label);
        Assert.Contains("no 'label' column", Assert.Throws<ArgumentException>(() => FeatureTableDataFrames.FromDataFrame(noLabel)).Message);

        var missingName = table.ToDataFrame();
        missingName[GtzanColumns.Filename][1] = null;
        Assert.Contains("row 1 has no filename", Assert.Throws<ArgumentException>(() => FeatureTableDataFrames.FromDataFrame(missingName)).Message);

        var fractional = table.ToDataFrame();
        fractional.Columns.Remove(GtzanColumns.Length);
        fractional.Columns.Insert(1, new DoubleDataFrameColumn(GtzanColumns.Length, Enumerable.Repeat(1.5, table.RowCount)));
        Assert.Contains("not a whole number", Assert.Throws<ArgumentException>(() => FeatureTableDataFrames.FromDataFrame(fractional)).Message);

        Assert.Throws<FileNotFoundException>(() => FeatureTableDataFrames.ReadCsv("no-such.csv"));
    }

    [Fact]
    public void A_missing_feature_value_becomes_NaN_as_in_pandas()
    {
        var frame = FeatureTable.ReadCsv(Sample("features_30_sec_sample.csv")).ToDataFrame();
        frame["tempo"][2] = null;
        Assert.True(double.IsNaN(FeatureTableDataFrames.FromDataFrame(frame).Column("tempo")[2]));
    }
}
