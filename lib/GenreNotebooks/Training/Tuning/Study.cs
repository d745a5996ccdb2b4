namespace GenreNotebooks.Training.Tuning;

/// <summary>
/// A hyperparameter study (Optuna's <c>optuna.Study</c>): an objective evaluated trial after trial, each trial's
/// parameters chosen by a sampler from what the finished trials scored, and kept on disk after every trial.
/// <code>
/// var study = Study.Create(direction: StudyDirection.Minimize, seed: 42,            // TPE with Optuna's defaults
///                          pruner: new MedianPruner(nWarmupSteps: 2),
///                          storage: "study.json", loadIfExists: true);             // resumes if the file exists
/// study.Optimize(trial =>
/// {
///     var lr = trial.SuggestFloat("lr", 1e-4, 1e-2, log: true);
///     var dropout = trial.SuggestFloat("dropout", 0.1, 0.5);
///     return TrainAndValidate(trial, lr, dropout);   // reports per epoch, may throw TrialPrunedException
/// }, nTrials: 37, cancellationToken: ctrlC);
/// Console.WriteLine(study.BestTrial);
/// </code>
/// <para>
/// What is kept: every trial's number, state (complete, pruned, failed with its error, interrupted), value, parameters
/// with their distributions, intermediate values, user attributes, start and end. A failing objective is recorded as
/// failed and the study goes on. With a <c>storage</c> file the study is written (JSON, temp file then rename, so the
/// file is always a whole study) when a trial starts and when it ends; <see cref="Load"/> or
/// <see cref="Create"/> with <c>loadIfExists</c> continues it, numbering on. Samplers derive every draw from the
/// seed, the trial number and the finished trials, so a study stopped and resumed has the same trials as one run
/// without a stop. One process works on a study file at a time.
/// </para>
/// <para>
/// Where this differs from Optuna: one study per file (no study names to look up, no databases); failing objectives
/// are caught by default (Optuna's <c>catch=(Exception,)</c>); an interrupted trial is run again under its number
/// (<see cref="TrialState.Interrupted"/>); trials run one at a time (no <c>n_jobs</c>).
/// </para>
/// Taught in notebooks/06-architecture-sweep-and-tuning.
/// </summary>
public sealed partial class Study
{
    private readonly List<FrozenTrial> _trials;
    private readonly TimeProvider _clock;

    private Study(string studyName, StudyDirection direction, ISampler sampler, IPruner pruner, string? storagePath,
        List<FrozenTrial> trials, TimeProvider clock)
    {
        StudyName = studyName;
        Direction = direction;
        Sampler = sampler;
        Pruner = pruner;
        StoragePath = storagePath;
        _trials = trials;
        _clock = clock;
    }

    /// <summary>The study's name, stored in its file (default: the file's name without extension, or "study").</summary>
    public string StudyName { get; }

    /// <summary>Whether smaller or larger objective values are better.</summary>
    public StudyDirection Direction { get; }

    /// <summary>Chooses the parameters of each trial.</summary>
    public ISampler Sampler { get; }

    /// <summary>Decides when <see cref="Trial.ShouldPrune"/> says yes.</summary>
    public IPruner Pruner { get; }

    /// <summary>The JSON file the study is saved to after every trial, or null for a study kept in memory.</summary>
    public string? StoragePath { get; }

