using System.CommandLine;
using GenreNotebooks.Cli.Export;
using GenreNotebooks.Models;
using GenreNotebooks.Nn.Onnx;

namespace GenreNotebooks.Cli.Commands;

/// <summary>
/// <c>genre export onnx --model model.safetensors --out model.onnx [--logits] [--opset 17]</c>: writes a classifier
/// trained by <c>genre train</c> as an ONNX model (input [batch, 1, mels, frames] after pooling and scaling, output
/// the genre probabilities or logits), with the genre labels and every preprocessing setting in its
/// <c>metadata_props</c> (see <see cref="MelClassifierOnnxMetadata"/>).
/// </summary>
internal static class ExportCommand
{
    public static Command Create()
    {
        var export = new Command("export", "Write a trained model in another format.");
        export.Subcommands.Add(CreateOnnx());
        return export;
    }

    private static Command CreateOnnx()
    {
        var model = new Option<string>("--model") { Description = "Model file written by `genre train` (weights and settings in one safetensors file; the earlier two-file layout also loads).", Required = true };
        var output = new Option<string>("--out") { Description = "The ONNX file to write.", Required = true };
        var logits = new Option<bool>("--logits") { Description = "Output the network's logits instead of the genre probabilities (softmax)." };
        var opset = new Option<int>("--opset") { Description = "ONNX opset, 13 to 17.", DefaultValueFactory = _ => 17 };
        var command = new Command("onnx", "Export a classifier as ONNX for ONNX Runtime and other runtimes (genres and preprocessing in metadata_props).");
        command.Options.Add(model);
        command.Options.Add(output);
        command.Options.Add(logits);
        command.Options.Add(opset);
        command.SetAction(parse =>
        {
            var stdout = parse.InvocationConfiguration.Output;
            var stderr = parse.InvocationConfiguration.Error;
            try
            {
                var classifier = MelClassifier.Load(parse.GetValue(model)!);
                bool probabilities = !parse.GetValue(logits);
                var shape = MelClassifierOnnxMetadata.InputShape(classifier);
                var options = new OnnxExportOptions
                {
                    AppendSoftmax = probabilities,
                    Opset = parse.GetValue(opset),
                    GraphName = classifier.Architecture,
                    Metadata = MelClassifierOnnxMetadata.For(classifier, probabilities),
                };
                string path = parse.GetValue(output)!;
                classifier.Model.ExportOnnx(path, shape, options);
                stdout.WriteLine($"{path}: {classifier.Architecture}, input '{options.InputName}' [batch, {string.Join(", ", shape)}], " +
                                 $"output '{options.EffectiveOutputName}' [batch, {classifier.Genres.Count}] ({string.Join(", ", classifier.Genres)}), opset {options.Opset}");
                return ExitCodes.Ok;
            }
            catch (Exception e) when (e is FileNotFoundException or InvalidDataException or ModelFileException or ArgumentException or IOException
                                           or UnauthorizedAccessException or NotSupportedException)
            {
                stderr.WriteLine($"genre export onnx: {ErrorText.Of(e)}");
                return ExitCodes.Failed;
            }
        });
        return command;
    }
}
