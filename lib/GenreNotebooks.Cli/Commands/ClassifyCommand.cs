using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using GenreNotebooks.Audio;
using GenreNotebooks.Datasets;
using GenreNotebooks.Models;

namespace GenreNotebooks.Cli.Commands;

/// <summary>
/// <c>genre classify &lt;files or folders...&gt; --model model.safetensors [--json] [--top K] [--hop seconds] [--arch name]</c>:
/// the genre probabilities of whole songs, averaged over their clips (the BU paper's whole-song prediction,
/// <see cref="SongClassifier"/>), as a text bar chart per song, most likely genre first, plus the clips' majority vote
/// when it differs. Folders are searched recursively for audio files (by extension, <see cref="AudioExtensions"/>);
/// hidden files and folders there are skipped and counted on stderr. Songs of any length (shorter than one clip:
/// zero-padded, and said so), rate and channel count. <c>--json</c> writes one JSON object per song and line instead.
/// A file that cannot be read is named on stderr and skipped; the others are still classified (exit code 2).
/// The model is a file written by <c>genre train</c> (<see cref="MelClassifier"/>).
/// </summary>
internal static class ClassifyCommand
{
    /// <summary>Width of the longest bar, in characters.</summary>
    internal const int BarWidth = 40;

    public static Command Create()
    {
        var inputs = new Argument<string[]>("inputs") { Description = "Audio files and folders (searched recursively). WAV, AU, MP3 and Ogg Vorbis are read in-process; flac, m4a, opus, ... need ffmpeg.", Arity = ArgumentArity.OneOrMore };
        var model = new Option<string>("--model") { Description = "Model file written by `genre train` (weights and settings in one safetensors file).", Required = true };
        var arch = new Option<string?>("--arch") { Description = "Catalog architecture the model must have, e.g. bu-baseline (checked against the file)." };
        var json = new Option<bool>("--json") { Description = "One JSON object per song and line: file, genre, probabilities by genre, clips, seconds, vote." };
        var top = new Option<int?>("--top") { Description = "Show only the K most likely genres (default all)." };
        var hop = new Option<double?>("--hop") { Description = "Seconds between clip starts (default: the clip length, no overlap)." };
        var command = new Command("classify", "Classify songs: genre probabilities averaged over their clips, as bar charts (or JSON lines).");
        command.Arguments.Add(inputs);
        foreach (var o in new Option[] { model, arch, json, top, hop }) command.Options.Add(o);
        command.SetAction(parse =>
        {
            var stdout = parse.InvocationConfiguration.Output;
            var stderr = parse.InvocationConfiguration.Error;
            int? k = parse.GetValue(top);
            double? hopSeconds = parse.GetValue(hop);
            if (k is < 1)
            {
                stderr.WriteLine($"genre classify: --top must be at least 1, got {k}");
                return ExitCodes.Failed;
            }
            if (hopSeconds is { } h && !(h > 0 && double.IsFinite(h)))
            {
                stderr.WriteLine($"genre classify: --hop must be a positive number of seconds, got {h.ToString(CultureInfo.InvariantCulture)}");
                return ExitCodes.Failed;
            }
            var (files, problems) = Collect(parse.GetValue(inputs)!, stderr);
            MelClassifier classifier;
            try
            {
                classifier = MelClassifier.Load(parse.GetValue(model)!, parse.GetValue(arch));
            }
            catch (Exception e) when (e is FileNotFoundException or InvalidDataException or ModelFileException or ArgumentException or IOException
                                           or UnauthorizedAccessException)
            {
                stderr.WriteLine($"genre classify: {ErrorText.Of(e)}");
                return ExitCodes.Failed;
            }
            if (files.Count == 0 && problems == 0)
            {
                stderr.WriteLine("genre classify: no audio files found in the given folders (extensions: " + string.Join(" ", AudioExtensions.All) + ")");
                return ExitCodes.Failed;
            }
            var options = new SongClassificationOptions { HopSeconds = hopSeconds };
            int done = 0, skipped = problems;
            foreach (var file in files)
            {
                SongClassification song;
                try
                {
                    song = SongClassifier.ClassifyFile(classifier, file, options);
                }
                catch (Exception e) when (e is FileNotFoundException or AudioFormatException or ArgumentException or IOException or UnauthorizedAccessException)
                {
                    // AudioFormatException (FfmpegNotFoundException too) names the file; the others may not.
                    string message = ErrorText.Of(e);
                    stderr.WriteLine($"genre classify: {(message.Contains(file, StringComparison.Ordinal) ? message : $"{file}: {message}")} (skipped)");
                    skipped++;
                    continue;
                }
                if (parse.GetValue(json)) stdout.WriteLine(Json(file, song, k));
                else
                {
                    if (done > 0) stdout.WriteLine();
                    stdout.Write(Text(file, song, classifier, k));
                }
                done++;
            }
            if (skipped > 0) stderr.WriteLine($"genre classify: {done} song(s) classified, {skipped} input(s) skipped (named above)");
            return done == 0 ? ExitCodes.Failed : skipped > 0 ? ExitCodes.Partial : ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>
    /// The files to classify: each file argument as given, and the audio files under each folder argument (recursive,
    /// sorted by path; hidden files and folders skipped and counted on <paramref name="stderr"/>). A missing argument is
    /// named on stderr and counted as a problem.
    /// </summary>
    internal static (List<string> Files, int Problems) Collect(IEnumerable<string> inputs, TextWriter stderr)
    {
        var files = new List<string>();
        int problems = 0;
        foreach (var input in inputs)
        {
            if (File.Exists(input)) files.Add(input);
            else if (Directory.Exists(input))
            {
                var listing = AudioFolder.List(input);
                files.AddRange(listing.Audio);
                foreach (var (folder, error) in listing.Unlisted)
                {
                    stderr.WriteLine(error is null
                        ? $"genre classify: {folder}: more than {AudioFolder.MaxDepth} folder levels deep; its sub-folders are not read (skipped)"
                        : $"genre classify: {folder}: cannot be listed ({error}) (skipped)");
                    problems++;
                }
                var hidden = listing.Hidden.Select(h => Path.GetRelativePath(input, h)).ToList();
                if (hidden.Count > 0)
                    stderr.WriteLine($"genre classify: note: skipped {hidden.Count} hidden file(s) or folder(s) in {input}: {string.Join(", ", hidden.Take(5))}{(hidden.Count > 5 ? ", ..." : "")}");
                if (listing.Audio.Count == 0) stderr.WriteLine($"genre classify: note: no audio files in {input}");
            }
            else
            {
                stderr.WriteLine($"genre classify: {input}: no such file or folder (skipped)");
                problems++;
            }
        }
        return (files, problems);
    }

    /// <summary>The text block for one song: a header line, the bar chart, and the majority vote when it differs.</summary>
    internal static string Text(string file, SongClassification song, MelClassifier classifier, int? top)
    {
        var sb = new System.Text.StringBuilder();
        double clipSeconds = (double)classifier.Settings.Clips.LengthSamples / classifier.Settings.SampleRate;
        var inv = CultureInfo.InvariantCulture;
        string length = song.Padded
            ? string.Create(inv, $"{song.DurationSeconds:0.00} s, shorter than one clip: zero-padded to {clipSeconds:0.##} s")
            : string.Create(inv, $"{song.DurationSeconds:0.0} s");
        string hop = Math.Abs(song.HopSeconds - clipSeconds) < 1e-9 ? "" : string.Create(inv, $", hop {song.HopSeconds:0.###} s");
        sb.Append(CultureInfo.InvariantCulture, $"{Path.GetFileName(file)}: {song.Genre} ({song.ClipCount} clip(s) of {clipSeconds:0.##} s{hop}, {length}, {classifier.Architecture})\n");
        sb.Append(BarChart(song.Genres, song.MeanProbabilities, top));
        if (song.PredictedByVote != song.PredictedByMean)
        {
            int votes = Enumerable.Range(0, song.ClipCount).Count(c => Evaluation.Metrics.Argmax(song.ClipProbabilities.Row(c)) == song.PredictedByVote);
            sb.Append(CultureInfo.InvariantCulture, $"majority vote: {song.Vote} ({votes} of {song.ClipCount} clips); the mean of the probabilities says {song.Genre}\n");
        }
        return sb.ToString();
    }

    /// <summary>One JSON line: file, genre, probabilities by genre (most likely first; the top K with --top), clips, seconds, vote, padded, hop_seconds.</summary>
    internal static string Json(string file, SongClassification song, int? top)
    {
        var probabilities = new Dictionary<string, double>();
        foreach (int k in song.Ranked(top)) probabilities[song.Genres[k]] = song.MeanProbabilities[k];
        var o = new Dictionary<string, object>
        {
            ["file"] = file,
            ["genre"] = song.Genre,
            ["probabilities"] = probabilities,
            ["clips"] = song.ClipCount,
            ["seconds"] = Math.Round(song.DurationSeconds, 6),
            ["vote"] = song.Vote,
            ["padded"] = song.Padded,
            ["hop_seconds"] = Math.Round(song.HopSeconds, 6),
        };
        return JsonSerializer.Serialize(o);
    }

    /// <summary>One line per genre, most probable first (at most <paramref name="top"/>): name, a bar of '#' proportional to the probability, the value.</summary>
    internal static string BarChart(IReadOnlyList<string> genres, IReadOnlyList<float> probabilities, int? top = null)
    {
        int width = genres.Max(g => g.Length);
        var sb = new System.Text.StringBuilder();
        foreach (int k in Enumerable.Range(0, genres.Count).OrderByDescending(k => probabilities[k]).ThenBy(k => k).Take(top ?? genres.Count))
        {
            int n = (int)Math.Round(Math.Clamp(probabilities[k], 0f, 1f) * BarWidth);
            sb.Append(genres[k].PadRight(width)).Append(' ').Append('#', n).Append('.', BarWidth - n)
              .Append(' ').Append(probabilities[k].ToString("0.000", CultureInfo.InvariantCulture)).Append('\n');
        }
        return sb.ToString();
    }
}
