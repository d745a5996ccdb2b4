namespace GenreNotebooks.Cli.Tests;

/// <summary>A StringWriter that cancels a token once its text contains <paramref name="trigger"/>, as Ctrl+C would at that moment.</summary>
internal sealed class CancellingWriter(string trigger) : StringWriter
{
    public CancellationTokenSource Source { get; } = new();

    public override void Write(char value)
    {
        base.Write(value);
        Check();
    }

    public override void Write(string? value)
    {
        base.Write(value);
        Check();
    }

    public override void WriteLine(string? value)
    {
        base.WriteLine(value);
        Check();
    }

    private void Check()
    {
        if (!Source.IsCancellationRequested && ToString().Contains(trigger, StringComparison.Ordinal)) Source.Cancel();
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing) Source.Dispose();
        base.Dispose(disposing);
    }
}
