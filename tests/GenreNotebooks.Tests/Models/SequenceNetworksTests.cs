using GenreNotebooks.Models;
using GenreNotebooks.Nn;

namespace GenreNotebooks.Tests.Models;

public class SequenceNetworksTests
{
    [Fact]
    public void Table1_kernels_give_every_row_of_the_papers_table_1()
    {
        // Table 1 (8 genres): conv 2928, 15424, 20544; dense 258112, 520; output lengths 508, 254, 254, 127, 127, 63.
        var summary = SequenceNetworks.Gottingen1dCnn([12, 512], 8, table1: true).Summary(12, 512);
        var weighted = summary.Rows.Where(r => r.Parameters > 0).Select(r => r.Parameters).ToArray();
        Assert.Equal([2928L, 15424, 20544, 258112, 520], weighted);
        Assert.Equal(297_528, summary.TotalParameters);
        var convs = summary.Rows.Where(r => r.Layer.Contains("Conv1d")).Select(r => r.OutputShape[2]).ToArray();
        var pools = summary.Rows.Where(r => r.Layer.Contains("MaxPool1d")).Select(r => r.OutputShape[2]).ToArray();
        Assert.Equal([508, 254, 127], convs);
        Assert.Equal([254, 127, 63], pools);
        Assert.Equal([-1, 4032], summary.Rows.Single(r => r.Layer.Contains("Flatten")).OutputShape);
    }

    [Fact]
    public void Text_kernels_differ_from_table_1_only_in_the_second_and_third_convolutions_and_the_dense_input()
    {
        var text = SequenceNetworks.Gottingen1dCnn([12, 512], 8).Summary(12, 512).Rows.Where(r => r.Parameters > 0).Select(r => r.Parameters).ToArray();
        Assert.Equal([2928L, 48 * 2 * 64 + 64, 64 * 2 * 64 + 64, 62 * 64 * 64 + 64, 520], text);
        Assert.Equal(271_928, text.Sum());
        // The catalogue entry is the text's network.
        Assert.Equal(271_928, ModelCatalog.Build("gottingen-1d-cnn", [12, 512], 8).ParameterCount());
    }

    [Fact]
    public void Mixed_2d_network_has_its_stated_shapes_and_293976_parameters_for_8_genres()
    {
        var net = ModelCatalog.Build("gottingen-2d-cnn", [2, 12, 512], 8);
        var summary = net.Summary(2, 12, 512);
        Assert.Equal([2448L, 12352, 16448, 262208, 520], summary.Rows.Where(r => r.Parameters > 0).Select(r => r.Parameters).ToArray());
        Assert.Equal(293_976, summary.TotalParameters);
        var pools = summary.Rows.Where(r => r.Layer.Contains("MaxPool2d")).Select(r => (r.OutputShape[1], r.OutputShape[2], r.OutputShape[3])).ToArray();
        Assert.Equal([(48, 6, 256), (64, 3, 128), (64, 1, 64)], pools);
        using var scope = Torch.NewDisposeScope();
        net.Eval();
        using (Torch.NoGrad())
            Assert.Equal([3, 8], net.Forward(Tensor.Randn([3, 2, 12, 512], new Generator(1))).Shape);
        Assert.Equal(ModelCatalog.Get("gottingen-2d-cnn").Recipe.CreateEarlyStopping()!.ToString(), ModelCatalog.Get("gottingen-1d-cnn").Recipe.CreateEarlyStopping()!.ToString());
    }

    [Fact]
    public void Mixed_network_on_a_shorter_sequence_adapts_and_refuses_inputs_it_cannot_pool()
    {
        Assert.Equal(2 * 25 * 48 + 48 + 12352 + 16448 + (64 * 16 * 64 + 64) + 650, ModelCatalog.Build("gottingen-2d-cnn", [2, 12, 128], 10).ParameterCount());
        var e = Assert.Throws<ArgumentException>(() => SequenceNetworks.Gottingen2dCnn([2, 4, 512], 8));
        Assert.Contains("too small", e.Message);
        Assert.Contains("rank", Assert.Throws<ArgumentException>(() => SequenceNetworks.Gottingen2dCnn([12, 512], 8)).Message);
        Assert.Throws<ArgumentException>(() => ModelCatalog.Build("gottingen-2d-cnn", [12, 512], 8));
    }

    [Fact]
    public void Same_seed_same_weights_other_seed_other_weights()
    {
        static float[] First(ulong seed) => SequenceNetworks.Gottingen2dCnn([2, 12, 64], 4, seed).Parameters().First().ToArray();
        Assert.Equal(First(3), First(3));
        Assert.NotEqual(First(3), First(4));
    }
}
