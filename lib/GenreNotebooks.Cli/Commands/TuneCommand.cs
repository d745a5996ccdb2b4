using System.CommandLine;
using System.Globalization;
using GenreNotebooks.Cli.Terminal;
using GenreNotebooks.Datasets;
using GenreNotebooks.Models;
using GenreNotebooks.Nn.Modules;
using GenreNotebooks.Training;
using GenreNotebooks.Training.Tuning;

namespace GenreNotebooks.Cli.Commands;

/// <summary>
/// <c>genre tune [--model bu-bn-5x5] --trials N [--epochs 10] [--study file.json] [--sampler tpe|random] [--data &lt;folder&gt;] [--seed S] [--tracks-per-genre N] [--pool 1] [--clip-seconds 3] [--cache &lt;folder&gt;]</c>:
/// BU's Optuna search (Rodríguez &amp; Alizadeh-Shabdiz, section 3) as a resumable study. Each trial trains the chosen
/// <c>bu-*</c> network with its paper recipe, the Adam learning rate drawn log-uniformly from 1e-4..1e-2 and the dropout
/// of the network uniformly from 0.1..0.5, on the training clips of a track-grouped 80/10/10 split, and reports the
/// validation loss after every epoch, so that a median pruner (5 startup trials, 3 warm-up epochs) stops trials worse
/// than the median; the trial's value is its last validation loss (minimised). The test part is not used. The study is
/// saved to <c>--study</c> after every trial; running the command again with the same file and settings continues it
/// (trial numbers go on, the sampler draws what an uninterrupted run would have). Progress goes to standard error: one
/// line per trial, or a bar on a terminal. At the end, standard output gets a table of the best trials.
/// Ctrl+C stops after the running epoch: that trial is recorded as interrupted and runs again when the study is
/// continued; the file keeps every finished trial; exit code 130. Exit code 2 when some trials of this run failed (each
/// named on standard error), 1 when all did.
/// </summary>
internal static class TuneCommand
{
    /// <summary>The search space, BU's: the Adam learning rate and the dropout.</summary>
    private const double LrLow = 1e-4, LrHigh = 1e-2, DropoutLow = 0.1, DropoutHigh = 0.5;

