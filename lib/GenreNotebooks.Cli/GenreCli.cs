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
    public static int Run(string[] args, TextWriter? output = null, TextWriter? error = null)
    {
        var config = new InvocationConfiguration
        {
            Output = output ?? Console.Out,
            Error = error ?? Console.Error,
        };
        return CreateRoot().Parse(args).Invoke(config);
    }
}
