namespace GenreNotebooks.Training.Tuning;

/// <summary>
/// Stops a study once it holds <see cref="NTrials"/> trials in the given states (Optuna's <c>MaxTrialsCallback</c>):
/// for a study that is resumed, <c>Optimize(objective, callbacks: [new MaxTrialsCallback(37).Invoke])</c> runs to 37
/// trials in all, however many earlier runs made. Default states: complete, pruned and failed (everything that ended).
/// </summary>
public sealed class MaxTrialsCallback
{
    private readonly TrialState[] _states;

    /// <summary>A callback for a total of <paramref name="nTrials"/> trials in <paramref name="states"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">nTrials is negative.</exception>
    public MaxTrialsCallback(int nTrials, params TrialState[] states)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(nTrials);
        NTrials = nTrials;
        _states = states.Length > 0 ? states : [TrialState.Complete, TrialState.Pruned, TrialState.Fail];
    }

    /// <summary>The total number of trials after which the study stops.</summary>
    public int NTrials { get; }

    /// <summary>The states that count.</summary>
    public IReadOnlyList<TrialState> States => _states;

    /// <summary>How many more trials a study needs to reach the total (0 when it has them), for an <c>nTrials</c> argument.</summary>
    public int Remaining(Study study) => Math.Max(0, NTrials - study.GetTrials(_states).Count);

    /// <summary>The callback: calls <see cref="Study.Stop"/> when the study has reached the total.</summary>
    public void Invoke(Study study, FrozenTrial trial)
    {
        ArgumentNullException.ThrowIfNull(study);
        if (study.GetTrials(_states).Count >= NTrials) study.Stop();
    }
}
