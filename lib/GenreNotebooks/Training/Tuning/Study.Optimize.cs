using System.Diagnostics;

namespace GenreNotebooks.Training.Tuning;

public sealed partial class Study
{
    private Trial? _running;
    private bool _optimizing;
    private bool _stopRequested;

    /// <summary>
    /// Runs the objective trial after trial (Optuna's <c>study.optimize(func, n_trials, timeout, catch, callbacks)</c>)
    /// until <paramref name="nTrials"/> trials have run in this call, <paramref name="timeout"/> has passed (checked
    /// before each trial), a callback calls <see cref="Stop"/>, or <paramref name="cancellationToken"/> is cancelled.
    /// <list type="bullet">
    /// <item>The objective returns the trial's value (NaN makes the trial fail), throws
    /// <see cref="TrialPrunedException"/> to be pruned, or throws anything else to fail: the error is recorded and, with
    /// <paramref name="catchExceptions"/> (the default), the study goes on; without it the exception is rethrown after
    /// the trial is saved (Optuna's default).</item>
    /// <item>A trial left <see cref="TrialState.Interrupted"/> by an earlier run is run first, under its own number;
    /// new trials take the next numbers. Each counts toward <paramref name="nTrials"/>.</item>
    /// <item>Cancellation: between trials the study stops before the next one; during a trial it stops as soon as the
    /// objective observes <see cref="Trial.CancellationToken"/> (throwing <see cref="OperationCanceledException"/>),
    /// and records that trial as interrupted; an objective that ignores the token finishes its trial first. Then the
    /// study is saved and <see cref="OperationCanceledException"/> is thrown.</item>
    /// <item>Each <paramref name="callbacks"/> entry is called after every complete, pruned or failed trial, with the
    /// study and the trial's record, after the trial has been saved (Optuna's callbacks; see <see cref="MaxTrialsCallback"/>).</item>
    /// </list>
    /// </summary>
    /// <param name="objective">Evaluates one trial; returns the value to minimise or maximise.</param>
    /// <param name="nTrials">Trials to run in this call; null for no limit.</param>
    /// <param name="timeout">No new trial starts after this much time; null for no limit.</param>
    /// <param name="callbacks">Called after every finished trial.</param>
    /// <param name="catchExceptions">Record a throwing objective as a failed trial and go on (default), or rethrow.</param>
    /// <param name="cancellationToken">Stops the study (Ctrl+C); also handed to each trial.</param>
    /// <exception cref="ArgumentOutOfRangeException">A negative nTrials or a timeout that is not positive.</exception>
    /// <exception cref="InvalidOperationException">Optimize is already running on this study.</exception>
    /// <exception cref="OperationCanceledException">The token was cancelled; the study is saved.</exception>
    public void Optimize(Func<Trial, double> objective, int? nTrials = null, TimeSpan? timeout = null,
        IEnumerable<Action<Study, FrozenTrial>>? callbacks = null, bool catchExceptions = true, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(objective);
        if (nTrials is int n) ArgumentOutOfRangeException.ThrowIfNegative(n, nameof(nTrials));
        if (timeout is TimeSpan span && span <= TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(timeout), span, "timeout must be positive.");
        if (_optimizing) throw new InvalidOperationException("Optimize is already running on this study; it cannot be called from inside an objective or a callback.");
        var callbackList = callbacks?.ToList() ?? [];
        _optimizing = true;
        _stopRequested = false;
        try
        {
            long started = _clock.GetTimestamp();
            for (int run = 0; ; run++)
            {
                if (_stopRequested) break;
                if (nTrials is int limit && run >= limit) break;
                if (timeout is TimeSpan t && _clock.GetElapsedTime(started) >= t) break;
                cancellationToken.ThrowIfCancellationRequested();
                var record = RunTrial(objective, catchExceptions, cancellationToken);
                foreach (var callback in callbackList) callback(this, record);
            }
        }
        finally
        {
            _optimizing = false;
            _running = null;
        }
    }

    /// <summary>Asks a running <see cref="Optimize"/> to start no further trial (Optuna's <c>study.stop()</c>), e.g. from a callback.</summary>
    /// <exception cref="InvalidOperationException">Optimize is not running.</exception>
    public void Stop()
    {
        if (!_optimizing) throw new InvalidOperationException("Stop is for a running Optimize (call it from a callback or the objective).");
        _stopRequested = true;
    }

    /// <summary>The number the next trial takes: the first interrupted trial's, else the next free one.</summary>
    private int NextTrialNumber()
    {
        var interrupted = _trials.FirstOrDefault(t => t.State == TrialState.Interrupted);
        return interrupted?.Number ?? _trials.Count;
    }

    private FrozenTrial RunTrial(Func<Trial, double> objective, bool catchExceptions, CancellationToken cancellationToken)
    {
        int number = NextTrialNumber();
        var trial = new Trial(this, number, _clock.GetUtcNow(), cancellationToken);
        var startRecord = trial.Freeze(TrialState.Running, null, null, null);
        if (number < _trials.Count) _trials[number] = startRecord;
        else _trials.Add(startRecord);
        _running = trial;
        Persist();

        TrialState state;
        double? value = null;
        string? reason = null;
        Exception? rethrow = null;
        try
        {
            double v = objective(trial);
            if (double.IsNaN(v))
            {
                state = TrialState.Fail;
                reason = "The objective returned NaN.";
            }
            else
            {
                state = TrialState.Complete;
                value = v;
            }
        }
        catch (TrialPrunedException)
        {
            state = TrialState.Pruned;
            if (trial.IntermediateValues.Count > 0)
            {
                double last = trial.IntermediateValues[trial.IntermediateValues.Keys.Max()];
                if (!double.IsNaN(last)) value = last;
            }
        }
        catch (OperationCanceledException e) when (cancellationToken.IsCancellationRequested)
        {
            state = TrialState.Interrupted;
            reason = trial.IntermediateValues.Count > 0
                ? $"Cancelled after step {trial.IntermediateValues.Keys.Max()}; the trial runs again when the study is resumed."
                : "Cancelled; the trial runs again when the study is resumed.";
            rethrow = e;
        }
        catch (Exception e)
        {
            state = TrialState.Fail;
            reason = $"{e.GetType().Name}: {e.Message}";
            if (!catchExceptions) rethrow = e;
        }
        trial.Finish();
        var record = trial.Freeze(state, value, _clock.GetUtcNow(), reason);
        _trials[number] = record;
        _running = null;
        Persist();
        if (rethrow is not null) System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(rethrow).Throw();
        Debug.Assert(record.State != TrialState.Running);
        return record;
    }
}
