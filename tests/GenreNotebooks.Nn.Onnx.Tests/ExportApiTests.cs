using GenreNotebooks.Nn;
using GenreNotebooks.Nn.Modules;
using GenreNotebooks.Nn.Onnx.Tests.Support;

namespace GenreNotebooks.Nn.Onnx.Tests;

/// <summary>The file's header: names, opset, dynamic batch, metadata; and what the export leaves untouched.</summary>
public class ExportApiTests
{
    private static Sequential SmallCnn(ulong seed = 1)
    {
        var g = new Generator(seed);
        return new Sequential(new Conv2d(1, 4, 3, "same", generator: g), new BatchNorm2d(4), new ReLU(), new MaxPool2d(2),
            new Dropout(0.3f, g), new Flatten(), new Linear(4 * 4 * 5, 3, generator: g));
    }

    [Fact]
    public void The_model_states_opset_names_a_dynamic_batch_and_the_metadata_in_order()
    {
        var metadata = new Dictionary<string, string> { ["genres"] = "[\"a\",\"b\",\"c\"]", ["sample_rate"] = "22050", ["zz"] = "last" };
        var model = SmallCnn().ToOnnxModel([1, 8, 10], new OnnxExportOptions { Metadata = metadata, InputName = "mel", GraphName = "tiny" });
        Assert.Equal(8, model.IrVersion);
        Assert.Equal(17, Assert.Single(model.OpsetImport).Version);
        Assert.Equal(["genres", "sample_rate", "zz"], model.MetadataProps.Select(p => p.Key));
        Assert.Equal("22050", model.MetadataProps[1].Value);
        Assert.Equal("tiny", model.Graph.Name);
        var input = Assert.Single(model.Graph.Input);
        Assert.Equal("mel", input.Name);
        Assert.Equal(["batch", "1", "8", "10"], input.Type.TensorType.Shape.Dim.Select(d => d.DimParam.Length > 0 ? d.DimParam : d.DimValue.ToString()));
        var output = Assert.Single(model.Graph.Output);
        Assert.Equal("logits", output.Name);
        Assert.Equal(["batch", "3"], output.Type.TensorType.Shape.Dim.Select(d => d.DimParam.Length > 0 ? d.DimParam : d.DimValue.ToString()));
        Assert.Equal(["Conv", "BatchNormalization", "Relu", "MaxPool", "Flatten", "Gemm"], model.Graph.Node.Select(n => n.OpType));
        Assert.Equal("logits", model.Graph.Node[^1].Output[0]);
        Assert.Contains("Conv2d(1, 4, kernel_size=(3, 3)", model.Graph.DocString);
    }

    [Fact]
    public void With_a_softmax_appended_the_file_outputs_the_engine_s_probabilities()
    {
        var model = SmallCnn(2);
        TrainedModels.Train(model, [1, 8, 10], steps: 2, seed: 3);
        var bytes = model.ToOnnxBytes([1, 8, 10], new OnnxExportOptions { AppendSoftmax = true });
        using var session = Parity.Session(bytes);
        Assert.Equal("probabilities", Assert.Single(session.OutputNames));
        int[] shape = [6, 1, 8, 10];
        var x = Parity.Input(shape, 4);
        var (probabilities, _) = Parity.Run(session, x, shape);
        float[] expected;
        using (Torch.NoGrad()) expected = Functional.Softmax(new Tensor(Parity.Engine(model, x, shape), 6, 3), 1).ToArray();
        Assert.True(Parity.MaxAbsDifference(expected, probabilities) <= 1e-6);
        for (int r = 0; r < 6; r++) Assert.Equal(1.0, probabilities.Skip(3 * r).Take(3).Sum(), 5);
    }

    [Fact]
    public void Export_is_deterministic_and_leaves_modes_and_state_untouched()
    {
        var model = SmallCnn(3);
        TrainedModels.Train(model, [1, 8, 10], steps: 1, seed: 1);
        model.Train();
        model[1].Eval();
        var before = model.StateDict().ToDictionary(p => p.Key, p => p.Value.ToArray());
        var first = model.ToOnnxBytes([1, 8, 10]);
        Assert.Equal(first, model.ToOnnxBytes([1, 8, 10]));
        Assert.True(model.Training);
        Assert.False(model[1].Training);
        Assert.True(model[4].Training);
        foreach (var (name, values) in before) Assert.Equal(values, model.StateDict()[name].ToArray());
    }

    [Fact]
    public void ExportOnnx_writes_the_file_onnx_runtime_loads()
    {
        string dir = Directory.CreateTempSubdirectory("genre-onnx-").FullName;
        try
        {
            string path = Path.Combine(dir, "sub", "model.onnx");
            var model = SmallCnn(4);
            model.ExportOnnx(path, [1, 8, 10]);
            Assert.Equal(model.ToOnnxBytes([1, 8, 10]), File.ReadAllBytes(path));
            using var session = Parity.Session(File.ReadAllBytes(path));
            Assert.True(Parity.Compare(model, session, [1, 8, 10], 3) <= Parity.LogitTolerance);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void An_identity_network_still_has_a_node_between_input_and_output()
    {
        var model = new Sequential(new Dropout(0.5f));
        using var session = Parity.Session(model.ToOnnxBytes([3]));
        Assert.Equal(0.0, Parity.Compare(model, session, [3], 2));
    }

    [Fact]
    public void Bad_options_are_rejected()
    {
        var model = SmallCnn();
        Assert.Throws<ArgumentOutOfRangeException>(() => model.ToOnnxModel([1, 8, 10], new OnnxExportOptions { Opset = 18 }));
        Assert.Throws<ArgumentException>(() => model.ToOnnxModel([1, 8, 10], new OnnxExportOptions { InputName = "" }));
        Assert.Throws<ArgumentException>(() => model.ToOnnxModel([1, 8, 10], new OnnxExportOptions { OutputName = "input" }));
        var e = Assert.Throws<ArgumentException>(() => model.ToOnnxModel([1, 8, 10], new OnnxExportOptions { OutputName = "0.weight" }));
        Assert.Contains("'0.weight'", e.Message);
    }
}
