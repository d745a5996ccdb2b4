using System.Globalization;
using GenreNotebooks.Training;
using GenreNotebooks.Training.Tuning;

namespace GenreNotebooks.Cli.Terminal;

/// <summary>
/// Progress of a hyperparameter study on a console (<c>genre tune</c>). Live (a terminal): while a trial trains, one
/// line redrawn in place with <c>\r</c>, a <see cref="ProgressBar"/> of the running epoch prefixed with the trial
/// (<c>trial 3 (2/10) epoch 4/10 [#####-----] 13/50  loss 1.2346  acc 0.5600  ~0:42 left</c>, the time left being the
/// trial's); when the trial ends the bar is replaced by the trial's line. Not live (redirected): exactly one line per
/// trial, no control characters:
/// <c>trial 3 complete  value 0.8661  lr 0.0015  dropout 0.2  val_accuracy 0.7549  10 epochs  42.1 s  best: trial 3 (0.8661)</c>.
/// </summary>
public sealed class ConsoleTrialProgress : IProgress<EpochReport>, IProgress<TrainingProgress>
{
    private readonly TextWriter _writer;
    private readonly object _gate = new();
    private int _drawnLength;
    private int _trial = -1;
    private int _index;

    /// <summary>Progress written to <paramref name="writer"/> for <paramref name="trials"/> trials of <paramref name="epochs"/> epochs each; <paramref name="live"/> draws the bar.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Fewer than 1 trial or epoch, or <paramref name="width"/> below 20.</exception>
    public ConsoleTrialProgress(TextWriter writer, bool live, int trials, int epochs, int width = 80)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentOutOfRangeException.ThrowIfLessThan(trials, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(epochs, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 20);
        _writer = writer;
        Live = live;
        Trials = trials;
        Epochs = epochs;
        Width = width;
    }

    /// <summary>True when the bar is drawn (a terminal), false for plain lines.</summary>
    public bool Live { get; }

    /// <summary>Trials this run is asked for.</summary>
    public int Trials { get; }

    /// <summary>Epochs of a trial that is not pruned.</summary>
    public int Epochs { get; }

    /// <summary>Maximum line length.</summary>
    public int Width { get; }

    /// <summary>A trial starts: <paramref name="number"/> is its number in the study, counting from 0 over every run.</summary>
    public void StartTrial(int number)
    {
        lock (_gate)
        {
            _trial = number;
            _index++;
        }
    }

    /// <summary>Redraws the bar of the running epoch (live only).</summary>
    public void Report(TrainingProgress value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (!Live || value.Stage != TrainingStage.Training) return;
        lock (_gate)
        {
            // Each epoch of a trial is its own fit: its elapsed time and estimate are the epoch's.
            var epochTime = value.Elapsed + value.EpochTimeLeft;
            var left = value.EpochTimeLeft + epochTime * Math.Max(0, Epochs - value.Epoch);
            var shown = value with { TotalEpochs = Epochs, RunTimeLeft = left };
            Draw(ProgressBar.Render(shown, Width, Prefix()), newLine: false);
            _writer.Flush();
        }
    }

    /// <summary>A finished epoch: nothing is written (the trial's line comes when it ends; live, the next bar follows).</summary>
    public void Report(EpochReport value) => ArgumentNullException.ThrowIfNull(value);

    /// <summary>Writes the line of a finished trial (over the bar when live), with the best trial of <paramref name="study"/> so far.</summary>
    public void EndTrial(Study study, FrozenTrial trial)
    {
        ArgumentNullException.ThrowIfNull(study);
        ArgumentNullException.ThrowIfNull(trial);
        lock (_gate)
        {
            string line = TrialLine(study, trial);
            if (Live) Draw(line, newLine: true);
            else _writer.WriteLine(line);
            _writer.Flush();
        }
    }

    /// <summary>
    /// One line for a finished trial: number, state, value, parameters, user attributes, epochs, duration and the best
    /// complete trial so far; a failed trial gives its error, an interrupted one says it runs again.
    /// </summary>
    public static string TrialLine(Study study, FrozenTrial trial)
    {
        ArgumentNullException.ThrowIfNull(study);
        ArgumentNullException.ThrowIfNull(trial);
        var ci = CultureInfo.InvariantCulture;
        int steps = trial.IntermediateValues.Count;
        string state = trial.State switch
        {
            TrialState.Complete => "complete",
            TrialState.Pruned => string.Create(ci, $"pruned after {steps} epoch{(steps == 1 ? "" : "s")}"),
            TrialState.Fail => "failed",
            TrialState.Interrupted => string.Create(ci, $"interrupted after {steps} epoch{(steps == 1 ? "" : "s")}"),
            _ => trial.State.ToString().ToLowerInvariant(),
        };
        var parts = new List<string> { string.Create(ci, $"trial {trial.Number} {state}") };
        if (trial.Value is double v) parts.Add(string.Create(ci, $"value {v:F4}"));
        foreach (var (name, value) in trial.Params) parts.Add($"{name} {Number(value)}");
        foreach (var (name, value) in trial.UserAttrs.Where(a => a.Key != "val_loss")) parts.Add($"{name} {Number(value)}");
        if (trial.State is TrialState.Complete) parts.Add(string.Create(ci, $"{steps} epoch{(steps == 1 ? "" : "s")}"));
        if (trial.Duration is TimeSpan d) parts.Add(string.Create(ci, $"{d.TotalSeconds:F1} s"));
        if (trial.State == TrialState.Fail) parts.Add("error: " + trial.FailReason);
        if (trial.State == TrialState.Interrupted) parts.Add("(it runs again when the study is continued)");
        if (study.GetTrials(TrialState.Complete).Count > 0)
            parts.Add(string.Create(ci, $"best: trial {study.BestTrial.Number} ({study.BestValue:F4})"));
        return string.Join("  ", parts);
    }

    private static string Number(object value) => value switch
    {
        double d => d.ToString("G4", CultureInfo.InvariantCulture),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
    };

    private string Prefix() => string.Create(CultureInfo.InvariantCulture, $"trial {_trial} ({_index}/{Trials}) ");

    private void Draw(string line, bool newLine)
    {
        _writer.Write('\r');
        _writer.Write(line.PadRight(_drawnLength));
        if (newLine)
        {
            _writer.WriteLine();
            _drawnLength = 0;
        }
        else _drawnLength = line.Length;
    }
}
