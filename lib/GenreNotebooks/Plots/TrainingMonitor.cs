using System.Globalization;
using GenreNotebooks.Training;

namespace GenreNotebooks.Plots;

/// <summary>
/// Live training progress for a notebook, in ONE updating output: an <see cref="IProgress{T}"/> of
/// <see cref="EpochReport"/> and of <see cref="TrainingProgress"/> that shows, through a callback (typically the
/// <c>Update</c> of a notebook <c>display(...)</c> handle), the training curves so far under a one-line status:
/// <c>epoch 3/20 · batch 13/50 · loss 1.234 · acc 45.0% · val acc 40.0% (epoch 2) · 0:42 elapsed · about 1:23 left</c>.
/// The curves grow after every epoch; the status follows the mini-batches (the time left is an estimate from the
/// training rate so far, assuming all planned epochs run). Reports arrive on the training thread (no reordering,
/// unlike <see cref="Progress{T}"/>):
/// <code>var live = display("training ...");
/// var monitor = new TrainingMonitor(live.Update, "DTU MLP");
/// trainer.Fit(x, y, xVal, yVal, epochs: 50, progress: monitor);</code>
/// Passing the monitor as the epoch progress is enough: the trainer sends it the within-epoch reports too.
/// Within-epoch redraws are throttled by <see cref="MinInterval"/>; epoch ends and the end of the run always redraw.
/// A <c>display(...).Update</c> of the .NET Interactive kernel is passed through <see cref="LiveDisplay.InPlace(Action{object})"/>,
/// so VS Code replaces the one output instead of adding a second. With <see cref="TrainingMonitorView.Text"/> it shows the title and the status as text instead of the figure.
/// Several runs may report to one monitor in turn; <see cref="Reset"/> starts a new curve. Taught in
/// notebooks/04-feature-networks-and-cross-validation and notebooks/05-cnn-on-mel-spectrograms.
/// </summary>
public sealed class TrainingMonitor : IProgress<EpochReport>, IProgress<TrainingProgress>
{
    private readonly Action<object> _show;
    private readonly TimeProvider _clock;
    private readonly List<EpochReport> _epochs = [];
    private readonly object _gate = new();
    private TrainingProgress? _progress;
    private long? _lastShown;

    /// <summary>
    /// A monitor that shows its figure (or text, with <paramref name="view"/>) through <paramref name="show"/>, titled
    /// <paramref name="title"/>; <paramref name="timeProvider"/> is the clock of the redraw throttle (default: the system clock).
    /// </summary>
    public TrainingMonitor(Action<object> show, string title = "training", TrainingMonitorView view = TrainingMonitorView.Figure,
        TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(show);
        if (!Enum.IsDefined(view)) throw new ArgumentOutOfRangeException(nameof(view), view, "unknown view");
        // Polyglot updates an output in place only when the kernel's handle carries the output's id.
        _show = LiveDisplay.InPlace(show);
        _clock = timeProvider ?? TimeProvider.System;
        Title = title ?? "training";
        View = view;
    }

    /// <summary>The title (changeable between runs).</summary>
    public string Title { get; set; }

    /// <summary>Figure or text.</summary>
    public TrainingMonitorView View { get; }

    /// <summary>Minimum time between two redraws caused by within-epoch progress (default 0.5 s).</summary>
    public TimeSpan MinInterval { get; set; } = TimeSpan.FromSeconds(0.5);

    /// <summary>The epochs reported since the last <see cref="Reset"/>.</summary>
    public IReadOnlyList<EpochReport> Epochs
    {
        get
        {
            lock (_gate) return _epochs.ToArray();
        }
    }

    /// <summary>The latest within-epoch report since the last <see cref="Reset"/>, or null.</summary>
    public TrainingProgress? LastProgress
    {
        get
        {
            lock (_gate) return _progress;
        }
    }

    /// <summary>Forgets the epochs so far; the next report starts a new curve titled <paramref name="title"/> (when given).</summary>
    public void Reset(string? title = null)
    {
        lock (_gate)
        {
            _epochs.Clear();
            _progress = null;
            if (title is not null) Title = title;
        }
    }

    /// <summary>Adds the epoch and redraws.</summary>
    public void Report(EpochReport value)
    {
        ArgumentNullException.ThrowIfNull(value);
        lock (_gate) _epochs.Add(value);
        Show(force: true);
    }

