namespace GenreNotebooks.Training.Tuning;

/// <summary>
/// One evaluation of the objective (Optuna's <c>optuna.trial.Trial</c>), handed to the objective by
/// <see cref="Study.Optimize"/>. The objective asks it for parameters (<see cref="SuggestFloat"/>,
/// <see cref="SuggestInt"/>, <see cref="SuggestCategorical{T}"/>), reports intermediate values per step
/// (<see cref="Report"/>) and asks whether to stop early (<see cref="ShouldPrune"/>):
/// <code>
/// double Objective(Trial trial)
/// {
///     var lr = trial.SuggestFloat("lr", 1e-4, 1e-2, log: true);
///     var dropout = trial.SuggestFloat("dropout", 0.1, 0.5);
///     double valLoss = double.NaN;
///     for (int epoch = 0; epoch &lt; 10; epoch++)
///     {
///         trial.CancellationToken.ThrowIfCancellationRequested();   // Ctrl+C stops after this epoch
///         valLoss = TrainOneEpochAndValidate(lr, dropout);
///         trial.Report(valLoss, epoch);
///         if (trial.ShouldPrune()) throw new TrialPrunedException();
///     }
///     return valLoss;
/// }
/// </code>
/// Asking twice for the same name gives the same value; asking with a different distribution is an error. Values are
/// drawn by the study's sampler from the seed, the trial number, the parameter name and the finished trials, so the
/// order of the calls does not change them. A trial is not thread-safe, and is dead once the objective returns.
/// Taught in notebooks/06-architecture-sweep-and-tuning.
/// </summary>
public sealed class Trial
{
    private readonly Study _study;
    private readonly Dictionary<string, double> _params = [];
    private readonly Dictionary<string, BaseDistribution> _distributions = [];
    private readonly SortedDictionary<int, double> _intermediate = [];
    private readonly Dictionary<string, object> _userAttrs = [];
    private readonly IReadOnlyDictionary<string, BaseDistribution> _relativeSpace;
    private readonly IReadOnlyDictionary<string, double> _relativeParams;
    private bool _finished;

    internal Trial(Study study, int number, DateTimeOffset start, CancellationToken cancellationToken)
    {
        _study = study;
        Number = number;
        DatetimeStart = start;
        CancellationToken = cancellationToken;
        var snapshot = Freeze(TrialState.Running, null, null, null);
        _relativeSpace = study.Sampler.InferRelativeSearchSpace(study, snapshot);
        _relativeParams = _relativeSpace.Count == 0
            ? new Dictionary<string, double>()
            : study.Sampler.SampleRelative(study, snapshot, _relativeSpace);
    }

    /// <summary>The trial's number in its study (0, 1, 2, ...).</summary>
    public int Number { get; }

    /// <summary>When the trial started.</summary>
    public DateTimeOffset DatetimeStart { get; }

    /// <summary>
    /// Cancelled when the study is asked to stop (Ctrl+C). An objective that checks it (once per epoch, say) lets
    /// the study stop mid-trial: the trial is recorded as <see cref="TrialState.Interrupted"/> and run again on resume.
    /// </summary>
    public CancellationToken CancellationToken { get; }

    /// <summary>The study this trial belongs to.</summary>
    public Study Study => _study;

    /// <summary>The values suggested so far, by name.</summary>
    public IReadOnlyDictionary<string, object> Params => _params.ToDictionary(p => p.Key, p => _distributions[p.Key].ToExternalRepr(p.Value));

    /// <summary>The distributions of the parameters suggested so far.</summary>
    public IReadOnlyDictionary<string, BaseDistribution> Distributions => _distributions;

    /// <summary>The values reported so far, by step.</summary>
    public IReadOnlyDictionary<int, double> IntermediateValues => _intermediate;

    /// <summary>The user attributes set so far.</summary>
    public IReadOnlyDictionary<string, object> UserAttrs => _userAttrs;

    /// <summary>
    /// A real parameter in [low, high] (Optuna's <c>suggest_float(name, low, high, step=None, log=False)</c>):
    /// uniform, log-uniform with <paramref name="log"/> (for a learning rate: <c>SuggestFloat("lr", 1e-4, 1e-2, log: true)</c>),
    /// or on the grid low, low + step, ... with <paramref name="step"/> (high is lowered to the grid).
    /// </summary>
    /// <exception cref="ArgumentException">Bad bounds (low &gt; high, not finite, log with low &lt;= 0, step with log, step &lt;= 0), or the name was already suggested with another distribution.</exception>
    public double SuggestFloat(string name, double low, double high, bool log = false, double? step = null)
    {
        CheckName(name);
        if (FloatDistribution.Problem(low, high, log, step) is string problem) throw Bad(name, problem);
        return Suggest(name, new FloatDistribution(low, high, log, step));
    }

