namespace GenreNotebooks.Training.Tuning;

public sealed partial class Study
{
    /// <summary>
    /// Each complete or pruned trial's value with the best complete value so far, by trial number: the data of
    /// Optuna's <c>plot_optimization_history</c> (see <see cref="Visualization.PlotOptimizationHistory"/>).
    /// </summary>
    public IReadOnlyList<HistoryPoint> OptimizationHistory()
    {
        var points = new List<HistoryPoint>();
        double? best = null;
        foreach (var t in _trials)
        {
            if (t.State is not (TrialState.Complete or TrialState.Pruned) || t.Value is not double v) continue;
            if (t.State == TrialState.Complete && (best is null || IsBetter(v, best.Value))) best = v;
            points.Add(new HistoryPoint(t.Number, t.State, v, best));
        }
        return points;
    }

    /// <summary>
    /// The complete trials' values against one parameter (Optuna's <c>plot_slice</c> data): x is the value, or the
    /// index of the choice for a categorical.
    /// </summary>
    /// <exception cref="ArgumentException">No complete trial has the parameter.</exception>
    public IReadOnlyList<SlicePoint> Slice(string param)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(param);
        var points = GetTrials(TrialState.Complete)
            .Where(t => t.Params.ContainsKey(param))
            .Select(t => new SlicePoint(t.Number, t.InternalParams[param], FrozenTrial.Format(t.Params[param]), t.Value!.Value))
            .ToList();
        if (points.Count == 0) throw new ArgumentException($"No complete trial of study '{StudyName}' has a parameter '{param}'.", nameof(param));
        return points;
    }

    /// <summary>The names of all parameters any trial used, in order of first use.</summary>
    public IReadOnlyList<string> ParamNames() => [.. _trials.SelectMany(t => t.Params.Keys).Distinct()];

    /// <summary>Every trial as a row of a table (Optuna's <c>trials_dataframe()</c>).</summary>
    public StudyTable TrialsDataFrame()
    {
        var trials = Trials;
        var paramNames = ParamNames();
        var attrNames = trials.SelectMany(t => t.UserAttrs.Keys).Distinct().ToList();
        var columns = new List<string> { "number", "value", "datetime_start", "datetime_complete", "duration" };
        columns.AddRange(paramNames.Select(p => "params_" + p));
        columns.AddRange(attrNames.Select(a => "user_attrs_" + a));
        columns.Add("state");
        var rows = new List<IReadOnlyList<object?>>();
        foreach (var t in trials)
        {
            var row = new List<object?> { t.Number, t.Value, t.DatetimeStart, t.DatetimeComplete, t.Duration };
            row.AddRange(paramNames.Select(p => t.Params.TryGetValue(p, out var v) ? v : null));
            row.AddRange(attrNames.Select(a => t.UserAttrs.TryGetValue(a, out var v) ? v : null));
            row.Add(t.State.ToString().ToUpperInvariant());
            rows.Add(row);
        }
        return new StudyTable(columns, rows);
    }
}