    /// <summary>Updates the status line; redraws at most once per <see cref="MinInterval"/>, and always when the run ends.</summary>
    public void Report(TrainingProgress value)
    {
        ArgumentNullException.ThrowIfNull(value);
        lock (_gate) _progress = value;
        Show(force: value.Stage != TrainingStage.Training);
    }

    /// <summary>
    /// The one-line status: the epoch and batch in progress with the running loss and accuracy (or the last finished
    /// epoch's values), the last validation accuracy, the time so far and the estimated time left (or how the run ended).
    /// Empty before the first report.
    /// </summary>
    public string Status
    {
        get
        {
            lock (_gate) return StatusCore();
        }
    }

    /// <summary>The figure of the epochs so far, the status line under the title.</summary>
    public Figure Current()
    {
        lock (_gate)
        {
            string status = StatusCore();
            string title = status.Length == 0 ? Title : $"{Title}<br><span style=\"font-size:12px\">{status}</span>";
            return Figure.TrainingCurves(_epochs, title).WithSize(null, 360)
                .WithLayout("margin", new System.Text.Json.Nodes.JsonObject { ["t"] = 90 });
        }
    }

    /// <summary>The text view: the title, then the status line.</summary>
    public string CurrentText()
    {
        lock (_gate)
        {
            string status = StatusCore();
            return status.Length == 0 ? Title : Title + Environment.NewLine + status;
        }
    }

    private void Show(bool force)
    {
        long now = _clock.GetTimestamp();
        lock (_gate)
        {
            if (!force && _lastShown is long last && _clock.GetElapsedTime(last, now) < MinInterval) return;
            _lastShown = now;
        }
        _show(View == TrainingMonitorView.Text ? CurrentText() : Current());
    }

    private string StatusCore()
    {
        var ci = CultureInfo.InvariantCulture;
        var p = _progress;
        var e = _epochs.Count > 0 ? _epochs[^1] : null;
        if (p is null && e is null) return "";
        var parts = new List<string>();
        bool inEpoch = p is not null && (e is null || p.Epoch > e.Epoch);
        if (inEpoch)
        {
            parts.Add(string.Create(ci, $"epoch {p!.Epoch}/{p.TotalEpochs}"));
            parts.Add(string.Create(ci, $"batch {p.Batch}/{p.TotalBatches}"));
            parts.Add(string.Create(ci, $"loss {p.Loss:F3}"));
            parts.Add(string.Create(ci, $"acc {p.Accuracy * 100:F1}%"));
            if (e is not null && !double.IsNaN(e.ValAccuracy)) parts.Add(string.Create(ci, $"val acc {e.ValAccuracy * 100:F1}% (epoch {e.Epoch})"));
        }
        else
        {
            parts.Add(string.Create(ci, $"epoch {e!.Epoch}/{e.TotalEpochs}"));
            parts.Add(string.Create(ci, $"loss {e.TrainLoss:F3}"));
            parts.Add(string.Create(ci, $"acc {e.TrainAccuracy * 100:F1}%"));
            if (!double.IsNaN(e.ValAccuracy)) parts.Add(string.Create(ci, $"val acc {e.ValAccuracy * 100:F1}%"));
        }
        TimeSpan elapsed = p?.Elapsed ?? TimeSpan.FromTicks(_epochs.Sum(r => r.Elapsed.Ticks));
        string time = TrainingProgress.FormatDuration(elapsed);
        switch (p?.Stage)
        {
            case TrainingStage.Finished:
                parts.Add($"finished in {time}");
                break;
            case TrainingStage.StoppedEarly:
                parts.Add($"stopped early after {time}");
                break;
            case TrainingStage.Cancelled:
                parts.Add($"cancelled after {time}");
                break;
            default:
                TimeSpan left = p?.RunTimeLeft
                    ?? TimeSpan.FromTicks((long)(_epochs.Average(r => (double)r.Elapsed.Ticks) * Math.Max(0, e!.TotalEpochs - e.Epoch)));
                parts.Add($"{time} elapsed");
                parts.Add($"about {TrainingProgress.FormatDuration(left)} left");
                break;
        }
        return string.Join(" · ", parts);
    }
}
