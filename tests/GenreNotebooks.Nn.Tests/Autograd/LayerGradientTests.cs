using GenreNotebooks.Nn.Modules;
using GenreNotebooks.Nn.Tests.Support;
using static GenreNotebooks.Nn.Tests.Support.GradCheck;

namespace GenreNotebooks.Nn.Tests.Autograd;

public class LayerGradientTests
{
    [Fact]
    public void Linear_gradients_match_finite_differences() =>
        Check(t => Functional.Linear(t[0], t[1], t[2]), [Rand(1, 3, 4), Rand(2, 5, 4), Rand(3, 5)]);

    [Theory]
    [InlineData(1, 0, 0)]
    [InlineData(2, 1, 1)]
    [InlineData(1, 2, 0)]
    public void Conv1d_gradients_match_finite_differences(int stride, int padLeft, int padRight) =>
        Check(t => Functional.Conv1d(t[0], t[1], t[2], stride, padLeft, padRight), [Rand(1, 2, 2, 9), Rand(2, 3, 2, 3), Rand(3, 3)]);

    [Theory]
    [InlineData(3, 3, 1, 1, 1, 1)]
    [InlineData(3, 3, 2, 1, 1, 1)]
    [InlineData(5, 5, 1, 2, 2, 2)]
    [InlineData(4, 3, 1, 1, 2, 1)]
    [InlineData(1, 1, 1, 0, 0, 0)]
    public void Conv2d_gradients_match_finite_differences(int kh, int kw, int stride, int padTop, int padBottom, int padLeft) =>
        Check(t => Functional.Conv2d(t[0], t[1], t[2], stride, stride, padTop, padBottom, padLeft, padLeft),
            [Rand(1, 2, 2, 7, 6), Rand(2, 3, 2, kh, kw), Rand(3, 3)]);

    [Theory]
    [InlineData(new[] { 6, 3 })]
    [InlineData(new[] { 4, 3, 5 })]
    [InlineData(new[] { 3, 2, 4, 5 })]
    public void BatchNorm_train_gradients_match_finite_differences(int[] shape)
    {
        int c = shape[1];
        Check(t => Functional.BatchNorm(t[0], null, null, t[1], t[2], training: true),
            [Rand(1, shape), Rand(2, c), Rand(3, c)], eps: 1e-2, rtol: 3e-2, atol: 5e-3);
    }

    [Fact]
    public void BatchNorm_eval_gradients_match_finite_differences()
    {
        var rm = Rand(4, 3);
        var rv = Tensor.FromArray([0.5f, 1.5f, 2f], 3);
        Check(t => Functional.BatchNorm(t[0], rm, rv, t[1], t[2], training: false), [Rand(1, 4, 3, 5), Rand(2, 3), Rand(3, 3)]);
    }

    [Fact]
    public void MaxPool2d_gradients_match_finite_differences() =>
        Check(t => Functional.MaxPool2d(t[0], 2, 2, 2, 2), [Rand(5, 2, 2, 7, 6)], eps: 1e-3);

    [Fact]
    public void MaxPool2d_with_overlapping_windows_gradients_match_finite_differences() =>
        Check(t => Functional.MaxPool2d(t[0], 3, 3, 1, 2), [Rand(6, 1, 2, 6, 7)], eps: 1e-3);

    [Fact]
    public void MaxPool1d_gradients_match_finite_differences() =>
        Check(t => Functional.MaxPool1d(t[0], 2, 2), [Rand(5, 2, 3, 9)], eps: 1e-3);

    [Fact]
    public void MaxPool_ties_send_the_gradient_to_the_first_maximum()
    {
        // Window 1 holds 3 at (0,1) and (1,0); window 2 holds 3 at (0,2), (0,3) and (1,3): the row-major first wins.
        var x = Tensor.FromArray([1, 3, 3, 3, 3, 2, 2, 3], 1, 1, 2, 4).RequiresGrad_();
        Functional.MaxPool2d(x, 2, 2, 2, 2).Sum().Backward();
        Assert.Equal([0, 1, 1, 0, 0, 0, 0, 0], x.Grad!.ToArray());
        var x1 = Tensor.FromArray([5, 5, 1, 7, 7, 7], 1, 1, 6).RequiresGrad_();
        Functional.MaxPool1d(x1, 2, 2).Sum().Backward();
        Assert.Equal([1, 0, 0, 1, 1, 0], x1.Grad!.ToArray());
    }

    [Fact]
    public void Dropout_with_fixed_mask_gradients_match_finite_differences() =>
        Check(t => Functional.Dropout(t[0], 0.4f, training: true, generator: new Generator(11)), [Rand(1, 4, 6)]);

    [Fact]
    public void Relu_and_flatten_gradients_match_finite_differences() =>
        Check(t => new Flatten().Forward(t[0].Relu()), [Rand(8, 2, 3, 4)], eps: 1e-3);

    [Fact]
    public void LogSoftmax_and_softmax_gradients_match_finite_differences()
    {
        Check(t => Functional.LogSoftmax(t[0], 1), [Rand(1, 4, 5)]);
        Check(t => Functional.Softmax(t[0], 1), [Rand(2, 4, 5)]);
        Check(t => Functional.LogSoftmax(t[0], 1), [Rand(3, 2, 3, 4)]);
    }

    [Fact]
    public void CrossEntropy_with_weights_and_label_smoothing_gradients_match_finite_differences()
    {
        var w = Tensor.FromArray([0.5f, 1f, 2f, 1.5f], 4);
        int[] target = [0, 3, 1, 3, 2];
        Check(t => Functional.CrossEntropy(t[0], target), [Rand(1, 5, 4)]);
        Check(t => Functional.CrossEntropy(t[0], target, w, 0.1f), [Rand(2, 5, 4)]);
        Check(t => Functional.CrossEntropy(t[0], target, w, 0.2f, Reduction.Sum), [Rand(3, 5, 4)]);
    }

    [Fact]
    public void Nll_loss_gradients_match_finite_differences()
    {
        var w = Tensor.FromArray([0.5f, 1f, 2f, 1.5f], 4);
        int[] target = [0, 3, 1, 3, 2];
        Check(t => Functional.NllLoss(Functional.LogSoftmax(t[0], 1), target, w), [Rand(4, 5, 4)]);
        Check(t => Functional.NllLoss(t[0], target), [Rand(5, 5, 4)]);
    }

    [Fact]
    public void Small_cnn_end_to_end_gradients_match_finite_differences()
    {
        var g = new Generator(3);
        var model = new Sequential(new Conv2d(1, 2, 3, padding: 1, generator: g), new BatchNorm2d(2), new ReLU(), new MaxPool2d(2),
            new Flatten(), new Linear(2 * 3 * 3, 3, generator: g));
        var x = Rand(9, 2, 1, 6, 6);
        Check(t => Functional.CrossEntropy(model.Forward(t[0]), [0, 2]), [x], eps: 1e-3, rtol: 5e-2, atol: 5e-3);
        Check(_ => Functional.CrossEntropy(model.Forward(x), [0, 2]), model.Parameters().ToArray(), eps: 1e-3, rtol: 5e-2, atol: 5e-3);
    }
}
