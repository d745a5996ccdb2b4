using GenreNotebooks.Nn.Modules;
using GenreNotebooks.Nn.Tests.Support;

namespace GenreNotebooks.Nn.Tests.Kernels;

/// <summary>The fused BatchNorm2d + ReLU + 2×2 max pooling op against the three ops run one after another.</summary>
public class BatchNormReluPoolTests
{
    [Theory]
    [InlineData(true, 4, 3, 6, 18)]
    [InlineData(false, 4, 3, 6, 18)]
    [InlineData(true, 3, 2, 7, 9)]
    [InlineData(false, 2, 5, 5, 11)]
    [InlineData(true, 2, 1, 2, 2)]
    [InlineData(true, 2, 2, 4, 24)]   // 12 windows per row: one 8-window and one 4-window vector step
    [InlineData(false, 3, 2, 8, 8)]   // 8x8 planes as in the last block: 4-window vector step only
    public void Fused_equals_BatchNorm_Relu_MaxPool_values_running_stats_and_gradients(bool training, int n, int c, int h, int w)
    {
        int[] shape = [n, c, h, w];
        Tensor[] Inputs() => [Tensor.Randn(shape, new Generator(21)).RequiresGrad_(), Tensor.Randn([c], new Generator(22)).RequiresGrad_(), Tensor.Randn([c], new Generator(23)).RequiresGrad_()];
        var rm = Tensor.Randn([c], new Generator(25));
        var rv = Tensor.Rand([c], new Generator(26)) + 0.5f;
        var g = Tensor.Randn([n, c, h / 2, w / 2], new Generator(24));

        var a = Inputs();
        var rmA = rm.Clone();
        var rvA = rv.Clone();
        // The input is an intermediate result (x·2), so the fused op writes its gradient buffer instead of adding to it.
        var ya = Functional.MaxPool2d(Functional.BatchNorm(a[0] * 2f, rmA, rvA, a[1], a[2], training).Relu(), 2, 2, 2, 2);
        ya.Backward(g);

        var b = Inputs();
        var rmB = rm.Clone();
        var rvB = rv.Clone();
        var yb = Functional.BatchNormReluMaxPool2x2(b[0] * 2f, rmB, rvB, b[1], b[2], training, 0.1f, 1e-5f);
        yb.Backward(g);

        Assert.Equal(ya.Shape.ToArray(), yb.Shape.ToArray());
        Close.All(ya.AsSpan(), yb.AsSpan(), 0, 0, "output");
        Close.All(rmA.AsSpan(), rmB.AsSpan(), 0, 0, "running_mean");
        Close.All(rvA.AsSpan(), rvB.AsSpan(), 0, 0, "running_var");
        for (int k = 0; k < 3; k++) Close.All(a[k].Grad!.AsSpan(), b[k].Grad!.AsSpan(), 1e-4, 1e-5, $"grad {k}");
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Fused_routes_ties_to_the_first_maximum_and_handles_a_zero_weight(bool training)
    {
        int n = 3, c = 2, h = 6, w = 34;
        // Values on a coarse grid: many windows hold equal positive activations.
        var grid = Tensor.Rand([n, c, h, w], new Generator(41)).ToArray().Select(v => MathF.Round(v * 4f) - 1f).ToArray();
        Tensor[] Inputs() => [new Tensor((float[])grid.Clone(), n, c, h, w).RequiresGrad_(), Tensor.FromArray([0f, 1.3f], 2).RequiresGrad_(), Tensor.FromArray([0.4f, 0.1f], 2).RequiresGrad_()];
        var g = Tensor.Randn([n, c, h / 2, w / 2], new Generator(42));
        var rm = Tensor.FromArray([0.2f, 0.5f], 2);
        var rv = Tensor.FromArray([1.1f, 0.7f], 2);

        var a = Inputs();
        var ya = Functional.MaxPool2d(Functional.BatchNorm(a[0], rm.Clone(), rv.Clone(), a[1], a[2], training).Relu(), 2, 2, 2, 2);
        ya.Backward(g);
        var b = Inputs();
        var yb = Functional.BatchNormReluMaxPool2x2(b[0], rm.Clone(), rv.Clone(), b[1], b[2], training, 0.1f, 1e-5f);
        yb.Backward(g);

        Close.All(ya.AsSpan(), yb.AsSpan(), 0, 0, "output");
        for (int k = 0; k < 3; k++) Close.All(a[k].Grad!.AsSpan(), b[k].Grad!.AsSpan(), 1e-4, 1e-5, $"grad {k}");
    }

    [Fact]
    public void Sequential_with_fused_block_matches_the_layers_called_one_by_one()
    {
        var g = new Generator(5);
        var seq = new Sequential(new Conv2d(2, 3, 3, padding: 1, generator: g), new BatchNorm2d(3), new ReLU(), new MaxPool2d(2));
        var x = Tensor.Randn([3, 2, 9, 10], new Generator(6));
        var y = seq.Forward(x);
        var manual = x;
        for (int i = 0; i < seq.Count; i++) manual = seq[i].Forward(manual);
        Assert.Equal([3, 3, 4, 5], y.Shape.ToArray());
        // The module's running statistics moved twice; the outputs of both training-mode passes use batch statistics.
        Close.All(manual.AsSpan(), y.AsSpan(), 0, 0, "output");
    }

    [Fact]
    public void Fused_op_rejects_planes_smaller_than_the_window()
    {
        var x = Tensor.Randn([2, 1, 1, 4], new Generator(1));
        var e = Assert.Throws<ArgumentException>(() => Functional.BatchNormReluMaxPool2x2(x, null, null, null, null, true, 0.1f, 1e-5f));
        Assert.Contains("MaxPool2d", e.Message);
    }
}
