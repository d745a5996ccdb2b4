using System.CommandLine;

namespace GenreNotebooks.Cli.Commands;

/// <summary><c>genre bench ...</c>: the project's benchmarks (medians over repeated runs).</summary>
internal static class BenchCommand
{
    public static Command Create()
    {
        var bench = new Command("bench", "Run a benchmark and print medians (build with -c Release for meaningful numbers).");
        bench.Subcommands.Add(Bench.GemmBench.CreateCommand());
        bench.Subcommands.Add(Bench.SpectralBench.CreateCommand());
        bench.Subcommands.Add(GenreNotebooks.Cli.Bench.NnBench.Create());
        bench.Subcommands.Add(Bench.FeaturesBench.CreateCommand());
        bench.Subcommands.Add(Bench.SynthBench.CreateCommand());
        bench.Subcommands.Add(Bench.DecodeBench.CreateCommand());
        bench.Subcommands.Add(Bench.SegmentsBench.CreateCommand());
        bench.Subcommands.Add(Bench.ClassifyBench.CreateCommand());
        return bench;
    }
}
