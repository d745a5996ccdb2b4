using System.CommandLine;
using System.Globalization;
using GenreNotebooks.Audio;
using GenreNotebooks.Models;

namespace GenreNotebooks.Cli.Commands;

/// <summary>
/// <c>genre classify &lt;audio&gt; --model &lt;file.safetensors&gt; [--arch &lt;name&gt;]</c>: the genre probabilities of a
/// whole song, averaged over its 3-s clips (the BU paper's whole-song prediction), as a text bar chart, most likely
/// genre first. The model is a file written by <c>genre train</c> (weights plus <c>.json</c> settings beside them).
/// </summary>
internal static class ClassifyCommand
{
    /// <summary>Width of the longest bar, in characters.</summary>
    internal const int BarWidth = 40;

    public static Command Create()
    {
        var audio = new Argument<string>("audio") { Description = "Audio file (WAV, AU; other formats through ffmpeg when installed)." };
        var model = new Option<string>("--model") { Description = "Weights written by `genre train` (its .json settings must sit beside them).", Required = true };
        var arch = new Option<string?>("--arch") { Description = "Catalog architecture of the weights, e.g. bu-baseline (checked against the settings file)." };
        var command = new Command("classify", "Classify a song: genre probabilities averaged over its 3-s clips, as a bar chart.");
        command.Arguments.Add(audio);
        command.Options.Add(model);
        command.Options.Add(arch);
        command.SetAction(parse =>
        {
            var stdout = parse.InvocationConfiguration.Output;
            var stderr = parse.InvocationConfiguration.Error;
            try
            {
                string path = parse.GetValue(audio)!;
                if (!File.Exists(path)) throw new FileNotFoundException($"audio file '{path}' not found", path);
                var classifier = MelClassifier.Load(parse.GetValue(model)!, parse.GetValue(arch));
                var song = classifier.Classify(path);
                stdout.WriteLine($"{Path.GetFileName(path)}: {classifier.Genres[song.PredictedByMean]} ({song.ClipCount} clip(s), {classifier.Architecture})");
                stdout.Write(BarChart(classifier.Genres, song.MeanProbabilities));
                return 0;
            }
            catch (Exception e) when (e is FileNotFoundException or InvalidDataException or ArgumentException or IOException
                                           or UnauthorizedAccessException or AudioFormatException or FfmpegNotFoundException)
            {
                stderr.WriteLine($"genre classify: {ErrorText.Of(e)}");
                return 1;
            }
        });
        return command;
    }

    /// <summary>One line per genre, most probable first: name, a bar of '#' proportional to the probability, the value.</summary>
    internal static string BarChart(IReadOnlyList<string> genres, IReadOnlyList<float> probabilities)
    {
        int width = genres.Max(g => g.Length);
        var sb = new System.Text.StringBuilder();
        foreach (int k in Enumerable.Range(0, genres.Count).OrderByDescending(k => probabilities[k]).ThenBy(k => k))
        {
            int n = (int)Math.Round(Math.Clamp(probabilities[k], 0f, 1f) * BarWidth);
            sb.Append(genres[k].PadRight(width)).Append(' ').Append('#', n).Append('.', BarWidth - n)
              .Append(' ').Append(probabilities[k].ToString("0.000", CultureInfo.InvariantCulture)).Append('\n');
        }
        return sb.ToString();
    }
}