    /// <summary>
    /// Makes a study (Optuna's <c>optuna.create_study</c>). With <paramref name="storage"/> the study lives in that JSON
    /// file: a new file is written at once; an existing one is an error unless <paramref name="loadIfExists"/>, which
    /// continues it (see <see cref="Load"/> for what is taken from the file).
    /// </summary>
    /// <param name="direction">Minimise (default) or maximise.</param>
    /// <param name="sampler">Default: <see cref="TpeSampler"/> with Optuna's settings, seeded with <paramref name="seed"/>.</param>
    /// <param name="pruner">Default: <see cref="MedianPruner"/> with Optuna's settings (Optuna's default too).</param>
    /// <param name="seed">Seed of the default sampler (0 when not given, so a study is always reproducible); give it to the sampler instead when passing one.</param>
    /// <param name="storage">Path of the study's JSON file, or null to keep it in memory.</param>
    /// <param name="loadIfExists">Continue the study in <paramref name="storage"/> when the file exists.</param>
    /// <param name="studyName">A name kept in the file.</param>
    /// <param name="timeProvider">The clock for trial start and end times (default: the system clock).</param>
    /// <exception cref="ArgumentException">Both a sampler and a seed; or, when loading, a direction, name or seed other than the file's.</exception>
    /// <exception cref="InvalidOperationException">The file exists and <paramref name="loadIfExists"/> is false.</exception>
    /// <exception cref="InvalidDataException">The existing file is not a readable study.</exception>
    public static Study Create(StudyDirection? direction = null, ISampler? sampler = null, IPruner? pruner = null, int? seed = null,
        string? storage = null, bool loadIfExists = false, string? studyName = null, TimeProvider? timeProvider = null)
    {
        if (sampler is not null && seed is not null)
            throw new ArgumentException("Give the seed to the sampler (new TpeSampler(seed: ...)) or give a seed without a sampler, not both.", nameof(seed));
        if (storage is not null && File.Exists(storage))
        {
            if (!loadIfExists)
                throw new InvalidOperationException($"{storage} already holds a study; pass loadIfExists: true to continue it, or choose another file.");
            var loaded = Load(storage, sampler, pruner, seed, timeProvider);
            if (direction is StudyDirection d && d != loaded.Direction)
                throw new ArgumentException($"{storage} holds a study that is to {Word(loaded.Direction)}; it cannot be continued to {Word(d)}.", nameof(direction));
            if (studyName is not null && studyName != loaded.StudyName)
                throw new ArgumentException($"{storage} holds the study '{loaded.StudyName}', not '{studyName}'.", nameof(studyName));
            return loaded;
        }
        var name = studyName ?? (storage is null ? "study" : Path.GetFileNameWithoutExtension(storage));
        var study = new Study(name, direction ?? StudyDirection.Minimize, sampler ?? new TpeSampler(seed ?? 0), pruner ?? new MedianPruner(),
            storage, [], timeProvider ?? TimeProvider.System);
        study.Persist();
        return study;
    }

    /// <summary>
    /// Continues the study saved in <paramref name="storage"/> (Optuna's <c>optuna.load_study</c>): its direction,
    /// name and trials, and its sampler and pruner unless others are passed (the file records the settings of the
    /// library's samplers and pruners; one of your own must be passed again). A trial the file records as running
    /// was cut off by a process that died: it is read as <see cref="TrialState.Interrupted"/> and run again first.
    /// </summary>
    /// <param name="storage">The study's JSON file.</param>
    /// <param name="sampler">Replaces the file's sampler (a different one will not reproduce an uninterrupted run).</param>
    /// <param name="pruner">Replaces the file's pruner.</param>
    /// <param name="seed">When given without a sampler, must equal the seed of the file's sampler: a guard for scripts that pass their seed every time.</param>
    /// <param name="timeProvider">The clock for trial times (default: the system clock).</param>
    /// <exception cref="FileNotFoundException">No such file.</exception>
    /// <exception cref="InvalidDataException">The file is not a readable study (the message names the file and the problem).</exception>
    /// <exception cref="ArgumentException">A seed other than the file's, or a sampler or pruner of your own that the file cannot rebuild and was not passed.</exception>
    public static Study Load(string storage, ISampler? sampler = null, IPruner? pruner = null, int? seed = null, TimeProvider? timeProvider = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(storage);
        if (!File.Exists(storage)) throw new FileNotFoundException($"No study file at {storage}.", storage);
        string json;
        try { json = File.ReadAllText(storage); }
        catch (IOException e) { throw new InvalidDataException($"{storage}: cannot be read: {e.Message}", e); }
        return FromJsonCore(json, storage, storage, sampler, pruner, seed, timeProvider ?? TimeProvider.System);
    }

    /// <summary>A study from the text of a study file (see <see cref="ToJson"/>), kept in memory; arguments as in <see cref="Load"/>.</summary>
    /// <exception cref="InvalidDataException">The text is not a readable study.</exception>
    public static Study FromJson(string json, ISampler? sampler = null, IPruner? pruner = null, int? seed = null, TimeProvider? timeProvider = null) =>
        FromJsonCore(json, "study JSON", null, sampler, pruner, seed, timeProvider ?? TimeProvider.System);

    /// <summary>The study as the JSON its file holds: settings of the direction, sampler and pruner, and every trial.</summary>
    public string ToJson() => StudyFile.Write(this);

    /// <summary>Writes the study to <paramref name="path"/> (atomically: a temp file beside it, then a rename), e.g. a copy; the study keeps saving to <see cref="StoragePath"/>.</summary>
    public void Save(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        StudyFile.WriteAtomically(path, ToJson());
    }

