using GenreNotebooks.Models;
using GenreNotebooks.Nn.Modules;
using GenreNotebooks.Nn.Onnx.Tests.Support;
using Xunit.Abstractions;

namespace GenreNotebooks.Nn.Onnx.Tests;

/// <summary>Every catalogue architecture, exported and run by ONNX Runtime, gives the engine's logits.</summary>
public class CatalogueParityTests(ITestOutputHelper output)
{
    public static TheoryData<string> Architectures => new(ModelCatalog.Names);

    [Theory]
    [MemberData(nameof(Architectures))]
    public void Onnx_runtime_logits_equal_the_engine_in_eval_mode_within_1e_4_at_batch_1_and_32(string name)
    {
        var (model, shape) = TrainedModels.Build(name);
        foreach (var bn in model.Modules().OfType<BatchNorm>())
            Assert.True(bn.RunningMean.ToArray().Any(m => m != 0f) && bn.RunningVar.ToArray().Any(v => v != 1f), "training steps moved the BN statistics");
        using var session = Parity.Session(model.ToOnnxBytes(shape));
        foreach (int batch in new[] { 1, 32 })
        {
            double diff = Parity.Compare(model, session, shape, batch, out double largest);
            output.WriteLine($"{name} ({string.Join("x", shape)}), batch {batch}: max |engine - onnxruntime| = {diff:E2} (max |logit| {largest:F3})");
            Assert.True(diff <= Parity.LogitTolerance, $"{name}, batch {batch}: max difference {diff:E3} > {Parity.LogitTolerance}");
        }
    }

    [Theory]
    [InlineData("bu-bn")]
    [InlineData("dtu-mlp")]
    [InlineData("gottingen-1d-cnn")]
    public void A_weight_perturbed_after_export_makes_the_comparison_fail(string name)
    {
        var (model, shape) = TrainedModels.Build(name);
        using var session = Parity.Session(model.ToOnnxBytes(shape));
        Assert.True(Parity.Compare(model, session, shape, 8) <= Parity.LogitTolerance);
        var first = model.Parameters().First().AsSpan();  // the first layer's weight, 5% larger
        for (int i = 0; i < first.Length; i++) first[i] *= 1.05f;
        double diff = Parity.Compare(model, session, shape, 8);
        output.WriteLine($"{name}: first layer's weight x 1.05 after export: max difference {diff:E2}");
        Assert.True(diff > Parity.LogitTolerance, $"perturbation not detected: {diff:E3}");
    }

    [Theory]
    [MemberData(nameof(Architectures))]
    public void Weights_are_stored_once_under_their_state_dict_names(string name)
    {
        var shape = TrainedModels.ParityShape(name);
        var model = ModelCatalog.Build(name, shape, TrainedModels.Classes, 1);
        var graph = model.ToOnnxModel(shape).Graph;
        var floats = graph.Initializer.Where(t => t.DataType == (int)global::Onnx.TensorProto.Types.DataType.Float).ToList();
        Assert.Equal(model.StateDict().Keys.Order(), floats.Select(t => t.Name).Order());
        foreach (var t in floats)
            Assert.Equal(model.StateDict()[t.Name].Shape.Select(d => (long)d), t.Dims);
        Assert.DoesNotContain(graph.Node, n => n.OpType == "Dropout");
    }
}
