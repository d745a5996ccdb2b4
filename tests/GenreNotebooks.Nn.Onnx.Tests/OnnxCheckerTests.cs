using GenreNotebooks.Models;
using GenreNotebooks.Nn;
using GenreNotebooks.Nn.Modules;
using GenreNotebooks.Nn.Onnx.Tests.Modules;
using GenreNotebooks.Nn.Onnx.Tests.Support;

namespace GenreNotebooks.Nn.Onnx.Tests;

public class OnnxCheckerTests
{
    [OnnxCheckerFact]
    public void Exported_catalogue_and_traced_models_pass_onnx_checker_full_check()
    {
        Assert.True(OnnxChecker.IsAvailable, "CI=true but /usr/bin/python3 cannot import onnx.checker (apt-get install python3-onnx)");
        string dir = Directory.CreateTempSubdirectory("genre-onnx-check-").FullName;
        try
        {
            var files = new List<string>();
            foreach (var name in ModelCatalog.Names)
            {
                var shape = TrainedModels.ParityShape(name);
                string path = Path.Combine(dir, name + ".onnx");
                ModelCatalog.Build(name, shape, TrainedModels.Classes, 1).ExportOnnx(path, shape,
                    new OnnxExportOptions { AppendSoftmax = true, Metadata = new Dictionary<string, string> { ["architecture"] = name } });
                files.Add(path);
            }
            var g = new Generator(2);
            string traced = Path.Combine(dir, "traced.onnx");
            new Sequential(new ResidualBlock(1, g), new Flatten(), new Linear(8 * 8, 3, generator: g)).ExportOnnx(traced, [1, 8, 8]);
            files.Add(traced);
            string functional = Path.Combine(dir, "functional.onnx");
            new AttentionPoolNet(3, 4, g).ExportOnnx(functional, [3, 12]);
            files.Add(functional);

            var (code, output) = OnnxChecker.Check(files);
            Assert.True(code == 0, output);
            Assert.Equal(files.Count, output.Split('\n').Count(l => l.StartsWith("ok ", StringComparison.Ordinal)));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [OnnxCheckerFact]
    public void The_checker_rejects_a_broken_file_so_the_test_above_can_fail()
    {
        Assert.True(OnnxChecker.IsAvailable, "CI=true but /usr/bin/python3 cannot import onnx.checker (apt-get install python3-onnx)");
        var model = new Sequential(new Linear(3, 2)).ToOnnxModel([3]);
        model.Graph.Node[0].Input[1] = "no-such-weight";
        string path = Path.Combine(Path.GetTempPath(), $"genre-broken-{Guid.NewGuid():N}.onnx");
        try
        {
            File.WriteAllBytes(path, Google.Protobuf.MessageExtensions.ToByteArray(model));
            var (code, output) = OnnxChecker.Check([path]);
            Assert.NotEqual(0, code);
            Assert.Contains("no-such-weight", output);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