    /// <summary>Every trial, by number, including a running one as it stands (Optuna's <c>study.trials</c>).</summary>
    public IReadOnlyList<FrozenTrial> Trials => GetTrials();

    /// <summary>The trials in the given states, by number; all trials when no state is given (Optuna's <c>get_trials(states=...)</c>).</summary>
    public IReadOnlyList<FrozenTrial> GetTrials(params TrialState[] states)
    {
        var result = new List<FrozenTrial>(_trials.Count);
        foreach (var stored in _trials)
        {
            var t = _running is not null && stored.Number == _running.Number ? _running.Freeze(TrialState.Running, null, null, null) : stored;
            if (states.Length == 0 || states.Contains(t.State)) result.Add(t);
        }
        return result;
    }

    /// <summary>The complete trial with the best value, the earliest among equals (Optuna's <c>best_trial</c>).</summary>
    /// <exception cref="InvalidOperationException">No trial has completed yet.</exception>
    public FrozenTrial BestTrial
    {
        get
        {
            FrozenTrial? best = null;
            foreach (var t in _trials)
            {
                if (t.State != TrialState.Complete) continue;
                if (best is null || IsBetter(t.Value!.Value, best.Value!.Value)) best = t;
            }
            return best ?? throw new InvalidOperationException($"Study '{StudyName}' has no complete trial yet.");
        }
    }

    /// <summary>The best trial's value (Optuna's <c>best_value</c>).</summary>
    /// <exception cref="InvalidOperationException">No trial has completed yet.</exception>
    public double BestValue => BestTrial.Value!.Value;

    /// <summary>The best trial's parameters (Optuna's <c>best_params</c>).</summary>
    /// <exception cref="InvalidOperationException">No trial has completed yet.</exception>
    public IReadOnlyDictionary<string, object> BestParams => BestTrial.Params;

    /// <summary>Whether value <paramref name="a"/> is strictly better than <paramref name="b"/> in this study's direction.</summary>
    public bool IsBetter(double a, double b) => Direction == StudyDirection.Minimize ? a < b : a > b;

    /// <summary>One line: name, direction, sampler, trial counts and the best value.</summary>
    public override string ToString()
    {
        var counts = string.Join(", ", _trials.GroupBy(t => t.State).OrderBy(g => g.Key).Select(g => $"{g.Count()} {g.Key.ToString().ToLowerInvariant()}"));
        var best = _trials.Any(t => t.State == TrialState.Complete) ? $", best value {BestValue:G6} (trial {BestTrial.Number})" : "";
        return $"Study '{StudyName}' ({Word(Direction)}, {Sampler}): {_trials.Count} trials{(counts.Length > 0 ? $" ({counts})" : "")}{best}";
    }

    internal IReadOnlyList<FrozenTrial> StoredTrials => _trials;

    internal static string Word(StudyDirection d) => d == StudyDirection.Minimize ? "minimize" : "maximize";

    private static Study FromJsonCore(string json, string source, string? storagePath, ISampler? sampler, IPruner? pruner, int? seed, TimeProvider clock)
    {
        if (sampler is not null && seed is not null)
            throw new ArgumentException("Give the seed to the sampler or give a seed without a sampler, not both.", nameof(seed));
        var content = StudyFile.Read(json, source);
        var chosenSampler = sampler ?? content.Sampler
            ?? throw new ArgumentException($"{source} was made with the sampler {content.SamplerDescription}, which cannot be rebuilt from the file: pass it as sampler.", nameof(sampler));
        if (sampler is null && seed is int s)
        {
            int? fileSeed = chosenSampler switch { TpeSampler t => t.Seed, RandomSampler r => r.Seed, _ => null };
            if (fileSeed != s)
                throw new ArgumentException($"{source} was sampled with seed {fileSeed}; continuing it with seed {s} would not reproduce an uninterrupted run. Pass seed {fileSeed}, or pass a sampler to change it on purpose.", nameof(seed));
        }
        var chosenPruner = pruner ?? content.Pruner
            ?? throw new ArgumentException($"{source} was made with the pruner {content.PrunerDescription}, which cannot be rebuilt from the file: pass it as pruner.", nameof(pruner));
        return new Study(content.StudyName, content.Direction, chosenSampler, chosenPruner, storagePath, content.Trials, clock);
    }

    private void Persist()
    {
        if (StoragePath is not null) StudyFile.WriteAtomically(StoragePath, ToJson());
    }
}
