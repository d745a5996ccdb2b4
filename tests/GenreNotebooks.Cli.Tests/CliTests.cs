using GenreNotebooks.Cli;
using GenreNotebooks.Cli.Bench;

namespace GenreNotebooks.Cli.Tests;

public class CliTests
{
    [Fact]
    public void Help_lists_the_subcommands_and_exits_zero()
    {
        var output = new StringWriter();
        int code = GenreCli.Run(["--help"], output);
        Assert.Equal(0, code);
        Assert.Contains("bench", output.ToString());
    }

    [Fact]
    public void Unknown_subcommand_fails_with_a_message()
    {
        var output = new StringWriter();
        var error = new StringWriter();
        int code = GenreCli.Run(["no-such-command"], output, error);
        Assert.NotEqual(0, code);
        Assert.Contains("no-such-command", error.ToString() + output.ToString());
    }

    [Fact]
    public void Bench_result_median_is_the_middle_value()
    {
        var r = new BenchResult("x", [5.0, 1.0, 3.0, 2.0, 4.0]);
        Assert.Equal(3.0, r.Median);
        Assert.Equal(1.0, r.Min);
        Assert.Equal(5.0, r.Max);
        Assert.Equal(2.5, new BenchResult("y", [1.0, 2.0, 3.0, 4.0]).Median);
    }
}
