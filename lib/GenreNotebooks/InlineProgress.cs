namespace GenreNotebooks;

/// <summary>
/// An <see cref="IProgress{T}"/> that calls its action at once, on the reporting thread. <see cref="Progress{T}"/>
/// posts to the captured synchronisation context, and a notebook cell has none, so its reports would arrive late,
/// out of order, possibly after the cell finished; this one keeps a notebook's live output in step. Reports from
/// several threads are serialised.
/// Taught in notebooks/04-feature-networks-and-cross-validation.
/// </summary>
/// <typeparam name="T">The report type.</typeparam>
public sealed class InlineProgress<T> : IProgress<T>
{
    private readonly Action<T> _report;
    private readonly object _gate = new();

    /// <summary>A progress that runs <paramref name="report"/> for every value.</summary>
    public InlineProgress(Action<T> report)
    {
        ArgumentNullException.ThrowIfNull(report);
        _report = report;
    }

    /// <inheritdoc />
    public void Report(T value)
    {
        lock (_gate) _report(value);
    }
}