    /// <summary>
    /// An integer in [low, high] (Optuna's <c>suggest_int(name, low, high, step=1, log=False)</c>): every
    /// <paramref name="step"/>-th integer from low, or log-uniform with <paramref name="log"/> (step 1 only).
    /// </summary>
    /// <exception cref="ArgumentException">low &gt; high, step &lt; 1, log with low &lt; 1 or step &gt; 1, or the name was already suggested with another distribution.</exception>
    public int SuggestInt(string name, int low, int high, int step = 1, bool log = false)
    {
        CheckName(name);
        if (IntDistribution.Problem(low, high, log, step) is string problem) throw Bad(name, problem);
        return (int)Math.Round(Suggest(name, new IntDistribution(low, high, log, step)));
    }

    /// <summary>
    /// One of <paramref name="choices"/> (Optuna's <c>suggest_categorical(name, choices)</c>), e.g.
    /// <c>SuggestCategorical("optimizer", ["adam", "sgd"])</c>. Choices are strings, booleans or numbers, all of one type.
    /// </summary>
    /// <exception cref="ArgumentException">No choices, null or NaN among them, a type the study file cannot hold, or the name was already suggested with other choices.</exception>
    public T SuggestCategorical<T>(string name, IReadOnlyList<T> choices) where T : notnull
    {
        CheckName(name);
        ArgumentNullException.ThrowIfNull(choices);
        var boxed = choices.Select(c => (object?)c).ToArray();
        if (CategoricalDistribution.Problem(boxed) is string problem) throw Bad(name, problem);
        int index = (int)Suggest(name, new CategoricalDistribution(boxed!));
        return choices[index];
    }

    /// <summary>
    /// Records the objective's value at a step, e.g. the validation loss after an epoch (Optuna's
    /// <c>report(value, step)</c>); pruners compare it with other trials' values at the same step. Steps are
    /// integers from 0. NaN is kept (and makes a pruner prune, as in Optuna).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The step is negative.</exception>
    /// <exception cref="ArgumentException">The step was already reported (Optuna warns and ignores the second value; here it is an error, since it is almost always a mis-numbered loop).</exception>
    public void Report(double value, int step)
    {
        EnsureRunning();
        ArgumentOutOfRangeException.ThrowIfNegative(step);
        if (_intermediate.ContainsKey(step))
            throw new ArgumentException($"Trial {Number} already reported a value at step {step} ({_intermediate[step]}); each step is reported once.", nameof(step));
        _intermediate[step] = value;
    }

    /// <summary>
    /// Whether the study's pruner says to stop this trial now, given what it has reported (Optuna's
    /// <c>should_prune()</c>). The objective then throws <see cref="TrialPrunedException"/>.
    /// </summary>
    public bool ShouldPrune()
    {
        EnsureRunning();
        return _study.Pruner.Prune(_study, Freeze(TrialState.Running, null, null, null));
    }

    /// <summary>Attaches a number to the trial's record (Optuna's <c>set_user_attr</c>), e.g. the validation accuracy beside the loss being minimised.</summary>
    public void SetUserAttr(string key, double value) => SetAttr(key, value);

    /// <summary>Attaches a text to the trial's record.</summary>
    public void SetUserAttr(string key, string value) => SetAttr(key, value ?? throw new ArgumentNullException(nameof(value)));

    /// <summary>Attaches a flag to the trial's record.</summary>
    public void SetUserAttr(string key, bool value) => SetAttr(key, value);

    /// <summary>The record of this trial as it stands, with the given state and end.</summary>
    internal FrozenTrial Freeze(TrialState state, double? value, DateTimeOffset? end, string? failReason) =>
        new(Number, state, value, _params, _distributions, _intermediate, _userAttrs, DatetimeStart, end, failReason);

    /// <summary>Ends the trial: later calls throw.</summary>
    internal void Finish() => _finished = true;

    private double Suggest(string name, BaseDistribution distribution)
    {
        EnsureRunning();
        if (_distributions.TryGetValue(name, out var existing))
        {
            if (!existing.Equals(distribution))
                throw Bad(name, $"it was already suggested as {existing} and cannot be suggested again as {distribution}.");
            return _params[name];
        }
        double value;
        if (distribution.Single) value = distribution.SingleValue;
        else if (_relativeSpace.TryGetValue(name, out var relative) && relative.Equals(distribution) && _relativeParams.TryGetValue(name, out var rv)) value = rv;
        else value = _study.Sampler.SampleIndependent(_study, Freeze(TrialState.Running, null, null, null), name, distribution);
        if (!distribution.Contains(value))
            throw new InvalidOperationException($"The sampler {_study.Sampler.GetType().Name} returned {value} for '{name}', which is not in {distribution}.");
        _distributions[name] = distribution;
        _params[name] = value;
        return value;
    }

    private void SetAttr(string key, object value)
    {
        EnsureRunning();
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        _userAttrs[key] = value;
    }

    private void EnsureRunning()
    {
        if (_finished) throw new InvalidOperationException($"Trial {Number} has ended; its objective can no longer suggest, report or prune.");
    }

    private void CheckName(string name)
    {
        if (string.IsNullOrWhiteSpace(name)) throw new ArgumentException($"Trial {Number}: a parameter needs a non-empty name.", nameof(name));
    }

    private ArgumentException Bad(string name, string problem) => new($"Trial {Number}, parameter '{name}': {problem}");
}
