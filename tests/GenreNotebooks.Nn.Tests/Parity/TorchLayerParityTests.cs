using GenreNotebooks.Nn.Modules;
using GenreNotebooks.Nn.Tests.Support;

namespace GenreNotebooks.Nn.Tests.Parity;

/// <summary>Forward outputs and gradients against PyTorch 1.13 fixtures (Data/torch, see its README).</summary>
public class TorchLayerParityTests
{
    private const double Rtol = 1e-5, Atol = 1e-5;

    public static IEnumerable<object[]> Conv2dCases => TorchFixtures.Names("conv2d.json");
    public static IEnumerable<object[]> Conv1dCases => TorchFixtures.Names("conv1d.json");
    public static IEnumerable<object[]> BatchNormCases => TorchFixtures.Names("batchnorm.json");
    public static IEnumerable<object[]> PoolCases => TorchFixtures.Names("pool.json");

    [Theory]
    [MemberData(nameof(Conv2dCases))]
    public void Conv2d_matches_pytorch(string name)
    {
        var c = TorchFixtures.Case("conv2d.json", name);
        var k = c.Params["kernel_size"].EnumerateArray().Select(e => e.GetInt32()).ToArray();
        var p = c.Params["padding"];
        var conv = p.ValueKind == System.Text.Json.JsonValueKind.String
            ? CreateSame(c, k)
            : new Conv2d(c.Params["in_channels"].GetInt32(), c.Params["out_channels"].GetInt32(), (k[0], k[1]),
                (c.Params["stride"][0].GetInt32(), c.Params["stride"][1].GetInt32()), (p[0].GetInt32(), p[1].GetInt32()));
        RunLayer(c, conv, conv.Weight, conv.Bias);
    }

    private static Conv2d CreateSame(TorchCase c, int[] k) =>
        new(c.Params["in_channels"].GetInt32(), c.Params["out_channels"].GetInt32(), (k[0], k[1]), "same");

    [Fact]
    public void Conv2d_rectangular_same_padding_matches_pytorch()
    {
        var c = TorchFixtures.Case("conv2d.json", "conv2d_k4x3_same");
        var w = c["weight"].ToTensor().RequiresGrad_();
        var b = c["bias"].ToTensor().RequiresGrad_();
        var x = c["input"].ToTensor().RequiresGrad_();
        var y = Functional.Conv2d(x, w, b, 1, 1, padTop: 1, padBottom: 2, padLeft: 1, padRight: 1);
        Close.All(c["output"].Data, y.AsSpan(), Rtol, Atol, "output");
        y.Backward(c["grad_output"].ToTensor());
        Close.All(c["grad_input"].Data, x.Grad!.AsSpan(), Rtol, Atol, "grad_input");
        Close.All(c["grad_weight"].Data, w.Grad!.AsSpan(), Rtol, Atol, "grad_weight");
        Close.All(c["grad_bias"].Data, b.Grad!.AsSpan(), Rtol, Atol, "grad_bias");
    }

    [Theory]
    [MemberData(nameof(Conv1dCases))]
    public void Conv1d_matches_pytorch(string name)
    {
        var c = TorchFixtures.Case("conv1d.json", name);
        int k = Scalar(c.Params["kernel_size"]), s = Scalar(c.Params["stride"]), p = Scalar(c.Params["padding"]);
        var conv = new Conv1d(c.Params["in_channels"].GetInt32(), c.Params["out_channels"].GetInt32(), k, s, p);
        RunLayer(c, conv, conv.Weight, conv.Bias);
    }

    [Fact]
    public void Linear_matches_pytorch()
    {
        var c = TorchFixtures.Load("linear.json").Cases[0];
        var w = c["weight"];
        var linear = new Linear(w.Shape[1], w.Shape[0]);
        RunLayer(c, linear, linear.Weight, linear.Bias);
    }

    [Theory]
    [MemberData(nameof(BatchNormCases))]
    public void BatchNorm_matches_pytorch_in_train_and_eval(string name)
    {
        var c = TorchFixtures.Case("batchnorm.json", name);
        int features = c.Params["num_features"].GetInt32();
        BatchNorm bn = c.Op == "BatchNorm2d" ? new BatchNorm2d(features) : new BatchNorm1d(features);
        c["running_mean_before"].Data.CopyTo(bn.RunningMean.AsSpan());
        c["running_var_before"].Data.CopyTo(bn.RunningVar.AsSpan());
        bn.Train(c.Params["training"].GetBoolean());
        RunLayer(c, bn, bn.Weight!, bn.Bias, gradRtol: 1e-4);
        Close.All(c["running_mean_after"].Data, bn.RunningMean.AsSpan(), Rtol, Atol, "running_mean");
        Close.All(c["running_var_after"].Data, bn.RunningVar.AsSpan(), Rtol, Atol, "running_var");
    }

    [Theory]
    [MemberData(nameof(PoolCases))]
    public void MaxPool_matches_pytorch_including_ties(string name)
    {
        var c = TorchFixtures.Case("pool.json", name);
        Module pool = c.Op == "MaxPool2d" ? new MaxPool2d(c.Params["kernel_size"][0].GetInt32(), c.Params["stride"][0].GetInt32())
            : new MaxPool1d(Scalar(c.Params["kernel_size"]), Scalar(c.Params["stride"]));
        var x = c["input"].ToTensor().RequiresGrad_();
        var y = pool.Forward(x);
        Assert.Equal(c["output"].Shape, y.Shape);
        Close.All(c["output"].Data, y.AsSpan(), 0, 0, "output");
        y.Backward(c["grad_output"].ToTensor());
        Close.All(c["grad_input"].Data, x.Grad!.AsSpan(), 0, 0, "grad_input");
    }

    private static void RunLayer(TorchCase c, Module layer, Tensor weight, Tensor? bias, double gradRtol = Rtol)
    {
        c["weight"].Data.CopyTo(weight.AsSpan());
        if (bias is not null) c["bias"].Data.CopyTo(bias.AsSpan());
        var x = c["input"].ToTensor().RequiresGrad_();
        var y = layer.Forward(x);
        Assert.Equal(c["output"].Shape, y.Shape);
        Close.All(c["output"].Data, y.AsSpan(), Rtol, Atol, $"{c.Name} output");
        y.Backward(c["grad_output"].ToTensor());
        Close.All(c["grad_input"].Data, x.Grad!.AsSpan(), gradRtol, Atol, $"{c.Name} grad_input");
        Close.All(c["grad_weight"].Data, weight.Grad!.AsSpan(), gradRtol, Atol, $"{c.Name} grad_weight");
        if (bias is not null) Close.All(c["grad_bias"].Data, bias.Grad!.AsSpan(), gradRtol, Atol, $"{c.Name} grad_bias");
    }

    private static int Scalar(System.Text.Json.JsonElement e) =>
        e.ValueKind == System.Text.Json.JsonValueKind.Array ? e[0].GetInt32() : e.GetInt32();
}
