using System.Globalization;

namespace GenreNotebooks.Training.Tuning;

/// <summary>
/// The record of one trial (Optuna's <c>FrozenTrial</c>): its number, state, value, parameters with their
/// distributions, the intermediate values it reported per step, user attributes, start, end and, for a failed trial,
/// the error. Immutable: <see cref="Study.Trials"/> hands these out, the study file stores them.
/// </summary>
public sealed class FrozenTrial
{
    internal FrozenTrial(int number, TrialState state, double? value,
        IReadOnlyDictionary<string, double> internalParams, IReadOnlyDictionary<string, BaseDistribution> distributions,
        IReadOnlyDictionary<int, double> intermediateValues, IReadOnlyDictionary<string, object> userAttrs,
        DateTimeOffset? datetimeStart, DateTimeOffset? datetimeComplete, string? failReason)
    {
        Number = number;
        State = state;
        Value = value;
        InternalParams = new Dictionary<string, double>(internalParams);
        Distributions = new Dictionary<string, BaseDistribution>(distributions);
        var external = new Dictionary<string, object>();
        foreach (var (name, v) in internalParams) external[name] = distributions[name].ToExternalRepr(v);
        Params = external;
        IntermediateValues = new SortedDictionary<int, double>(intermediateValues.ToDictionary());
        UserAttrs = new Dictionary<string, object>(userAttrs);
        DatetimeStart = datetimeStart;
        DatetimeComplete = datetimeComplete;
        FailReason = failReason;
    }

    /// <summary>The trial's number: 0, 1, 2, ... in the order trials were started, continuing across resumed runs.</summary>
    public int Number { get; }

    /// <summary>Running, complete, pruned, failed or interrupted.</summary>
    public TrialState State { get; }

    /// <summary>
    /// The objective value of a complete trial; for a pruned trial the last intermediate value (as in Optuna), when
    /// it is a number; otherwise null.
    /// </summary>
    public double? Value { get; }

    /// <summary>The suggested values by name, in the order the objective asked for them: double, int or the chosen item.</summary>
    public IReadOnlyDictionary<string, object> Params { get; }

    /// <summary>The distribution each parameter was drawn from.</summary>
    public IReadOnlyDictionary<string, BaseDistribution> Distributions { get; }

    /// <summary>The values given to <see cref="Trial.Report"/>, by step, in step order.</summary>
    public IReadOnlyDictionary<int, double> IntermediateValues { get; }

    /// <summary>Attributes the objective attached with <see cref="Trial.SetUserAttr(string, double)"/> (double, string or bool), e.g. a validation accuracy beside the loss.</summary>
    public IReadOnlyDictionary<string, object> UserAttrs { get; }

    /// <summary>When the trial started.</summary>
    public DateTimeOffset? DatetimeStart { get; }

    /// <summary>When it ended (complete, pruned, failed or interrupted); null while running.</summary>
    public DateTimeOffset? DatetimeComplete { get; }

    /// <summary>How long it ran, or null while running.</summary>
    public TimeSpan? Duration => DatetimeStart is DateTimeOffset s && DatetimeComplete is DateTimeOffset c ? c - s : null;

    /// <summary>For a failed trial, the exception type and message (or "The objective returned NaN."); for an interrupted one, what stopped it.</summary>
    public string? FailReason { get; }

    /// <summary>The last step with a reported value, or null when nothing was reported (Optuna's <c>last_step</c>).</summary>
    public int? LastStep => IntermediateValues.Count == 0 ? null : IntermediateValues.Keys.Max();

    /// <summary>Parameters in their internal representation (value, or index of a choice), for samplers.</summary>
    internal IReadOnlyDictionary<string, double> InternalParams { get; }

    /// <summary>Whether the trial has ended in a way samplers learn from (complete or pruned).</summary>
    internal bool InformsSamplers => State is TrialState.Complete or TrialState.Pruned;

    /// <summary>One line, e.g. <c>FrozenTrial(number=3, state=Complete, value=0.8661, params={lr=0.0015, dropout=0.2})</c>.</summary>
    public override string ToString()
    {
        string value = Value is double v ? v.ToString("G6", CultureInfo.InvariantCulture) : "null";
        var ps = string.Join(", ", Params.Select(p => $"{p.Key}={Format(p.Value)}"));
        return $"FrozenTrial(number={Number}, state={State}, value={value}, params={{{ps}}})";
    }

    internal static string Format(object value) => value switch
    {
        double d => d.ToString("G6", CultureInfo.InvariantCulture),
        float f => f.ToString("G6", CultureInfo.InvariantCulture),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
    };
}
