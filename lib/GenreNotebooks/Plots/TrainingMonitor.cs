using System.Globalization;
using GenreNotebooks.Training;

namespace GenreNotebooks.Plots;

/// <summary>
/// Live training progress for a notebook: an <see cref="IProgress{T}"/> of <see cref="EpochReport"/> that, after every
/// epoch and on the training thread (no reordering, unlike <see cref="Progress{T}"/>), redraws the training curves so
/// far through a callback, typically the <c>Update</c> of a notebook <c>display(...)</c> handle:
/// <code>var live = display("training ...");
/// var monitor = new TrainingMonitor(live.Update, "DTU MLP");</code>
/// The figure's title carries the latest epoch line. Several runs may report to one monitor in turn;
/// <see cref="Reset"/> starts a new curve. Taught in notebooks/04-feature-networks-and-cross-validation and
/// notebooks/05-cnn-on-mel-spectrograms.
/// </summary>
public sealed class TrainingMonitor : IProgress<EpochReport>
{
    private readonly Action<object> _show;
    private readonly List<EpochReport> _epochs = [];
    private readonly object _gate = new();

    /// <summary>A monitor that shows its figure through <paramref name="show"/>, titled <paramref name="title"/>.</summary>
    public TrainingMonitor(Action<object> show, string title = "training")
    {
        ArgumentNullException.ThrowIfNull(show);
        _show = show;
        Title = title ?? "training";
    }

    /// <summary>The figure's title prefix (changeable between runs).</summary>
    public string Title { get; set; }

    /// <summary>The epochs reported since the last <see cref="Reset"/>.</summary>
    public IReadOnlyList<EpochReport> Epochs
    {
        get
        {
            lock (_gate) return _epochs.ToArray();
        }
    }

    /// <summary>Forgets the epochs so far; the next report starts a new curve titled <paramref name="title"/> (when given).</summary>
    public void Reset(string? title = null)
    {
        lock (_gate)
        {
            _epochs.Clear();
            if (title is not null) Title = title;
        }
    }

    /// <summary>Adds the epoch and redraws.</summary>
    public void Report(EpochReport value)
    {
        ArgumentNullException.ThrowIfNull(value);
        Figure figure;
        lock (_gate)
        {
            _epochs.Add(value);
            figure = Current();
        }
        _show(figure);
    }

    /// <summary>The figure of the epochs so far.</summary>
    public Figure Current()
    {
        lock (_gate)
        {
            var last = _epochs.Count > 0 ? _epochs[^1] : null;
            string line = "";
            if (last is not null)
            {
                string val = double.IsNaN(last.ValAccuracy) ? "" : string.Create(CultureInfo.InvariantCulture, $", val acc {last.ValAccuracy:P0}");
                line = string.Create(CultureInfo.InvariantCulture,
                    $" · epoch {last.Epoch}/{last.TotalEpochs}: loss {last.TrainLoss:F3}, acc {last.TrainAccuracy:P0}{val} ({last.Elapsed.TotalSeconds:F1} s)");
            }
            return Figure.TrainingCurves(_epochs, Title + line).WithSize(null, 340);
        }
    }
}
