using System.CommandLine;
using GenreNotebooks.Audio;
using GenreNotebooks.Segments;

namespace GenreNotebooks.Cli.Commands;

/// <summary>
/// <c>genre segments &lt;audio&gt; --out segments.csv [--timbre model.json] [--sr 22050] [--min-duration 0.05] [--max-duration 1.0]</c>:
/// loads the file (mono, resampled), cuts it into segments and writes one CSV row per segment with Echo Nest's fields
/// (start, duration, loudness_start, loudness_max, loudness_max_time, pitch_0..11, timbre_0..11). Timbre uses the
/// given <see cref="SegmentTimbre"/> model; without one, a PCA fitted on the track's own segments, which the output
/// says. Exit code 0 on success, 1 on bad input or options.
/// </summary>
internal static class SegmentsCommand
{
    public static Command Create()
    {
        var audio = new Argument<string>("audio") { Description = "Audio file (WAV/AU read directly, other formats through ffmpeg)." };
        var output = new Option<string>("--out") { Description = "Output CSV: one row per segment.", Required = true };
        var timbre = new Option<string?>("--timbre") { Description = "Timbre model (JSON, SegmentTimbre.Save) fitted on training tracks; without it the PCA is fitted on this track." };
        var sampleRate = new Option<int>("--sr") { Description = "Sample rate the audio is resampled to.", DefaultValueFactory = _ => 22050 };
        var minDuration = new Option<double>("--min-duration") { Description = "Shortest segment in seconds.", DefaultValueFactory = _ => new SegmentOptions().MinSeconds };
        var maxDuration = new Option<double>("--max-duration") { Description = "Longest segment in seconds.", DefaultValueFactory = _ => new SegmentOptions().MaxSeconds };
        var command = new Command("segments", "Write a track's segments (start, duration, loudness, pitch, timbre) as CSV, like Echo Nest's audio analysis.");
        command.Arguments.Add(audio);
        command.Options.Add(output);
        command.Options.Add(timbre);
        command.Options.Add(sampleRate);
        command.Options.Add(minDuration);
        command.Options.Add(maxDuration);
        command.SetAction(parse =>
        {
            var stdout = parse.InvocationConfiguration.Output;
            var stderr = parse.InvocationConfiguration.Error;
            string input = parse.GetValue(audio)!;
            string outPath = parse.GetValue(output)!;
            string? modelPath = parse.GetValue(timbre);
            try
            {
                int sr = parse.GetValue(sampleRate);
                if (sr <= 0) throw new ArgumentException($"--sr must be positive, got {sr}");
                var options = new SegmentOptions { MinSeconds = parse.GetValue(minDuration), MaxSeconds = parse.GetValue(maxDuration) };
                options.Validate(sr);
                var model = modelPath is null ? null : SegmentTimbre.Load(modelPath);
                var y = AudioFile.Load(input, sr);
                var track = SegmentAnalyzer.Analyze(y.Samples, y.SampleRate, options, input);
                if (model is not null && model.InputSize != track.MfccCount)
                    throw new InvalidDataException($"{modelPath}: the timbre model takes {model.InputSize} MFCCs per segment, the analysis gives {track.MfccCount}");
                string timbreNote;
                if (model is null)
                {
                    if (track.Count < 2)
                        throw new ArgumentException($"{input}: only {track.Count} segment; a timbre PCA fitted on the track itself needs at least 2 (pass --timbre model.json)");
                    model = SegmentTimbre.Fit([track]);
                    timbreNote = $"timbre: no --timbre model given, so its {model.ComponentCount} components are a PCA fitted on this track's own {track.Count} segments " +
                        "(not comparable between tracks; use a model fitted on training tracks for that)";
                }
                else timbreNote = $"timbre: {modelPath} ({model})";
                SegmentCsv.Write(outPath, track, model.Transform(track));
                stdout.WriteLine($"{input}: {track.Count} segments over {track.Duration:0.###} s " +
                    $"(mean {track.Duration / track.Count:0.###} s) written to {outPath}");
                stdout.WriteLine(timbreNote);
                return ExitCodes.Ok;
            }
            catch (Exception e) when (e is AudioFormatException or FileNotFoundException or DirectoryNotFoundException or ArgumentException
                or InvalidDataException or IOException or UnauthorizedAccessException)
            {
                string message = ErrorText.Of(e);
                if (e is AudioFormatException or FileNotFoundException && !message.Contains(input, StringComparison.Ordinal)
                    && (modelPath is null || !message.Contains(modelPath, StringComparison.Ordinal)))
                    message = $"{input}: {message}";
                stderr.WriteLine($"genre segments: {message}");
                return ExitCodes.Failed;
            }
        });
        return command;
    }
}
