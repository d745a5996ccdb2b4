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

    /// <summary>
    /// The <paramref name="count"/> best complete trials as a <see cref="Tables.Table"/>, best first (the earlier of
    /// equal values first): columns <c>rank</c>, <c>trial</c>, <c>value</c>, one per parameter, one per user attribute,
    /// <c>steps</c> (intermediate values reported, e.g. epochs trained) and <c>duration</c>; a note counts the trials in
    /// each state. The summary <c>genre tune</c> prints at the end, and what a notebook shows beside the paper's best.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> below 1.</exception>
    public Tables.Table BestTrialsTable(int count = 5)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        var complete = GetTrials(TrialState.Complete);
        var best = complete
            .Select((t, i) => (Trial: t, Order: i))
            .OrderBy(p => Direction == StudyDirection.Minimize ? p.Trial.Value!.Value : -p.Trial.Value!.Value)
            .ThenBy(p => p.Order)
            .Take(count)
            .Select(p => p.Trial)
            .ToList();
        var paramNames = best.SelectMany(t => t.Params.Keys).Distinct().ToList();
        var attrNames = best.SelectMany(t => t.UserAttrs.Keys).Distinct().ToList();
        var columns = new List<string> { "rank", "trial", "value" };
        columns.AddRange(paramNames);
        columns.AddRange(attrNames.Where(a => !paramNames.Contains(a)));
        columns.AddRange(["steps", "duration"]);
        var table = new Tables.Table(columns).Format("G6", "value")
            .WithTitle($"Best {Math.Min(count, best.Count)} of {complete.Count} complete trials ({Word(Direction)} the value)");
        for (int rank = 0; rank < best.Count; rank++)
        {
            var t = best[rank];
            var row = new List<object?> { rank + 1, t.Number, t.Value };
            row.AddRange(paramNames.Select(p => t.Params.TryGetValue(p, out var v) ? v : null));
            row.AddRange(attrNames.Where(a => !paramNames.Contains(a)).Select(a => t.UserAttrs.TryGetValue(a, out var v) ? v : null));
            row.Add(t.IntermediateValues.Count);
            row.Add(t.Duration);
            table.AddRow([.. row]);
        }
        var doubles = columns.Where((c, i) => i >= 3 && i < columns.Count - 2 && best.Any(t =>
            (t.Params.TryGetValue(c, out var p) && p is double) || (t.UserAttrs.TryGetValue(c, out var a) && a is double))).ToArray();
        if (doubles.Length > 0) table.Format("G4", doubles);
        var counts = _trials.GroupBy(t => t.State).OrderBy(g => g.Key).Select(g => $"{g.Count()} {g.Key.ToString().ToLowerInvariant()}").ToList();
        table.AddNote(counts.Count == 0 ? $"study '{StudyName}': no trials yet" : $"study '{StudyName}': {_trials.Count} trials ({string.Join(", ", counts)})");
        return table;
    }

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
