using System.CommandLine;
using System.Diagnostics;
using GenreNotebooks.Datasets;
using GenreNotebooks.Datasets.Synthesis;

namespace GenreNotebooks.Cli.Commands;

/// <summary>
/// <c>genre dataset synth --out &lt;dir&gt; [--genres blues,classical,...] [--tracks-per-genre N] [--seed S] [--seconds 30]</c>:
/// writes synthetic GTZAN-shaped music in the Kaggle layout; <c>genre dataset info [--root dir] [--custom]</c>: lists
/// a GTZAN copy (or a custom genre folder) with counts, missing tracks and warnings. Exit code 0 on success, 1 on bad input.
/// </summary>
internal static class DatasetCommand
{
    public static Command Create()
    {
        var dataset = new Command("dataset", "Generate the synthetic dataset or inspect GTZAN / custom genre folders.");
        dataset.Subcommands.Add(Synth());
        dataset.Subcommands.Add(Info());
        return dataset;
    }

    private static Command Synth()
    {
        var output = new Option<string>("--out") { Description = "Output folder (gets genres_original/<genre>/<genre>.000NN.wav).", Required = true };
        var genres = new Option<string>("--genres") { Description = $"Comma-separated genres (default: the 10 GTZAN genres). Known: {string.Join(",", GenreRecipes.All)}." };
        var perGenre = new Option<int>("--tracks-per-genre") { Description = "Tracks per genre.", DefaultValueFactory = _ => 100 };
        var seed = new Option<int>("--seed") { Description = "Seed; same seed, same bytes.", DefaultValueFactory = _ => SyntheticDataset.DefaultSeed };
        var seconds = new Option<double>("--seconds") { Description = "Track length in seconds.", DefaultValueFactory = _ => 30.0 };
        var command = new Command("synth", "Write synthetic GTZAN-shaped tracks (30 s, 22050 Hz, mono, 16-bit WAV) in the Kaggle layout.");
        command.Options.Add(output);
        command.Options.Add(genres);
        command.Options.Add(perGenre);
        command.Options.Add(seed);
        command.Options.Add(seconds);
        command.SetAction(parse =>
        {
            var stdout = parse.InvocationConfiguration.Output;
            var stderr = parse.InvocationConfiguration.Error;
            var list = (parse.GetValue(genres) ?? string.Join(",", GenreRecipes.Gtzan))
                .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(g => g.ToLowerInvariant()).ToArray();
            var unknown = list.Where(g => !GenreRecipes.Contains(g)).ToArray();
            if (list.Length == 0 || unknown.Length > 0)
            {
                stderr.WriteLine($"genre dataset synth: unknown genre(s) {string.Join(", ", unknown.Select(u => $"'{u}'"))}. Known genres: {string.Join(", ", GenreRecipes.All)}.");
                return 1;
            }
            int n = parse.GetValue(perGenre);
            double sec = parse.GetValue(seconds);
            if (n <= 0)
            {
                stderr.WriteLine($"genre dataset synth: --tracks-per-genre must be positive (got {n}).");
                return 1;
            }
            if (!(sec > 0 && sec <= 600))
            {
                stderr.WriteLine($"genre dataset synth: --seconds must be in (0, 600] (got {sec.ToString(System.Globalization.CultureInfo.InvariantCulture)}).");
                return 1;
            }
            string outDir = parse.GetValue(output)!;
            try
            {
                var sw = Stopwatch.StartNew();
                int step = Math.Max(1, list.Length * n / 20);
                var progress = new SynchronousProgress<SynthesisProgress>(p =>
                {
                    if (p.Done % step == 0 || p.Done == p.Total) stdout.WriteLine($"  {p.Done}/{p.Total} tracks");
                });
                var paths = SyntheticDataset.Generate(outDir, list, n, parse.GetValue(seed), progress, sec);
                SyntheticDataset.WriteMarker(outDir, list, n, parse.GetValue(seed), sec);
                stdout.WriteLine($"wrote {paths.Count} synthetic tracks ({list.Length} genres x {n}, seed {parse.GetValue(seed)}) to {Path.Combine(outDir, "genres_original")} in {sw.Elapsed.TotalSeconds:F1} s");
                return 0;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
            {
                stderr.WriteLine($"genre dataset synth: {ErrorText.Of(e)}");
                return 1;
            }
        });
        return command;
    }

    private static Command Info()
    {
        var root = new Option<string>("--root") { Description = "Folder to read (default: datasets/gtzan)." };
        var custom = new Option<bool>("--custom") { Description = "Read <root>/<genre>/*.<audio> as custom genre folders instead of GTZAN." };
        var command = new Command("info", "List a GTZAN copy or custom genre folders: counts per genre, missing tracks, warnings.");
        command.Options.Add(root);
        command.Options.Add(custom);
        command.SetAction(parse =>
        {
            var stdout = parse.InvocationConfiguration.Output;
            var stderr = parse.InvocationConfiguration.Error;
            try
            {
                string? r = parse.GetValue(root);
                var ds = parse.GetValue(custom) ? CustomGenres.Read(r ?? ".") : GtzanReader.Read(r);
                stdout.WriteLine(ds.Summary());
                return 0;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
            {
                stderr.WriteLine($"genre dataset info: {ErrorText.Of(e)}");
                return 1;
            }
        });
        return command;
    }
}
