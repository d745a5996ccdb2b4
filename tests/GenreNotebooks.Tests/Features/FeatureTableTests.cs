using GenreNotebooks.Features;

namespace GenreNotebooks.Tests.Features;

public class FeatureTableTests
{
    [Fact]
    public void Gtzan_columns_are_the_60_Kaggle_columns_in_file_order()
    {
        var header = File.ReadLines(Spectral.LibrosaReference.Output("tone-chord-clicks-30s.gtzan_features.csv")).First();
        Assert.Equal(header.Split(','), GtzanColumns.All);
        Assert.Equal(60, GtzanColumns.All.Count);
        Assert.Equal(57, GtzanColumns.Features.Count);
        Assert.Equal(40, GtzanColumns.MfccFeatures.Count);
        Assert.Equal(17, GtzanColumns.NonMfccFeatures.Count);
        Assert.Equal("chroma_stft_mean", GtzanColumns.Features[0]);
        Assert.Equal("tempo", GtzanColumns.NonMfccFeatures[^1]);
        Assert.Equal("mfcc20_var", GtzanColumns.Features[^1]);
    }

    [Theory]
    [InlineData("mfcc1_mean", true)]
    [InlineData("mfcc20_var", true)]
    [InlineData("mfcc21_mean", false)]
    [InlineData("mfcc0_mean", false)]
    [InlineData("mfcc_mean", false)]
    [InlineData("mfcc3_std", false)]
    [InlineData("rms_mean", false)]
    [InlineData("tempo", false)]
    public void IsMfcc_recognises_only_the_40_MFCC_columns(string column, bool expected) =>
        Assert.Equal(expected, GtzanColumns.IsMfcc(column));

    [Theory]
    [InlineData("blues.00000.wav", "blues.00000", null)]
    [InlineData("blues.00000.3.wav", "blues.00000", 3)]
    [InlineData("genres_original/jazz/jazz.00054.wav", "jazz.00054", null)]
    [InlineData("hiphop.00012.9.wav", "hiphop.00012", 9)]
    [InlineData("tone-chord-clicks-30s.0.wav", "tone-chord-clicks-30s", 0)]
    [InlineData("tone-chord-clicks-30s.wav", "tone-chord-clicks-30s", null)]
    [InlineData("my song.mp3", "my song", null)]
    [InlineData("song.v2.12.wav", "song.v2", 12)]
    [InlineData("blues.00000", "blues.00000", null)]
    public void Track_id_comes_from_the_filename(string filename, string track, int? segment)
    {
        var id = TrackId.FromFilename(filename);
        Assert.Equal(track, id.Track);
        Assert.Equal(segment, id.Segment);
    }

    [Fact]
    public void Track_id_of_an_empty_name_is_rejected() =>
        Assert.Throws<ArgumentException>(() => TrackId.FromFilename(".wav"));

    private static FeatureTable Small() =>
        new FeatureTableBuilder(["a", "b", "c"])
            .Add("rock.00001.wav", 10, "rock", [1, 10, 100])
            .Add("blues.00002.wav", 11, "blues", [2, 20, 200])
            .Add("rock.00003.0.wav", 12, "rock", [3, 30, 300])
            .Add("rock.00003.1.wav", 13, "rock", [4, 40, 400])
            .Build();

    [Fact]
    public void Columns_select_drop_and_convert_to_float_matrix_in_the_requested_order()
    {
        var t = Small();
        var sel = t.SelectColumns(["c", "a"]);
        Assert.Equal(["c", "a"], sel.Columns);
        Assert.Equal([300.0, 3.0], sel.Row(2));
        Assert.Equal(["a", "c"], t.DropColumns(["b"]).Columns);
        var m = t.ToFloatMatrix(["b", "a"]);
        Assert.Equal((4, 2), (m.Rows, m.Cols));
        Assert.Equal(40f, m[3, 0]);
        Assert.Equal(4f, m[3, 1]);
        var rows = t.ToFloatRows();
        Assert.Equal([2f, 20f, 200f], rows[1]);
        Assert.Equal(30.0, t[2, "b"]);
    }

