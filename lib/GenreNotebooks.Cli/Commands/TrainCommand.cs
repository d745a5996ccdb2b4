using System.CommandLine;
using System.Globalization;
using GenreNotebooks.Cli.Terminal;
using GenreNotebooks.Datasets;
using GenreNotebooks.Models;
using GenreNotebooks.Training;

namespace GenreNotebooks.Cli.Commands;

/// <summary>
/// <c>genre train [--data &lt;folder&gt;] --model &lt;name&gt; [--epochs N] [--seed S] [--clip-seconds 3] [--out model.safetensors] [--tracks-per-genre N] [--pool 1] [--cache &lt;folder&gt;] [--save-partial]</c>:
/// trains a mel-spectrogram CNN of the model catalog on clips of a dataset (GTZAN/Kaggle layout, a synthetic folder or
/// custom genre folders; without --data the default synthetic set), split 80/10/10 BY TRACK (the tracks are split
/// once and each clip follows its track, <see cref="Splits.ClipsOf"/>, so 3-s and 9-s clips of a folder get the same split), printing one line per
/// epoch (on a terminal a progress bar runs within the epoch), then the test accuracy, whole-song accuracy and the
/// classification report; --out gets one safetensors file with the weights and, in its metadata, the architecture,
/// genres, clip and mel settings, input scaling and training data (<see cref="MelClassifierMetadata"/>) for
/// <c>genre classify</c> and <c>genre export onnx</c>. Ctrl+C stops at the next mini-batch, prints the epochs completed and
/// exits with 130 without saving (unless --save-partial).
/// </summary>
internal static class TrainCommand
{
    public static Command Create()
    {
        var data = new Option<string?>("--data") { Description = "Dataset folder (Kaggle GTZAN layout with genres_original/, a `genre dataset synth` folder, or <genre>/ sub-folders). Default: the synthetic set under datasets/synthetic/." };
        var model = new Option<string>("--model") { Description = "Catalog model taking a spectrogram, e.g. bu-baseline, bu-final, uct-final.", Required = true };
        var epochs = new Option<int?>("--epochs") { Description = "Epochs (default: the model's recipe)." };
        var seed = new Option<int>("--seed") { Description = "Seed of the split, weights and batches (default 42).", DefaultValueFactory = _ => 42 };
        var clipSeconds = new Option<double>("--clip-seconds") { Description = "Clip length in seconds (default 3; 9 gives BU's 9-s clips, 128 x 388 log-mels). The track split does not depend on it.", DefaultValueFactory = _ => 3.0 };
        var output = new Option<string?>("--out") { Description = "Weights file (safetensors); default <model>.safetensors. Genres, settings and input scaling go into its metadata." };
        var tracks = new Option<int?>("--tracks-per-genre") { Description = "Use at most this many tracks per genre (default all; the default synthetic set has 30)." };
        var cache = new Option<string?>("--cache") { Description = "Folder of the mel-spectrogram cache (default datasets/cache/)." };
        var pool = new Option<int>("--pool") { Description = "Average-pool the spectrogram by this factor (1: full 128 x 130 for 3-s clips).", DefaultValueFactory = _ => 1 };
        var savePartial = new Option<bool>("--save-partial") { Description = "When training is cancelled (Ctrl+C), still save the partially trained weights." };
        var command = new Command("train", "Train a mel-spectrogram CNN on 3-s (or --clip-seconds) clips, split by track; prints per-epoch progress and the test report, saves the weights. Ctrl+C stops cleanly (exit code 130).");
        foreach (var o in new Option[] { data, model, epochs, seed, clipSeconds, output, tracks, pool, cache, savePartial }) command.Options.Add(o);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var stdout = parse.InvocationConfiguration.Output;
            var stderr = parse.InvocationConfiguration.Error;
            try
            {
                // Off the invoking thread, so System.CommandLine's Ctrl+C handling can still end a run that does not stop.
                var (_, cancelled) = await Task.Run(() => Run(parse.GetValue(data), parse.GetValue(model)!, parse.GetValue(epochs), parse.GetValue(seed),
                    parse.GetValue(clipSeconds), parse.GetValue(output), parse.GetValue(tracks), parse.GetValue(pool), stdout, parse.GetValue(cache),
                    parse.GetValue(savePartial), cancellationToken), CancellationToken.None);
                return cancelled ? ExitCodes.Cancelled : 0;
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                stdout.WriteLine("cancelled before training started; nothing saved");
                return ExitCodes.Cancelled;
            }
            catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException or InvalidDataException or ModelFileException or ArgumentException
                                           or IOException or UnauthorizedAccessException)
            {
                stderr.WriteLine($"genre train: {ErrorText.Of(e)}");
                return 1;
            }
        });
        return command;
    }

    internal static (MelClassifier? Classifier, bool Cancelled) Run(string? dataFolder, string modelName, int? epochs, int seed, double clipSeconds, string? output,
        int? tracksPerGenre, int pool, TextWriter log, string? cacheRoot = null, bool savePartial = false, CancellationToken cancellationToken = default)
    {
        var spec = ModelCatalog.Get(modelName);
        if (spec.TypicalInputShape.Count != 3)
            throw new ArgumentException($"model '{modelName}' takes inputs of shape ({string.Join(", ", spec.TypicalInputShape)}), not a spectrogram; use a bu-* or uct-* model (genre cv trains the feature networks)");
        if (epochs is < 1) throw new ArgumentException($"--epochs must be at least 1, got {epochs}");
        if (!(clipSeconds >= 0.5 && clipSeconds <= 30)) throw new ArgumentException($"--clip-seconds must be between 0.5 and 30, got {clipSeconds}");
        if (tracksPerGenre is < 3) throw new ArgumentException($"--tracks-per-genre must be at least 3 (train, validation and test), got {tracksPerGenre}");
        if (pool < 1) throw new ArgumentException($"--pool must be at least 1, got {pool}");

        var dataset = Open(dataFolder, seed);
        log.WriteLine(dataset.IsSynthetic ? $"data: {dataset.Description} (SYNTHETIC, not GTZAN)" : $"data: {dataset.Description}");
        foreach (var w in dataset.Warnings) log.WriteLine("warning: " + w);
        var tracks = dataset.Genres.SelectMany(g => dataset.Tracks.Where(t => t.Genre == g).Take(tracksPerGenre ?? int.MaxValue)).ToList();
        if (dataset.Genres.Count < 2) throw new ArgumentException($"'{dataset.Root}' holds {dataset.Genres.Count} genre(s); training needs at least 2");
        var settings = MelClipSettings.Default with { Clips = ClipOptions.Seconds(clipSeconds) };
        var mels = MelClipCache.Compute(tracks, settings, dataset.Genres, cacheRoot);
        foreach (var w in mels.Warnings) log.WriteLine("warning: " + w);
        // The tracks are split once, then each clip goes where its track went: the split does not depend on the clip
        // length (a track too short for one clip of this length is still in the same part it is in with 3-s clips).
        var trackSplit = Splits.ByTrack(tracks, seed);
        var split = Splits.ClipsOf(trackSplit, mels.Clips);
        log.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{mels.Count} clips of {clipSeconds:0.##} s ({mels.Rows} x {mels.Cols} log-mel) from {tracks.Count} tracks; split by track: {split} (tracks: {trackSplit})"));
        if (split.Train.Count == 0 || split.Validation.Count == 0 || split.Test.Count == 0)
            throw new ArgumentException($"too few tracks for a train/validation/test split ({split}); give more tracks per genre");
        var recipe = spec.Recipe with { Epochs = epochs ?? spec.Recipe.Epochs };
        log.WriteLine($"model {spec.Name}: {recipe}");
        cancellationToken.ThrowIfCancellationRequested();
        bool live = ConsoleTrainingProgress.IsTerminal(log);
        var progress = new ConsoleTrainingProgress(log, live, width: live ? ConsoleTrainingProgress.TerminalWidth() : 80);
        var (run, scaling) = MelNetworkTraining.TrainAndTest(modelName, mels.Select(split.Train), mels.Select(split.Validation), mels.Select(split.Test),
            new MelRunOptions { Seed = (ulong)seed, Pool = pool }, recipe, progress, cancellationToken: cancellationToken);
        string path = output ?? spec.Name + ".safetensors";
        string trainingData = string.Create(CultureInfo.InvariantCulture,
            $"{dataset.Description}; {tracks.Count} tracks of {dataset.Genres.Count} genres, {mels.Count} clips of {clipSeconds:0.##} s; split by track with seed {seed}: {split}; {recipe.Epochs} epochs");
        if (run.History.Cancelled)
        {
            int done = run.History.Epochs.Count;
            log.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"cancelled after {done} of {run.Recipe.Epochs} epochs; the epoch lines above are the completed ones"));
            if (!savePartial || done == 0)
            {
                log.WriteLine(done == 0 ? "no epoch completed; nothing saved" : "weights not saved: the model is only partly trained (--save-partial keeps it)");
                return (null, true);
            }
            var partial = new MelClassifier(spec.Name, run.Model, mels.Genres, scaling, pool, settings, trainingData + $" (cancelled after epoch {done})");
            partial.Save(path);
            log.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"saved the partly trained weights of epoch {done} to {path} (--save-partial); test accuracy {run.Test.Accuracy:F4}"));
            return (partial, true);
        }
        if (run.History.StoppedEarlyAt is int stopped) log.WriteLine($"early stopping at epoch {stopped}, weights of epoch {run.History.RestoredEpoch?.ToString(CultureInfo.InvariantCulture) ?? stopped.ToString(CultureInfo.InvariantCulture)} kept");
        log.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"test accuracy {run.Test.Accuracy:F4} ({run.Test.TrueLabels.Count} clips); whole songs {run.Test.SongAccuracy:F4} ({run.Test.Songs!.Count} songs)"));
        log.Write(run.Test.Report.ToString());
        var classifier = new MelClassifier(spec.Name, run.Model, mels.Genres, scaling, pool, settings, trainingData);
        classifier.Save(path);
        log.WriteLine($"saved {path} (weights, genres and settings in one file)");
        return (classifier, false);
    }

    private static GenreDataset Open(string? folder, int seed)
    {
        if (folder is null) return SyntheticDataset.OpenDefault(30, seed);
        if (!Directory.Exists(folder)) throw new DirectoryNotFoundException($"dataset folder '{folder}' not found");
        if (File.Exists(Path.Combine(folder, SyntheticDataset.MarkerFile))) return SyntheticDataset.Read(folder);
        if (GtzanReader.Find(folder) is { } gtzan) return GtzanReader.Read(gtzan);
        return CustomGenres.Read(folder);
    }
}
