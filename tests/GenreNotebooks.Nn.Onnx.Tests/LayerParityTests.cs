using GenreNotebooks.Nn;
using GenreNotebooks.Nn.Modules;
using GenreNotebooks.Nn.Onnx.Tests.Modules;
using GenreNotebooks.Nn.Onnx.Tests.Support;
using Xunit.Abstractions;

namespace GenreNotebooks.Nn.Onnx.Tests;

/// <summary>Layer settings the catalogue does not use, and modules written as classes, against ONNX Runtime.</summary>
public class LayerParityTests(ITestOutputHelper output)
{
    private void AssertParity(Module model, int[] shape, string what)
    {
        TrainedModels.Train(model, shape, steps: 2, seed: 5);
        using var session = Parity.Session(model.ToOnnxBytes(shape));
        foreach (int batch in new[] { 1, 5 })
        {
            double diff = Parity.Compare(model, session, shape, batch);
            output.WriteLine($"{what}, batch {batch}: max difference {diff:E2}");
            Assert.True(diff <= Parity.LogitTolerance, $"{what}, batch {batch}: {diff:E3}");
        }
    }

    [Fact]
    public void Strided_and_asymmetric_same_padded_convolutions_and_rectangular_pools_match()
    {
        var g = new Generator(3);
        var model = new Sequential(
            new Conv2d(2, 6, 4, "same", generator: g),                            // even kernel: pads (1, 2) on each axis
            new BatchNorm2d(6), new ReLU(),
            new Conv2d(6, 8, (3, 5), stride: (2, 1), padding: (1, 0), generator: g),
            new MaxPool2d((3, 2), stride: (2, 1)),
            new Conv2d(8, 4, (2, 3), "same", generator: g),
            new Flatten(), new Linear(4 * 3 * 11, 7, generator: g));
        Assert.Equal((1, 2, 1, 2), ((Conv2d)model[0]).Padding);
        AssertParity(model, [2, 14, 16], "conv2d variants");
    }

    [Fact]
    public void One_dimensional_layers_batch_norm_without_affine_and_nested_sequentials_match()
    {
        var g = new Generator(4);
        var model = new Sequential(
            new Sequential(new Conv1d(3, 8, 4, "same", generator: g), new BatchNorm1d(8, affine: false), new ReLU()),
            new Conv1d(8, 8, 3, stride: 2, padding: 1, generator: g), new MaxPool1d(3, stride: 2),
            new Sequential(new Flatten(), new Dropout(0.4f, g), new Linear(8 * 7, 16, generator: g), new BatchNorm1d(16), new ReLU()),
            new Linear(16, 5, generator: g), new LogSoftmax(1));
        AssertParity(model, [3, 30], "1-D layers");
    }

    [Fact]
    public void Linear_on_rank_3_inputs_partial_flatten_and_softmax_over_a_middle_axis_match()
    {
        var g = new Generator(5);
        var model = new Sequential(
            new Flatten(2),                       // [N, 4, 3, 5] -> [N, 4, 15]
            new Linear(15, 6, generator: g),      // MatMul over the last axis
            new Softmax(1),
            new Flatten(), new Linear(24, 3, generator: g));
        AssertParity(model, [4, 3, 5], "rank-3 linear");
    }

    [Fact]
    public void A_reader_s_residual_block_inside_a_sequential_is_traced_and_matches()
    {
        var g = new Generator(6);
        var model = new Sequential(
            new Conv2d(1, 4, 3, padding: 1, generator: g), new ReLU(),
            new ResidualBlock(4, g), new ResidualBlock(4, g),
            new MaxPool2d(2), new Flatten(), new Linear(4 * 6 * 8, 10, generator: g));
        AssertParity(model, [1, 12, 16], "residual blocks");
        var names = model.ToOnnxModel([1, 12, 16]).Graph.Initializer.Select(t => t.Name).ToHashSet();
        Assert.Contains("2.conv1.weight", names);
        Assert.Contains("3.bn2.running_var", names);
    }

    [Fact]
    public void A_module_of_functional_ops_is_traced_and_matches_at_the_root()
    {
        var model = new AttentionPoolNet(3, 6, new Generator(7));
        AssertParity(model, [3, 20], "functional ops");
        var ops = model.ToOnnxModel([3, 20]).Graph.Node.Select(n => n.OpType).ToHashSet();
        foreach (var op in new[] { "Conv", "Tanh", "Softmax", "ReduceSum", "Gemm", "Sigmoid", "Transpose", "MatMul", "Pow", "Exp", "Log", "Reshape", "LogSoftmax" })
            Assert.Contains(op, ops);
    }
}
