using System.CommandLine;
using GenreNotebooks.Features;

namespace GenreNotebooks.Cli.Commands;

/// <summary>
/// <c>genre features &lt;folders or files...&gt; --out &lt;csv&gt; [--segments 10]</c>: the 60-column GTZAN feature rows of audio
/// files in Kaggle's CSV format (30-s rows, or 3-s segment rows with --segments), all cores, resumable, bad files
/// reported and skipped. Exit code 0 when every file was processed, 2 when some were skipped.
/// </summary>
internal static class FeaturesCommand
{
    public static Command Create()
    {
        var inputs = new Argument<string[]>("inputs") { Description = "Audio files or folders (searched recursively).", Arity = ArgumentArity.OneOrMore };
        var output = new Option<string>("--out") { Description = "Output CSV (Kaggle features_30_sec.csv format); rows already in it are kept and skipped.", Required = true };
        var segments = new Option<int>("--segments") { Description = "0: one row per file; n: n consecutive 3-s segments of 66149 samples per file (Kaggle's features_3_sec.csv uses 10).", DefaultValueFactory = _ => 0 };
        var threads = new Option<int>("--threads") { Description = "Files processed at once (default: the number of cores).", DefaultValueFactory = _ => Environment.ProcessorCount };
        var label = new Option<string?>("--label") { Description = "Label for every row (default: from <genre>.NNNNN.wav or the parent folder)." };
        var command = new Command("features", "Extract the 60-column GTZAN feature rows (librosa 0.10.2 definitions) of audio files into a Kaggle-format CSV.");
        command.Arguments.Add(inputs);
        command.Options.Add(output);
        command.Options.Add(segments);
        command.Options.Add(threads);
        command.Options.Add(label);
        command.SetAction(parse =>
        {
            var stdout = parse.InvocationConfiguration.Output;
            var stderr = parse.InvocationConfiguration.Error;
            var options = new FeatureExtractionOptions
            {
                Segments = parse.GetValue(segments),
                Threads = parse.GetValue(threads),
                Label = parse.GetValue(label),
            };
            try
            {
                options.Validate();
                // An empty folder would otherwise "succeed" with no rows; say which input held no audio.
                var inputPaths = parse.GetValue(inputs)!;
                int found = 0;
                foreach (var input in inputPaths)
                {
                    int n = FeatureExtraction.ListFiles([input], options.Extensions).Count;
                    if (n == 0 && Directory.Exists(input))
                        stderr.WriteLine($"genre features: folder '{input}' holds no audio files ({string.Join(", ", options.Extensions)})" +
                                         (Directory.EnumerateFileSystemEntries(input).Any() ? "" : "; it is empty"));
                    found += n;
                }
                if (found == 0)
                {
                    stderr.WriteLine("genre features: no audio files to extract; nothing written.");
                    return 1;
                }
                var progress = new SynchronousProgress<FeatureExtractionProgress>(p =>
                {
                    if (p.Error is not null) stderr.WriteLine($"skipped {p.Error}");
                    else stdout.WriteLine($"[{p.Completed}/{p.Total}] {Path.GetFileName(p.File)}: {(p.RowsWritten > 0 ? $"{p.RowsWritten} row(s)" : "already in the output")}");
                });
                var report = FeatureExtraction.Run(inputPaths, parse.GetValue(output)!, options, progress);
                stdout.WriteLine($"{report.RowsWritten} row(s) from {report.FilesProcessed} file(s) written to {parse.GetValue(output)}; " +
                    $"{report.FilesAlreadyDone} already there; {report.Failures.Count} skipped.");
                foreach (var (file, error) in report.Failures) stderr.WriteLine($"skipped: {error}");
                return report.Failures.Count == 0 ? ExitCodes.Ok : ExitCodes.Partial;
            }
            catch (Exception e) when (e is FileNotFoundException or InvalidDataException or ArgumentException or IOException or UnauthorizedAccessException)
            {
                stderr.WriteLine($"genre features: {ErrorText.Of(e)}");
                return 1;
            }
        });
        return command;
    }
}
