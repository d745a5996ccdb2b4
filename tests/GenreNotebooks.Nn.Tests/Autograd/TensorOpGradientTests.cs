using static GenreNotebooks.Nn.Tests.Support.GradCheck;

namespace GenreNotebooks.Nn.Tests.Autograd;

public class TensorOpGradientTests
{
    [Fact]
    public void Elementwise_ops_with_broadcasting_match_finite_differences()
    {
        Check(t => t[0] + t[1], [Rand(1, 3, 4), Rand(2, 4)]);
        Check(t => t[0] - t[1], [Rand(1, 4), Rand(2, 3, 4)]);
        Check(t => t[0] * t[1], [Rand(1, 3, 4), Rand(2, 3, 4)]);
        Check(t => t[0] * t[1], [Rand(1, 2, 3, 4), Rand(2, 3, 4)]);
        Check(t => t[0] / (t[1].Pow(2f) + 1f), [Rand(1, 3, 4), Rand(2, 4)]);
        Check(t => (2f - t[0] * 3f) / 2f, [Rand(3, 5)]);
    }

    [Fact]
    public void Unary_ops_and_reductions_match_finite_differences()
    {
        Check(t => t[0].Exp().Sum(1), [Rand(1, 3, 4)]);
        Check(t => (t[0].Pow(2f) + 0.5f).Log().Mean(0, keepDim: true), [Rand(2, 3, 4)]);
        Check(t => t[0].Sigmoid() + t[0].Tanh(), [Rand(3, 6)]);
        Check(t => t[0].Mean(), [Rand(4, 2, 5)]);
    }

    [Fact]
    public void MatMul_transpose_and_view_match_finite_differences()
    {
        Check(t => t[0].MatMul(t[1]), [Rand(1, 3, 4), Rand(2, 4, 5)]);
        Check(t => t[0].T().View(-1).Reshape(2, 6), [Rand(3, 3, 4)]);
    }

    [Fact]
    public void Gradients_accumulate_until_zeroed()
    {
        var x = Tensor.FromArray([1f, 2f], 2).RequiresGrad_();
        (x * x).Sum().Backward();
        (x * x).Sum().Backward();
        Assert.Equal([4f, 8f], x.Grad!.ToArray());
        x.Grad.AsSpan().Clear();
        (x * 3f).Sum().Backward();
        Assert.Equal([3f, 3f], x.Grad.ToArray());
    }

    [Fact]
    public void NoGrad_and_detach_record_no_graph()
    {
        var x = Tensor.FromArray([1f, 2f], 2).RequiresGrad_();
        using (Torch.NoGrad())
        {
            var y = x * 2f;
            Assert.False(y.RequiresGrad);
            Assert.Null(y.GradFnName);
        }
        Assert.False(x.Detach().RequiresGrad);
        Assert.Equal("MulScalar", (x * 2f).GradFnName);
    }

    [Fact]
    public void Bad_shapes_are_rejected_with_the_op_and_shapes_named()
    {
        var e = Assert.Throws<ArgumentException>(() => Tensor.Zeros(2, 3).MatMul(Tensor.Zeros(2, 3)));
        Assert.Contains("MatMul", e.Message);
        Assert.Contains("[2, 3]", e.Message);
        e = Assert.Throws<ArgumentException>(() => Tensor.Zeros(2, 3) + Tensor.Zeros(2));
        Assert.Contains("[2, 3] and [2]", e.Message);
        e = Assert.Throws<ArgumentException>(() => Functional.Conv2d(Tensor.Zeros(1, 2, 5, 5), Tensor.Zeros(4, 3, 3, 3)));
        Assert.Contains("Conv2d", e.Message);
        e = Assert.Throws<ArgumentException>(() => Tensor.Zeros(2, 3).View(4, 2));
        Assert.Contains("View", e.Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => Functional.CrossEntropy(Tensor.Zeros(2, 3), [0, 3]));
        Assert.Throws<InvalidOperationException>(() => Tensor.Zeros(2).RequiresGrad_().Backward());
    }
}
