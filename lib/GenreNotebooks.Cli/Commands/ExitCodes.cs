namespace GenreNotebooks.Cli.Commands;

/// <summary>Exit codes the commands share.</summary>
internal static class ExitCodes
{
    /// <summary>Stopped by Ctrl+C (SIGINT): 128 + 2, the shell convention.</summary>
    public const int Cancelled = 130;
}
