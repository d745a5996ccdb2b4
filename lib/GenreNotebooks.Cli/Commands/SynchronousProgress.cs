namespace GenreNotebooks.Cli.Commands;

/// <summary>
/// Reports on the calling thread, one report at a time (<see cref="Progress{T}"/> would post to the thread pool and
/// reorder the lines a command prints while parallel work reports).
/// </summary>
internal sealed class SynchronousProgress<T>(Action<T> report) : IProgress<T>
{
    private readonly object _gate = new();

    public void Report(T value)
    {
        lock (_gate) report(value);
    }
}
