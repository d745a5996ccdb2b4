using System.CommandLine;
using GenreNotebooks.Datasets.Synthesis;

namespace GenreNotebooks.Cli.Bench;

/// <summary>
/// <c>genre bench synth</c>: times rendering one 30-s, 22050 Hz synthetic track per genre on one thread (median over
/// runs with different track indices), and the mean over all genres.
/// </summary>
internal static class SynthBench
{
    public static Command CreateCommand()
    {
        var runs = new Option<int>("--runs") { Description = "Timed runs per genre.", DefaultValueFactory = _ => 5 };
        var genres = new Option<string>("--genres") { Description = "Comma-separated genres (default: all with a recipe)." };
        var command = new Command("synth", "Time rendering a 30-s synthetic track per genre (one thread, medians).");
        command.Options.Add(runs);
        command.Options.Add(genres);
        command.SetAction(parse =>
        {
            var output = parse.InvocationConfiguration.Output;
            int n = parse.GetValue(runs);
            var list = parse.GetValue(genres)?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) ?? GenreRecipes.All.ToArray();
            if (n <= 0 || list.Any(g => !GenreRecipes.Contains(g)))
            {
                parse.InvocationConfiguration.Error.WriteLine($"genre bench synth: --runs must be positive and genres known ({string.Join(", ", GenreRecipes.All)})");
                return 1;
            }
            var results = new List<BenchResult>();
            foreach (var g in list)
            {
                int index = 0;
                results.Add(BenchTimer.Measure($"{g} (30 s track)", () => SyntheticGenres.Generate(g, index++, 1), n, warmup: 1));
            }
            BenchTimer.Print(output, results);
            output.WriteLine($"mean of medians: {results.Average(r => r.Median):F3} s per 30-s track");
            return 0;
        });
        return command;
    }
}
