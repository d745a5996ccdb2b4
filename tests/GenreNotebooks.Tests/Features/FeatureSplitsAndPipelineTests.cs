using GenreNotebooks.Features;

namespace GenreNotebooks.Tests.Features;

public class FeatureSplitsAndPipelineTests
{
    private static readonly string[] Genres = ["blues", "classical", "metal", "pop"];

    /// <summary>4 genres x <paramref name="tracks"/> tracks x <paramref name="segments"/> rows; genre k's rows scatter around k.</summary>
    private static FeatureTable Table(int tracks, int segments, ulong seed = 1)
    {
        var g = new GenreNotebooks.Nn.Generator(seed);
        var names = new List<string>();
        var labels = new List<string>();
        var rows = new List<double[]>();
        for (int k = 0; k < Genres.Length; k++)
            for (int t = 0; t < tracks; t++)
                for (int s = 0; s < segments; s++)
                {
                    names.Add(segments == 1 ? $"{Genres[k]}.{t:00000}.wav" : $"{Genres[k]}.{t:00000}.{s}.wav");
                    labels.Add(Genres[k]);
                    var row = GtzanColumns.Features.Select(_ => 3.0 * k + g.NextGaussian()).ToArray();
                    row[GtzanColumns.Features.ToList().IndexOf("rolloff_mean")] = 2 * row[GtzanColumns.Features.ToList().IndexOf("spectral_centroid_mean")] + 1;
                    rows.Add(row);
                }
        var values = Enumerable.Range(0, GtzanColumns.Features.Count).Select(j => rows.Select(r => r[j]).ToArray()).ToArray();
        return new FeatureTable(GtzanColumns.Features, values, names, labels);
    }

    [Fact]
    public void Split_by_track_keeps_every_tracks_segment_rows_in_one_part_and_uses_each_row_once()
    {
        var table = Table(tracks: 10, segments: 10);
        var split = FeatureSplits.ByTrack(table, seed: 3);
        Assert.Empty(FeatureSplits.SharedTracks(table, split));
        var all = split.Train.Concat(split.Validation).Concat(split.Test).Order().ToArray();
        Assert.Equal(Enumerable.Range(0, table.RowCount), all);
        Assert.Equal(320, split.Train.Count);
        Assert.Equal(40, split.Test.Count);
        Assert.Equal(split.Test, FeatureSplits.ByTrack(table, seed: 3).Test);
        Assert.NotEqual(split.Test, FeatureSplits.ByTrack(table, seed: 4).Test);
    }

    [Fact]
    public void Row_level_split_puts_most_tracks_on_both_sides()
    {
        var table = Table(tracks: 10, segments: 10);
        var leaky = FeatureSplits.ClipLevelLeaky(table, seed: 3);
        Assert.True(FeatureSplits.SharedTracks(table, leaky).Count > 20, "most of the 40 tracks should straddle a row-level split");
    }

    [Fact]
    public void Split_rejects_two_rows_with_one_filename()
    {
        var t = Table(tracks: 3, segments: 1);
        var dup = t.SelectRows([0, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
        var e = Assert.Throws<ArgumentException>(() => FeatureSplits.ByTrack(dup, 1));
        Assert.Contains("blues.00000", e.Message);
    }

    [Fact]
    public void Pipeline_standardises_with_training_statistics_only()
    {
        var table = Table(tracks: 6, segments: 1);
        var train = table.WhereLabel("blues", "classical");
        var heldOut = table.WhereLabel("metal", "pop");
        var pipeline = FeaturePipeline.Fit(train, correlationThreshold: null);
        var xt = pipeline.Transform(train);
        for (int j = 0; j < xt.Cols; j++)
        {
            var col = Enumerable.Range(0, xt.Rows).Select(i => (double)xt.Data[i * xt.Cols + j]).ToArray();
            Assert.Equal(0, col.Average(), 4);
            Assert.Equal(1, Math.Sqrt(col.Select(v => v * v).Average()), 3);
        }
        // The held-out genres sit 6-9 units higher; scaled by the training statistics they stay clearly positive.
        var xh = pipeline.Transform(heldOut);
        Assert.True(xh.Data.Average() > 1.5, $"held-out mean {xh.Data.Average()} should reflect the training scale, not be re-centred");
    }

    [Fact]
    public void Pipeline_filter_drops_the_correlated_column_and_keeps_mfccs()
    {
        var table = Table(tracks: 6, segments: 1);
        var pipeline = FeaturePipeline.Fit(table, correlationThreshold: 0.8);
        Assert.NotNull(pipeline.Filter);
        Assert.Contains("rolloff_mean", pipeline.Filter!.DroppedColumns);
        Assert.DoesNotContain("rolloff_mean", pipeline.Columns);
        Assert.All(GtzanColumns.MfccFeatures, c => Assert.Contains(c, pipeline.Columns));
        Assert.Equal(pipeline.Columns.Count, pipeline.Transform(table).Cols);

        var mfcc = FeaturePipeline.Fit(table, 0.8, GtzanColumns.MfccFeatures);
        Assert.Null(mfcc.Filter);
        Assert.Equal(GtzanColumns.MfccFeatures, mfcc.Columns);
    }

    [Fact]
    public void Pipeline_transform_of_a_table_without_a_fitted_column_names_it()
    {
        var table = Table(tracks: 3, segments: 1);
        var pipeline = FeaturePipeline.Fit(table, null);
        var e = Assert.Throws<KeyNotFoundException>(() => pipeline.Transform(table.DropColumns(["tempo"])));
        Assert.Contains("tempo", e.Message);
    }

    internal static FeatureTable SeparableTable(int tracks, int segments) => Table(tracks, segments);
}
