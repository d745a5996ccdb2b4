using GenreNotebooks.Nn.Modules;

namespace GenreNotebooks.Nn.Tests.Autograd;

public class BatchNormBatchSizeTests
{
    public static TheoryData<string> OneValuePerChannel => new() { "bn1d [1, C]", "bn1d [1, C, 1]", "bn2d [1, C, 1, 1]", "bn+relu [1, C]", "bn2d+relu+pool [1, C, 1, 1]" };

    private static (Module Model, Tensor Input) Case(string name) => name switch
    {
        "bn1d [1, C]" => (new BatchNorm1d(3), Tensor.Ones(1, 3)),
        "bn1d [1, C, 1]" => (new BatchNorm1d(3), Tensor.Ones(1, 3, 1)),
        "bn2d [1, C, 1, 1]" => (new BatchNorm2d(3), Tensor.Ones(1, 3, 1, 1)),
        "bn+relu [1, C]" => (new Sequential(new BatchNorm1d(3), new ReLU()), Tensor.Ones(1, 3)),
        _ => (new Sequential(new BatchNorm2d(3), new ReLU(), new MaxPool2d(2)), Tensor.Ones(1, 3, 1, 1)),
    };

    [Theory]
    [MemberData(nameof(OneValuePerChannel))]
    public void Training_with_one_value_per_channel_throws_like_pytorch_and_leaves_running_stats(string name)
    {
        var (model, x) = Case(name);
        var e = Assert.Throws<ArgumentException>(() => model.Forward(x));
        Assert.Contains("expected more than 1 value per channel when training", e.Message);
        Assert.Contains(Tensor.ShapeString(x.Shape), e.Message);
        var bn = model.Modules().OfType<BatchNorm>().Single();
        Assert.Equal([0f, 0f, 0f], bn.RunningMean.ToArray());
        Assert.Equal([1f, 1f, 1f], bn.RunningVar.ToArray());
    }

    [Fact]
    public void Eval_accepts_a_batch_of_one_and_the_fused_fallback_normalises_with_running_stats()
    {
        var (model, x) = Case("bn+relu [1, C]");
        model.Eval();
        var bn = (BatchNorm1d)model.Modules().OfType<BatchNorm>().Single();
        bn.RunningMean.AsSpan().Fill(0.5f);
        bn.RunningVar.AsSpan().Fill(4f);
        var y = model.Forward(x).ToArray();
        float expected = (1f - 0.5f) / MathF.Sqrt(4f + 1e-5f);
        Assert.All(y, v => Assert.Equal(expected, v, 1e-6f));
    }

    [Fact]
    public void Training_with_two_values_per_channel_is_accepted()
    {
        var bn = new BatchNorm2d(2);
        var y = bn.Forward(new Tensor([1f, 3f, 5f, 9f], 1, 2, 2, 1)).ToArray();
        Assert.Equal([-1f, 1f, -1f, 1f], y.Select(v => MathF.Round(v, 4)).ToArray());
    }
}
