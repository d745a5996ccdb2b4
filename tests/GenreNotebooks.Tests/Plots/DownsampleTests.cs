using GenreNotebooks.Plots;

namespace GenreNotebooks.Tests.Plots;

public class DownsampleTests
{
    [Fact]
    public void Uniform_blocks_are_whole_blocks_of_ceil_n_over_max_with_a_shorter_last_one()
    {
        Assert.Equal([0..1, 1..2, 2..3], Downsample.UniformBlocks(3, 10));
        var blocks = Downsample.UniformBlocks(1292, 1000); // 30 s of frames into at most 1000 columns
        Assert.Equal(646, blocks.Length);
        Assert.All(blocks, b => Assert.Equal(2, b.End.Value - b.Start.Value));
        var odd = Downsample.UniformBlocks(10, 4); // k = 3: 0-2, 3-5, 6-8, 9
        Assert.Equal([0..3, 3..6, 6..9, 9..10], odd);
        Assert.Empty(Downsample.UniformBlocks(0, 4));
    }

    [Fact]
    public void Pooled_matrix_has_one_cell_per_block_with_the_block_max_or_mean()
    {
        // 2 x 5 matrix, rows pooled in one block, columns in blocks {0,1}, {2,3}, {4}.
        var m = new FloatMatrix(2, 5, [1, 5, 2, 2, -1,
                                       3, 0, 8, 4, float.NaN]);
        var rows = Downsample.UniformBlocks(2, 1);
        var cols = Downsample.UniformBlocks(5, 3);
        var max = Downsample.Pool(m, rows, cols, DisplayPooling.Max);
        Assert.Equal((1, 3), (max.Rows, max.Cols));
        Assert.Equal([5f, 8f, -1f], max.Data);
        var mean = Downsample.Pool(m, rows, cols, DisplayPooling.Mean);
        Assert.Equal([9f / 4, 16f / 4, -1f], mean.Data); // the NaN cell is skipped
        Assert.True(float.IsNaN(Downsample.Pool(new FloatMatrix(1, 1, [float.NaN]), [0..1], [0..1], DisplayPooling.Max)[0, 0]));
    }

    [Fact]
    public void Axis_blocks_on_a_log_axis_keep_the_sparse_low_bins_and_pool_the_dense_high_ones()
    {
        // STFT bins 1..1024 (n_fft 2048) on a log axis drawn with at most 500 rows.
        var logF = Enumerable.Range(1, 1024).Select(k => Math.Log(k * 22050.0 / 2048)).ToArray();
        var blocks = Downsample.AxisBlocks(logF, 500);
        Assert.InRange(blocks.Length, 200, 500);
        Assert.Equal(1024, blocks.Sum(b => b.End.Value - b.Start.Value));
        Assert.Equal(0, blocks[0].Start.Value);
        Assert.Equal(1024, blocks[^1].End.Value);
        Assert.All(blocks.Take(60), b => Assert.Equal(1, b.End.Value - b.Start.Value)); // below ~650 Hz: a row per bin
        Assert.True(blocks[^1].End.Value - blocks[^1].Start.Value > 5);
        // Evenly spaced positions give equal blocks, like UniformBlocks.
        var even = Downsample.AxisBlocks(Enumerable.Range(0, 1025).Select(k => k * 10.7666015625).ToArray(), 500);
        Assert.All(even[..^1], b => Assert.Equal(3, b.End.Value - b.Start.Value));
        Assert.Throws<ArgumentException>(() => Downsample.AxisBlocks([0.0, 2, 1], 1));
    }

    [Fact]
    public void Min_max_indices_keep_each_block_extremes_in_order()
    {
        var y = new double[1000];
        y[123] = 5;
        y[124] = -7;
        y[900] = 2;
        var kept = Downsample.MinMaxIndices(y, 20);
        Assert.Equal(20, kept.Length);
        Assert.Contains(123, kept);
        Assert.Contains(124, kept);
        Assert.Contains(900, kept);
        Assert.Equal(kept.Order(), kept);
        Assert.Equal([0, 1, 2], Downsample.MinMaxIndices([3.0, 1, 2], 4));
    }

    [Fact]
    public void Flat_run_interiors_are_dropped_only_when_x_is_monotonic()
    {
        double[] x = [0, 1, 2, 3, 4, 5, 6];
        double[] y = [0, 0, 0, 1, 0, 0, 0];
        int[] all = [0, 1, 2, 3, 4, 5, 6];
        Assert.Equal([0, 2, 3, 4, 6], Downsample.WithoutFlatRunInteriors(x, y, all));
        double[] back = [0, 1, 2, 1, 0, 1, 2];
        Assert.Equal(all, Downsample.WithoutFlatRunInteriors(back, y, all));
    }

    [Fact]
    public void Limits_refuse_values_below_their_minimum()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new DisplayLimits { MaxColumns = 0 });
        Assert.Throws<ArgumentOutOfRangeException>(() => new DisplayLimits { MaxRows = -1 });
        Assert.Throws<ArgumentOutOfRangeException>(() => new DisplayLimits { MaxLinePoints = 1 });
        Assert.Equal(1000, DisplayLimits.Default.MaxColumns);
    }
}
