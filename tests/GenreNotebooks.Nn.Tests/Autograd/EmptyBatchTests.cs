using GenreNotebooks.Nn.Modules;

namespace GenreNotebooks.Nn.Tests.Autograd;

public class EmptyBatchTests
{
    [Theory]
    [InlineData(3, 1)]   // padded 3×3: direct kernel or im2col path
    [InlineData(1, 0)]   // pointwise
    [InlineData(5, 2)]
    public void Conv2d_of_an_empty_batch_is_empty_with_zero_weight_gradients(int k, int pad)
    {
        var conv = new Conv2d(3, 4, k, padding: pad, generator: new Generator(1));
        var x = Tensor.Zeros(0, 3, 16, 16).RequiresGrad_();
        var y = conv.Forward(x);
        Assert.Equal([0, 4, 16 + 2 * pad - k + 1, 16 + 2 * pad - k + 1], y.Shape);
        y.Sum().Backward();
        Assert.All(conv.Weight.Grad!.ToArray(), v => Assert.Equal(0f, v));
        Assert.All(conv.Bias!.Grad!.ToArray(), v => Assert.Equal(0f, v));
        Assert.Equal(0, x.Grad!.Numel);
    }

    [Fact]
    public void Conv1d_of_an_empty_batch_is_empty()
    {
        var conv = new Conv1d(2, 3, 3, generator: new Generator(2));
        var y = conv.Forward(Tensor.Zeros(0, 2, 10));
        Assert.Equal([0, 3, 8], y.Shape);
    }
}
