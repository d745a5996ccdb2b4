using System.Text.Json.Nodes;
using GenreNotebooks.Plots;

namespace GenreNotebooks.Training.Tuning;

/// <summary>
/// Figures of a study, after Optuna's <c>optuna.visualization</c>: the optimisation history, parameter importances,
/// slice plots and a two-parameter scatter coloured by the objective. Each returns a <see cref="Figure"/> that shows in
/// a notebook cell; log parameters get log axes.
/// Taught in notebooks/06-architecture-sweep-and-tuning.
/// </summary>
public static class Visualization
{
    /// <summary>
    /// Every complete trial's value by trial number, pruned trials' last reported values apart, and the best value so
    /// far as a line (Optuna's <c>plot_optimization_history</c>).
    /// </summary>
    /// <exception cref="InvalidOperationException">No complete or pruned trial with a value.</exception>
    public static Figure PlotOptimizationHistory(Study study)
    {
        ArgumentNullException.ThrowIfNull(study);
        var history = study.OptimizationHistory();
        if (history.Count == 0) throw new InvalidOperationException($"Study '{study.StudyName}' has no complete or pruned trial to plot.");
        var complete = history.Where(h => h.State == TrialState.Complete).ToList();
        var fig = Figure.Scatter(complete.Select(h => (double)h.Number), complete.Select(h => h.Value), "Objective value",
            labels: complete.Select(h => $"trial {h.Number}"));
        var pruned = history.Where(h => h.State == TrialState.Pruned).ToList();
        if (pruned.Count > 0)
            fig.Add(Figure.Scatter(pruned.Select(h => (double)h.Number), pruned.Select(h => h.Value), "Pruned (last reported value)",
                labels: pruned.Select(h => $"trial {h.Number}, pruned")));
        var best = history.Where(h => h.BestSoFar is not null).ToList();
        if (best.Count > 0) fig.Add(Figure.Line(best.Select(h => (double)h.Number), best.Select(h => h.BestSoFar!.Value), "Best value"));
        return fig.WithTitle("Optimization history").WithXAxis("Trial").WithYAxis("Objective value").WithLegend();
    }

    /// <summary>
    /// Horizontal bars of <see cref="Importance.GetParamImportances"/> (Optuna's <c>plot_param_importances</c>), the most
    /// important on top; by default fANOVA with 64 seeded trees.
    /// </summary>
    /// <exception cref="InvalidOperationException">Fewer than two complete trials, or a constant objective.</exception>
    public static Figure PlotParamImportances(Study study, IImportanceEvaluator? evaluator = null)
    {
        ArgumentNullException.ThrowIfNull(study);
        var importances = Importance.GetParamImportances(study, evaluator).Reverse().ToList();
        string name = evaluator is null or FanovaImportanceEvaluator ? "fANOVA" : evaluator.GetType().Name;
        return Figure.Bar(importances.Select(p => p.Key), importances.Select(p => p.Value), "Importance", horizontal: true)
            .WithTitle($"Hyperparameter importances ({name})").WithXAxis("Importance (share of the objective's variance)");
    }

