using System.CommandLine;
using GenreNotebooks.Cli.Commands;

namespace GenreNotebooks.Cli;

/// <summary>The <c>genre</c> command line: builds the command tree and runs it.</summary>
public static class GenreCli
{
    /// <summary>Builds the root command with every subcommand.</summary>
    public static RootCommand CreateRoot()
    {
        var root = new RootCommand("genre: music-genre classification tools of GenreNotebooks (DSP, datasets, features, training, notebooks).");
        foreach (var command in CommandCatalog.All()) root.Subcommands.Add(command);
        return root;
    }

    /// <summary>
    /// Parses and runs <paramref name="args"/>; output and errors go to the given writers (console by default),
    /// so tests can run the CLI in-process. Returns the exit code.
    /// </summary>
    public static int Run(string[] args, TextWriter? output = null, TextWriter? error = null) =>
        RunAsync(args, output, error).GetAwaiter().GetResult();

    /// <summary>
    /// Parses and runs <paramref name="args"/> like <see cref="Run"/>. Long commands (<c>train</c>, <c>cv</c>) stop
    /// cleanly at their next step when <paramref name="cancellationToken"/> is cancelled or, in the real process
    /// (console writers), when Ctrl+C or SIGTERM arrives, and return 130.
    /// </summary>
    public static Task<int> RunAsync(string[] args, TextWriter? output = null, TextWriter? error = null, CancellationToken cancellationToken = default)
    {
        var config = new InvocationConfiguration
        {
            Output = output ?? Console.Out,
            Error = error ?? Console.Error,
            // Ctrl+C cancels the command's token; a command that has not stopped within this time is abandoned with 130.
            ProcessTerminationTimeout = output is null && error is null ? TimeSpan.FromSeconds(10) : null,
        };
        return CreateRoot().Parse(args).InvokeAsync(config, cancellationToken);
    }
}
