namespace GenreNotebooks.Cli.Tests;

/// <summary>Runs <c>genre</c> in the test process and returns its exit code, standard output and standard error.</summary>
internal static class CliRun
{
    public static (int Code, string Output, string Error) RunCli(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        int code = GenreCli.Run(args, output, error);
        return (code, output.ToString(), error.ToString());
    }
}