    /// <summary>
    /// One panel per parameter: each complete trial's objective against the parameter's value (Optuna's
    /// <c>plot_slice</c>), markers coloured by trial number so later (TPE-guided) trials stand out.
    /// </summary>
    /// <exception cref="ArgumentException">A parameter no complete trial has.</exception>
    public static Figure PlotSlice(Study study, IReadOnlyList<string>? @params = null)
    {
        ArgumentNullException.ThrowIfNull(study);
        var names = @params ?? study.ParamNames();
        var panels = new List<Figure>();
        int last = Math.Max(1, study.Trials.Count - 1);
        foreach (var name in names)
        {
            var points = study.Slice(name);
            var distribution = study.GetTrials(TrialState.Complete).First(t => t.Distributions.ContainsKey(name)).Distributions[name];
            bool categorical = distribution is CategoricalDistribution;
            var trace = new JsonObject
            {
                ["type"] = "scatter",
                ["mode"] = "markers",
                ["name"] = name,
                ["showlegend"] = false,
                ["x"] = categorical ? new JsonArray([.. points.Select(p => JsonValue.Create(p.Label))]) : Numbers(points.Select(p => p.X)),
                ["y"] = Numbers(points.Select(p => p.Value)),
                ["text"] = new JsonArray([.. points.Select(p => JsonValue.Create($"trial {p.Number}"))]),
                ["hovertemplate"] = "%{text}<br>%{x}: %{y}<extra></extra>",
                ["marker"] = new JsonObject
                {
                    ["color"] = Numbers(points.Select(p => (double)p.Number)),
                    ["cmin"] = 0,
                    ["cmax"] = last,
                    ["colorscale"] = "Blues",
                    ["reversescale"] = true,   // plotly's Blues runs dark to light; later trials should be darker
                    ["showscale"] = false,
                },
            };
            panels.Add(Figure.Empty().AddTrace(trace).WithXAxis(name, IsLog(distribution) ? "log" : categorical ? "category" : null)
                .WithYAxis("Objective value"));
        }
        if (panels.Count == 0) throw new ArgumentException($"Study '{study.StudyName}' has no parameters to plot.", nameof(@params));
        return Figure.Grid(1, panels.Count, panels, names, shareY: true).WithTitle("Slice plot (darker: later trials)");
    }

    /// <summary>
    /// Complete trials at (<paramref name="x"/>, <paramref name="y"/>), coloured by their objective value, the best
    /// trials brightest (yellow), e.g. learning rate against dropout. Optuna draws this as <c>plot_contour</c>.
    /// </summary>
    /// <exception cref="ArgumentException">A parameter no complete trial has.</exception>
    public static Figure PlotScatter(Study study, string x, string y)
    {
        ArgumentNullException.ThrowIfNull(study);
        var trials = study.GetTrials(TrialState.Complete).Where(t => t.Params.ContainsKey(x) && t.Params.ContainsKey(y)).ToList();
        if (trials.Count == 0) throw new ArgumentException($"No complete trial of study '{study.StudyName}' has both '{x}' and '{y}'.");
        JsonNode Axis(string p) => trials[0].Distributions[p] is CategoricalDistribution
            ? new JsonArray([.. trials.Select(t => JsonValue.Create(FrozenTrial.Format(t.Params[p])))])
            : Numbers(trials.Select(t => t.InternalParams[p]));
        var trace = new JsonObject
        {
            ["type"] = "scatter",
            ["mode"] = "markers",
            ["name"] = "Trials",
            ["x"] = Axis(x),
            ["y"] = Axis(y),
            ["text"] = new JsonArray([.. trials.Select(t => JsonValue.Create($"trial {t.Number}: {t.Value!.Value:G4}"))]),
            ["hovertemplate"] = "%{text}<br>" + x + " %{x}, " + y + " %{y}<extra></extra>",
            ["marker"] = new JsonObject
            {
                ["size"] = 10,
                ["color"] = Numbers(trials.Select(t => t.Value!.Value)),
                ["colorscale"] = "Viridis",
                ["reversescale"] = study.Direction == StudyDirection.Minimize,
                ["showscale"] = true,
                ["colorbar"] = new JsonObject { ["title"] = new JsonObject { ["text"] = "Objective" } },
            },
        };
        string? AxisType(string p) => IsLog(trials[0].Distributions[p]) ? "log" : trials[0].Distributions[p] is CategoricalDistribution ? "category" : null;
        return Figure.Empty().AddTrace(trace).WithTitle($"{y} against {x}, coloured by objective").WithXAxis(x, AxisType(x)).WithYAxis(y, AxisType(y));
    }

    private static bool IsLog(BaseDistribution d) => d is FloatDistribution { Log: true } or IntDistribution { Log: true };

    private static JsonArray Numbers(IEnumerable<double> values) =>
        new([.. values.Select(v => double.IsFinite(v) ? JsonValue.Create(v) : null)]);
}