    [Fact]
    public void Unknown_column_names_the_column_and_lists_the_table_columns()
    {
        var ex = Assert.Throws<KeyNotFoundException>(() => Small().SelectColumns(["a", "zz"]));
        Assert.Contains("'zz'", ex.Message);
        Assert.Contains("a, b, c", ex.Message);
        Assert.Throws<KeyNotFoundException>(() => Small().DropColumns(["nope"]));
    }

    [Fact]
    public void Rows_filter_keeps_metadata_aligned_with_values()
    {
        var t = Small();
        var rock = t.WhereLabel("rock");
        Assert.Equal(3, rock.RowCount);
        Assert.Equal(["rock.00001.wav", "rock.00003.0.wav", "rock.00003.1.wav"], rock.Filenames);
        Assert.Equal([10, 12, 13], rock.Lengths);
        Assert.Equal([1.0, 3.0, 4.0], rock.Column("a").ToArray());
        Assert.Equal(new TrackId("rock.00003", 1), rock.TrackIds[2]);

        var picked = t.SelectRows([3, 0]);
        Assert.Equal([4.0, 1.0], picked.Column("a").ToArray());
        var big = t.Where(r => r["b"] > 15 && r.TrackId.Segment is null);
        Assert.Equal(["blues.00002.wav"], big.Filenames);
        Assert.Throws<ArgumentOutOfRangeException>(() => t.SelectRows([4]));
    }

    [Fact]
    public void Label_encoding_is_sorted_and_round_trips()
    {
        var t = Small();
        Assert.Equal(["blues", "rock"], t.Genres);
        Assert.Equal([1, 0, 1, 1], t.EncodedLabels());
        var enc = LabelEncoding.Fit(["rock", "jazz", "blues", "jazz"]);
        Assert.Equal(["blues", "jazz", "rock"], enc.Classes);
        Assert.Equal("jazz", enc.Decode(enc.Encode("jazz")));
        Assert.Throws<KeyNotFoundException>(() => enc.Encode("metal"));
        Assert.Throws<ArgumentOutOfRangeException>(() => enc.Decode(3));
        Assert.Throws<ArgumentException>(() => new LabelEncoding(["a", "a"]));
    }

    [Fact]
    public void Construction_rejects_inconsistent_shapes()
    {
        Assert.Throws<ArgumentException>(() => new FeatureTable(["a"], [new double[2]], ["x.wav"], ["rock"]));
        Assert.Throws<ArgumentException>(() => new FeatureTable(["a", "a"], [new double[1], new double[1]], ["x.wav"], ["rock"]));
        Assert.Throws<ArgumentException>(() => new FeatureTable(["label"], [new double[1]], ["x.wav"], ["rock"]));
        Assert.Throws<ArgumentException>(() => new FeatureTableBuilder(["a", "b"]).Add("x.wav", 1, "rock", [1.0]));
    }

    [Fact]
    public void Table_copies_its_inputs()
    {
        var values = new[] { new[] { 1.0, 2.0 } };
        var t = new FeatureTable(["a"], values, ["x.wav", "y.wav"], ["rock", "pop"]);
        values[0][0] = 99;
        Assert.Equal(1.0, t[0, "a"]);
    }
}

public class ExtractedFeatureTableTests
{
    [Fact]
    public void Table_from_extracted_vectors_keeps_row_order_and_gtzan_columns()
    {
        var v = Enumerable.Range(0, 57).Select(i => (double)i).ToArray();
        var t = FeatureTable.FromVectors([
            new GtzanFeatureVector("pop.00001.wav", 661794, v, "pop"),
            new GtzanFeatureVector("pop.00001.3.wav", 66149, v.Select(x => -x).ToArray(), "pop"),
        ]);
        Assert.Equal(GtzanColumns.Features, t.Columns);
        Assert.Equal(56.0, t[0, "mfcc20_var"]);
        Assert.Equal(-16.0, t[1, "tempo"]);
        Assert.Equal(new TrackId("pop.00001", 3), t.TrackIds[1]);
        Assert.Throws<ArgumentException>(() => FeatureTable.FromVectors([new GtzanFeatureVector("x.wav", 1, [1.0], "pop")]));
    }
}
