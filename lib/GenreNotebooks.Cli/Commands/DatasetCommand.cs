using System.CommandLine;
using System.Diagnostics;
using GenreNotebooks.Datasets;
using GenreNotebooks.Datasets.Synthesis;

namespace GenreNotebooks.Cli.Commands;

/// <summary>
/// <c>genre dataset synth --out &lt;dir&gt; [--genres blues,classical,... | --set gtzan-9|bu-11|bu-14] [--tracks-per-genre N] [--seed S] [--seconds 30]</c>:
/// writes synthetic GTZAN-shaped music in the Kaggle layout (<c>--set</c>: one of <see cref="GenreSets"/>, the BU paper's genre sets); <c>genre dataset info [--root dir] [--custom] [--min-tracks N]
/// [--clip-seconds S] [--balance none|undersample|weights] [--seed S]</c>: lists a GTZAN copy with counts, missing tracks and
/// warnings (exit 0), or checks custom genre folders (a folder without the GTZAN layout, or --custom) and prints the genres,
/// track counts, the report and the class-balance table: exit 2 when something was excluded (each named on stderr), 1 when
/// nothing is usable or on bad input.
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
        var set = new Option<string?>("--set") { Description = $"A named genre set instead of --genres: {string.Join(", ", GenreSets.All.Select(x => x.Name))} (BU's GTZAN-9, 11- and 14-genre sets)." };
        var perGenre = new Option<int>("--tracks-per-genre") { Description = "Tracks per genre.", DefaultValueFactory = _ => 100 };
        var seed = new Option<int>("--seed") { Description = "Seed; same seed, same bytes.", DefaultValueFactory = _ => SyntheticDataset.DefaultSeed };
        var seconds = new Option<double>("--seconds") { Description = "Track length in seconds.", DefaultValueFactory = _ => 30.0 };
        var command = new Command("synth", "Write synthetic GTZAN-shaped tracks (30 s, 22050 Hz, mono, 16-bit WAV) in the Kaggle layout.");
        command.Options.Add(output);
        command.Options.Add(genres);
        command.Options.Add(set);
        command.Options.Add(perGenre);
        command.Options.Add(seed);
        command.Options.Add(seconds);
        command.SetAction(parse =>
        {
            var stdout = parse.InvocationConfiguration.Output;
            var stderr = parse.InvocationConfiguration.Error;
            string? setName = parse.GetValue(set);
            if (setName is not null && parse.GetValue(genres) is not null)
            {
                stderr.WriteLine("genre dataset synth: give either --genres or --set, not both.");
                return 1;
            }
            GenreSet? chosen = null;
            if (setName is not null)
            {
                try { chosen = GenreSets.Get(setName); }
                catch (ArgumentException e)
                {
                    stderr.WriteLine($"genre dataset synth: {ErrorText.Of(e)}");
                    return 1;
                }
            }
            var list = chosen is not null ? chosen.Genres.ToArray() : (parse.GetValue(genres) ?? string.Join(",", GenreRecipes.Gtzan))
                .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(GenreSets.Resolve).ToArray();
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
                if (chosen is not null)
                    stdout.WriteLine($"set {chosen.Name}: {chosen.Title}; genres (the paper's name where it differs): " +
                        string.Join(", ", chosen.Genres.Select((g, i) => chosen.PaperNames[i].ToLowerInvariant() == g ? g : $"{g} ({chosen.PaperNames[i]})")));
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
        var root = new Option<string>("--root") { Description = "Folder to read (default: datasets/gtzan). A folder without the GTZAN layout is read as custom genre folders <root>/<genre>/**/*.<audio>." };
        var custom = new Option<bool>("--custom") { Description = "Read <root> as custom genre folders even if it holds a GTZAN layout." };
        var minTracks = new Option<int>("--min-tracks") { Description = "Custom folders: a genre with fewer usable tracks is excluded.", DefaultValueFactory = _ => DatasetCheckOptions.Default.MinTracksPerGenre };
        var clipSeconds = new Option<double>("--clip-seconds") { Description = "Custom folders: clip length; shorter tracks are excluded, clips are counted.", DefaultValueFactory = _ => 3.0 };
        var balance = new Option<string>("--balance") { Description = "Custom folders: the balance table to show: none, undersample (to the smallest genre) or weights (class weights).", DefaultValueFactory = _ => "none" };
        var seed = new Option<int>("--seed") { Description = "Custom folders: seed of the undersampling choice.", DefaultValueFactory = _ => SyntheticDataset.DefaultSeed };
        var command = new Command("info",
            "List a GTZAN copy or custom genre folders: counts per genre, missing tracks, warnings. Custom folders are fully checked " +
            "(unreadable files, duplicates, too-short tracks, small genres, colliding genre names); exit code 2 when something was excluded, 1 when nothing is usable.");
        foreach (var o in new Option[] { root, custom, minTracks, clipSeconds, balance, seed }) command.Options.Add(o);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var stdout = parse.InvocationConfiguration.Output;
            var stderr = parse.InvocationConfiguration.Error;
            try
            {
                string? r = parse.GetValue(root);
                bool asCustom = parse.GetValue(custom) || (r is not null && Directory.Exists(r) && GtzanReader.Find(r) is null);
                if (!asCustom)
                {
                    stdout.WriteLine(GtzanReader.Read(r).Summary());
                    return ExitCodes.Ok;
                }
                // Off the invoking thread, so Ctrl+C stops the check at its next file and System.CommandLine can still end it.
                return await Task.Run(() => CustomInfo(r ?? ".", !parse.GetValue(custom), parse.GetValue(minTracks), parse.GetValue(clipSeconds),
                    parse.GetValue(balance)!, parse.GetValue(seed), stdout, stderr, cancellationToken), CancellationToken.None);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                stderr.WriteLine("genre dataset info: cancelled");
                return ExitCodes.Cancelled;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
            {
                stderr.WriteLine($"genre dataset info: {ErrorText.Of(e)}");
                return ExitCodes.Failed;
            }
        });
        return command;
    }

    private static int CustomInfo(string root, bool detected, int minTracks, double clipSeconds, string balance, int seed, TextWriter stdout, TextWriter stderr,
        CancellationToken cancellationToken)
    {
        var mode = balance.Trim().ToLowerInvariant() switch
        {
            "none" => BalanceMode.None,
            "undersample" => BalanceMode.UndersampleToSmallest,
            "weights" => BalanceMode.ClassWeights,
            _ => throw new ArgumentException($"--balance must be none, undersample or weights (got '{balance}')"),
        };
        if (minTracks < 1) throw new ArgumentException($"--min-tracks must be at least 1 (got {minTracks})");
        if (!(clipSeconds >= 0.5 && clipSeconds <= 30))
            throw new ArgumentException($"--clip-seconds must be between 0.5 and 30 (got {clipSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture)})");
        var options = new DatasetCheckOptions { MinTracksPerGenre = minTracks, Clips = ClipOptions.Seconds(clipSeconds) };
        var checkedSet = CustomGenres.Load(root, options, cancellationToken: cancellationToken);
        stdout.WriteLine(checkedSet.Summary());
        foreach (var issue in checkedSet.Report.Excluded) stderr.WriteLine($"skipped: {issue}");
        if (checkedSet.Tracks.Count == 0)
        {
            stderr.WriteLine("genre dataset info: " + (detected ? "No GTZAN found and no" : "no") + $" usable custom genre folders in '{checkedSet.Dataset.Root}': " +
                $"expected <genre>/ sub-folders of audio (wav, au, mp3, ...) with at least {minTracks} readable, distinct tracks of at least one clip each" +
                (detected ? ", or GTZAN's genres_original/<genre>/ or genres/<genre>/" : ""));
            return ExitCodes.Failed;
        }
        stdout.WriteLine();
        stdout.WriteLine(checkedSet.Balance(mode, seed).ToString());
        return checkedSet.Report.HasExclusions ? ExitCodes.Partial : ExitCodes.Ok;
    }
}