    public static Command Create()
    {
        var model = new Option<string>("--model") { Description = "A bu-* model of the catalogue (default bu-bn-5x5, the variant BU tuned).", DefaultValueFactory = _ => "bu-bn-5x5" };
        var trials = new Option<int>("--trials") { Description = "Trials to run in this call (a continued study adds them to those it has).", Required = true };
        var epochs = new Option<int>("--epochs") { Description = "Epochs per trial (default 10, as BU).", DefaultValueFactory = _ => 10 };
        var studyFile = new Option<string?>("--study") { Description = "The study's JSON file; continued when it exists. Default: tune-<model>.json." };
        var sampler = new Option<string?>("--sampler") { Description = "tpe (default for a new study) or random; a continued study keeps its own." };
        sampler.AcceptOnlyFromAmong("tpe", "random");
        var data = new Option<string?>("--data") { Description = "Dataset folder (Kaggle GTZAN layout, a `genre dataset synth` folder, or <genre>/ sub-folders). Default: the synthetic set under datasets/synthetic/." };
        var seed = new Option<int>("--seed") { Description = "Seed of the split, the weights, the batches and the sampler (default 42).", DefaultValueFactory = _ => 42 };
        var tracks = new Option<int?>("--tracks-per-genre") { Description = "Use at most this many tracks per genre (default all)." };
        var pool = new Option<int>("--pool") { Description = "Average-pool the spectrogram by this factor (1: full 128 x 130 for 3-s clips).", DefaultValueFactory = _ => 1 };
        var clipSeconds = new Option<double>("--clip-seconds") { Description = "Clip length in seconds (default 3).", DefaultValueFactory = _ => 3.0 };
        var cache = new Option<string?>("--cache") { Description = "Folder of the mel-spectrogram cache (default datasets/cache/)." };
        var command = new Command("tune", "Search the Adam learning rate and the dropout of a bu-* CNN (TPE, median pruning, resumable study file); prints the best trials. Ctrl+C stops after the running epoch (exit code 130).");
        foreach (var o in new Option[] { model, trials, epochs, studyFile, sampler, data, seed, tracks, pool, clipSeconds, cache }) command.Options.Add(o);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var stdout = parse.InvocationConfiguration.Output;
            var stderr = parse.InvocationConfiguration.Error;
            try
            {
                // Off the invoking thread, so System.CommandLine's Ctrl+C handling can still end a run that does not stop.
                var outcome = await Task.Run(() => Run(new TuneSettings(parse.GetValue(model)!, parse.GetValue(trials), parse.GetValue(epochs),
                    parse.GetValue(studyFile), parse.GetValue(sampler), parse.GetValue(data), parse.GetValue(seed), parse.GetValue(tracks),
                    parse.GetValue(pool), parse.GetValue(clipSeconds), parse.GetValue(cache)), stdout, stderr, cancellationToken), CancellationToken.None);
                return outcome;
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                stderr.WriteLine("cancelled before the study started; nothing changed");
                return ExitCodes.Cancelled;
            }
            catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException or InvalidDataException or ArgumentException
                                           or IOException or UnauthorizedAccessException or InvalidOperationException)
            {
                stderr.WriteLine($"genre tune: {ErrorText.Of(e)}");
                return ExitCodes.Failed;
            }
        });
        return command;
    }

    /// <summary>What a tune run is asked for.</summary>
    internal sealed record TuneSettings(string Model, int Trials, int Epochs, string? StudyPath, string? Sampler, string? Data, int Seed,
        int? TracksPerGenre, int Pool, double ClipSeconds, string? Cache);

    /// <summary>Runs the study; returns the exit code. Setup and progress go to <paramref name="log"/>, the best trials to <paramref name="output"/>.</summary>
    internal static int Run(TuneSettings s, TextWriter output, TextWriter log, CancellationToken cancellationToken = default)
    {
        var spec = ModelCatalog.Get(s.Model);
        if (!s.Model.StartsWith("bu-", StringComparison.Ordinal))
            throw new ArgumentException($"genre tune searches the learning rate and dropout of BU's Conv2D family; '{s.Model}' is not one (use a bu-* model, e.g. bu-bn-5x5)");
        if (s.Trials < 1) throw new ArgumentException($"--trials must be at least 1, got {s.Trials}");
        if (s.Epochs < 1) throw new ArgumentException($"--epochs must be at least 1, got {s.Epochs}");
        if (!(s.ClipSeconds >= 0.5 && s.ClipSeconds <= 30)) throw new ArgumentException($"--clip-seconds must be between 0.5 and 30, got {s.ClipSeconds}");
        if (s.TracksPerGenre is < 3) throw new ArgumentException($"--tracks-per-genre must be at least 3 (train, validation and test), got {s.TracksPerGenre}");
        if (s.Pool < 1) throw new ArgumentException($"--pool must be at least 1, got {s.Pool}");
        string studyPath = s.StudyPath ?? $"tune-{s.Model}.json";

        var dataset = Open(s.Data, s.Seed);
        log.WriteLine(dataset.IsSynthetic ? $"data: {dataset.Description} (SYNTHETIC, not GTZAN)" : $"data: {dataset.Description}");
        foreach (var w in dataset.Warnings) log.WriteLine("warning: " + w);
        if (dataset.Genres.Count < 2) throw new ArgumentException($"'{dataset.Root}' holds {dataset.Genres.Count} genre(s); tuning needs at least 2");
        var tracks = dataset.Genres.SelectMany(g => dataset.Tracks.Where(t => t.Genre == g).Take(s.TracksPerGenre ?? int.MaxValue)).ToList();
        var settings = MelClipSettings.Default with { Clips = ClipOptions.Seconds(s.ClipSeconds) };
        var mels = MelClipCache.Compute(tracks, settings, dataset.Genres, s.Cache);
        foreach (var w in mels.Warnings) log.WriteLine("warning: " + w);
        var split = Splits.ByTrack(mels.Clips, s.Seed);
        if (split.Train.Count == 0 || split.Validation.Count == 0)
            throw new ArgumentException($"too few tracks for a train/validation split ({split}); give more tracks per genre");
        var train = mels.Select(split.Train);
        var validation = mels.Select(split.Validation);
        var scaling = MelScaling.Fit(train);
        var x = MelInputs.ToTensor(train, scaling, s.Pool);
        var xVal = MelInputs.ToTensor(validation, scaling, s.Pool);
        int[] shape = x.Shape.Skip(1).ToArray();
        int classes = mels.Genres.Count;
        var options = OptionsOf(s.Model, shape, classes);
        log.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{mels.Count} clips of {s.ClipSeconds:0.##} s ({shape[1]} x {shape[2]} after pooling by {s.Pool}) from {tracks.Count} tracks; split by track: {split} (the test clips are not used)"));

        string name = string.Create(CultureInfo.InvariantCulture,
            $"{s.Model}: lr x dropout, {s.Epochs} epochs a trial, {tracks.Count} tracks of {classes} genres, {s.ClipSeconds:0.##}-s clips, pool {s.Pool}");
        var study = OpenStudy(studyPath, name, s, log);
        var recipe = spec.Recipe with { Epochs = s.Epochs, EarlyStopping = null };
        log.WriteLine($"model {s.Model}: {options.Filters.Count} blocks, filters {string.Join("-", options.Filters)}, {options.KernelSize}x{options.KernelSize}{(options.BatchNorm ? ", batch norm" : "")}; " +
                      $"recipe {recipe} with the trial's lr; dropout from the trial");
        log.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"search: lr log-uniform {LrLow:G}..{LrHigh:G}, dropout uniform {DropoutLow:G}..{DropoutHigh:G}; {study.Sampler}, {study.Pruner}; objective: last validation loss"));

        bool live = ConsoleTrainingProgress.IsTerminal(log);
        var progress = new ConsoleTrialProgress(log, live, s.Trials, s.Epochs, live ? ConsoleTrainingProgress.TerminalWidth() : 80);
        double Objective(Trial trial)
        {
            progress.StartTrial(trial.Number);
            double lr = trial.SuggestFloat("lr", LrLow, LrHigh, log: true);
            double dropout = trial.SuggestFloat("dropout", DropoutLow, DropoutHigh);
            // Every trial starts from the same weights (seeded), so trials differ only in their parameters.
            var network = BuConvNet.Create(options with { Dropout = (float)dropout }, shape, classes, (ulong)s.Seed, s.Model);
            var trialRecipe = recipe with { LearningRate = lr };
            var trainer = RecipeTraining.CreateTrainer(trialRecipe, network, (ulong)s.Seed + 1000);
            var history = TrialTraining.Fit(trial, trainer, x, train.Labels, xVal, validation.Labels, s.Epochs,
                trialRecipe.CreateScheduler(trainer.Optimizer), progress: progress);
            return history.Epochs[^1].ValLoss;
        }

        int before = study.Trials.Count;
        bool cancelled = false;
        try
        {
            study.Optimize(Objective, s.Trials, callbacks: [progress.EndTrial], cancellationToken: cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            cancelled = true;
            var interrupted = study.Trials.FirstOrDefault(t => t.State == TrialState.Interrupted);
            if (interrupted is not null) progress.EndTrial(study, interrupted);
        }
        var ran = study.Trials.Skip(before).Where(t => t.State != TrialState.Interrupted).ToList();
        var failed = ran.Where(t => t.State == TrialState.Fail).ToList();
        if (study.GetTrials(TrialState.Complete).Count > 0)
        {
            output.WriteLine(study.BestTrialsTable(5).ToString());
            var best = study.BestTrial;
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"best: trial {best.Number}, validation loss {best.Value:F4}, lr {best.Params["lr"]:G4}, dropout {best.Params["dropout"]:G4}"));
        }
        else output.WriteLine($"no complete trial yet in {studyPath}");
        if (cancelled)
        {
            log.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"cancelled after {ran.Count} of {s.Trials} trials; {studyPath} keeps {study.Trials.Count(t => t.State != TrialState.Interrupted)} finished trials; run the same command again to continue"));
            return ExitCodes.Cancelled;
        }
        log.WriteLine($"study saved to {studyPath}: {study}");
        foreach (var f in failed) log.WriteLine($"trial {f.Number} failed: {f.FailReason}");
        return failed.Count == 0 ? ExitCodes.Ok : failed.Count == ran.Count ? ExitCodes.Failed : ExitCodes.Partial;
    }

    /// <summary>A new study in <paramref name="path"/>, or the one there when it was made with the same settings and seed.</summary>
    private static Study OpenStudy(string path, string name, TuneSettings s, TextWriter log)
    {
        if (!File.Exists(path))
        {
            ISampler sampler = s.Sampler == "random" ? new RandomSampler(s.Seed) : new TpeSampler(s.Seed);
            var created = Study.Create(StudyDirection.Minimize, sampler, new MedianPruner(nStartupTrials: 5, nWarmupSteps: 3), storage: path, studyName: name);
            log.WriteLine($"new study {path}");
            return created;
        }
        Study study;
        try
        {
            study = Study.Load(path, seed: s.Seed);
        }
        catch (ArgumentException e)
        {
            throw new ArgumentException($"{path}: {ErrorText.Of(e)} (give --seed of the study, or another --study file)", e);
        }
        if (study.StudyName != name)
            throw new ArgumentException($"{path} holds the study \"{study.StudyName}\", but this run asks for \"{name}\"; continue it with the same settings or give another --study file");
        string kind = study.Sampler is RandomSampler ? "random" : study.Sampler is TpeSampler ? "tpe" : study.Sampler.GetType().Name;
        if (s.Sampler is not null && s.Sampler != kind)
            throw new ArgumentException($"{path} was sampled with --sampler {kind}; continuing it with {s.Sampler} would not be the same study (give another --study file)");
        log.WriteLine($"continuing {path}: {study.Trials.Count} trials so far");
        return study;
    }

    /// <summary>The <see cref="BuConvNetOptions"/> of catalogue model <paramref name="model"/>, read off its network (and checked by rebuilding it).</summary>
    internal static BuConvNetOptions OptionsOf(string model, int[] shape, int classes)
    {
        if (ModelCatalog.Build(model, shape, classes) is not Sequential net)
            throw new ArgumentException($"model '{model}' is not a Sequential of convolution blocks");
        var convs = net.Modules().OfType<Conv2d>().ToList();
        var dropouts = net.Modules().OfType<Dropout>().ToList();
        if (convs.Count == 0 || dropouts.Count != 1)
            throw new ArgumentException($"model '{model}' is not a BU Conv2D network (convolution blocks and one dropout)");
        var options = new BuConvNetOptions
        {
            Filters = convs.Select(c => c.OutChannels).ToArray(),
            KernelSize = convs[0].KernelSize.H,
            BatchNorm = net.Modules().OfType<BatchNorm2d>().Any(),
            Dropout = dropouts[0].P,
            Padding = convs[0].Padding == (0, 0, 0, 0) ? "valid" : "same",
        };
        if (!BuConvNet.Create(options, shape, classes).HasSameLayout(net))
            throw new ArgumentException($"model '{model}' could not be rebuilt from BuConvNetOptions; genre tune takes the bu-* models");
        return options;
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
