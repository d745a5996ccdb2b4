namespace GenreNotebooks.Cli.Commands;

/// <summary>Exit codes every <c>genre</c> command uses (README, "Other commands").</summary>
internal static class ExitCodes
{
    /// <summary>Done, nothing skipped.</summary>
    public const int Ok = 0;

    /// <summary>Nothing useful done: bad arguments or input, or a run that failed (e.g. a notebook cell).</summary>
    public const int Failed = 1;

    /// <summary>Done, but some inputs were skipped; each is named on stderr.</summary>
    public const int Partial = 2;

    /// <summary>Stopped by Ctrl+C (SIGINT): 128 + 2, the shell convention.</summary>
    public const int Cancelled = 130;
}
