using GenreNotebooks.Nn;
using GenreNotebooks.Nn.Modules;
using GenreNotebooks.Nn.Onnx.Tests.Modules;

namespace GenreNotebooks.Nn.Onnx.Tests;

/// <summary>What cannot be written as ONNX is refused with the module's path and type, never dropped.</summary>
public class RefusalTests
{
    private static OnnxExportException Refused(Module model, params int[] shape) =>
        Assert.Throws<OnnxExportException>(() => model.ToOnnxModel(shape));

    [Fact]
    public void A_dropout_that_eval_does_not_reach_is_refused_with_path_and_type()
    {
        var model = new Sequential(new Linear(4, 4), new Sequential(new ReLU(), new UnregisteredDropout()));
        var e = Refused(model, 4);
        Assert.Equal("1.1", e.ModulePath);
        Assert.Equal(nameof(UnregisteredDropout), e.ModuleType);
        Assert.Contains("module '1.1' (UnregisteredDropout)", e.Message);
        Assert.Contains("dropout is active", e.Message);
    }

    [Fact]
    public void Values_computed_outside_the_engine_are_refused()
    {
        var e = Refused(new OutsideTheGraph(), 3);
        Assert.Equal("", e.ModulePath);
        Assert.Contains("module (root) (OutsideTheGraph)", e.Message);
        Assert.Contains("not computed from its input", e.Message);
    }

    [Fact]
    public void A_constant_shaped_by_the_batch_is_refused()
    {
        var e = Refused(new Sequential(new Linear(3, 5), new BatchSizedConstant()), 3);
        Assert.Equal("1", e.ModulePath);
        Assert.Contains("changes with the batch size", e.Message);
    }

    [Fact]
    public void A_whole_tensor_mean_over_the_batch_is_refused_because_its_divisor_is_the_batch_size()
    {
        var e = Refused(new MeanOverEverything(), 3);
        Assert.Contains("changes with the batch size", e.Message);
    }

    [Fact]
    public void Batch_statistics_are_refused()
    {
        var e = Refused(new Sequential(new AlwaysTrainingBatchNorm()), 4);
        Assert.Equal("0", e.ModulePath);
        Assert.Contains("batch statistics", e.Message);
    }

    [Fact]
    public void A_wrong_input_shape_names_the_layer_that_rejects_it()
    {
        var model = new Sequential(new Conv2d(1, 2, 3), new Flatten(), new Linear(2 * 8 * 8, 3));
        var e = Assert.Throws<ArgumentException>(() => model.ToOnnxModel([1, 12, 12]));
        Assert.Contains("module '2' (Linear)", e.Message);
        Assert.Throws<ArgumentException>(() => model.ToOnnxModel([]));
        Assert.Throws<ArgumentException>(() => model.ToOnnxModel([1, 0, 10]));
    }

    private sealed class MeanOverEverything : Module
    {
        public override Tensor Forward(Tensor x) => x - x.Mean();
    }
}
