using GenreNotebooks.Cli;

namespace GenreNotebooks.Cli.Tests;

public class DatasetCommandTests
{
    private static (int Code, string Out, string Err) Run(params string[] args)
    {
        var o = new StringWriter();
        var e = new StringWriter();
        int code = GenreCli.Run(args, o, e);
        return (code, o.ToString(), e.ToString());
    }

    [Fact]
    public void Synth_writes_the_kaggle_layout_for_the_requested_genres()
    {
        var dir = Directory.CreateTempSubdirectory("genre-cli-synth-").FullName;
        try
        {
            var (code, output, error) = Run("dataset", "synth", "--out", dir, "--genres", "Blues,rap", "--tracks-per-genre", "2", "--seed", "3", "--seconds", "1.5");
            Assert.True(code == 0, error);
            Assert.Contains("wrote 4 synthetic tracks", output);
            foreach (var f in new[] { "blues/blues.00000.wav", "blues/blues.00001.wav", "rap/rap.00000.wav", "rap/rap.00001.wav" })
                Assert.True(File.Exists(Path.Combine(dir, "genres_original", f)), f);
            Assert.Equal(44 + 2 * 33075, new FileInfo(Path.Combine(dir, "genres_original", "rap", "rap.00001.wav")).Length);
        }
        finally { Directory.Delete(dir, true); }
    }

    [Fact]
    public void Synth_with_a_set_writes_BUs_genres_and_says_which_paper_names_they_stand_for()
    {
        var dir = Directory.CreateTempSubdirectory("genre-cli-synth-set-").FullName;
        try
        {
            var (code, output, error) = Run("dataset", "synth", "--out", dir, "--set", "bu-14", "--tracks-per-genre", "1", "--seconds", "0.5");
            Assert.True(code == 0, error);
            Assert.Contains("wrote 14 synthetic tracks (14 genres x 1", output);
            Assert.Contains("classical (Classic)", output);
            Assert.Contains("hiphop (Hip-Hop)", output);
            Assert.Contains("kpop (K-Pop)", output);
            var genres = Directory.GetDirectories(Path.Combine(dir, "genres_original")).Select(d => Path.GetFileName(d)!).Order(StringComparer.Ordinal).ToArray();
            Assert.Equal(["classical", "country", "edm", "flamenco", "hiphop", "indie", "jazz", "kpop", "latin", "metal", "pop", "rap", "reggae", "rock"], genres);
            Assert.Contains("\"kpop\"", File.ReadAllText(Path.Combine(dir, "synthetic-dataset.json")));

            (code, output, error) = Run("dataset", "synth", "--out", dir, "--set", "GTZAN-9", "--tracks-per-genre", "1", "--seconds", "0.5");
            Assert.True(code == 0, error);
            Assert.Contains("wrote 9 synthetic tracks", output);
            Assert.DoesNotContain("jazz", File.ReadAllText(Path.Combine(dir, "synthetic-dataset.json")));
        }
        finally { Directory.Delete(dir, true); }
    }

    [Fact]
    public void Synth_rejects_an_unknown_set_and_a_set_with_genres()
    {
        var dir = Path.Combine(Path.GetTempPath(), "genre-cli-never-" + Guid.NewGuid().ToString("N"));
        var (code, _, error) = Run("dataset", "synth", "--out", dir, "--set", "bu-15");
        Assert.Equal(1, code);
        Assert.Contains("Unknown genre set 'bu-15'", error);
        Assert.Contains("gtzan-9, bu-11, bu-14", error);
        Assert.DoesNotContain("Parameter", error);
        (code, _, error) = Run("dataset", "synth", "--out", dir, "--set", "bu-11", "--genres", "rap");
        Assert.Equal(1, code);
        Assert.Contains("either --genres or --set", error);
        Assert.False(Directory.Exists(dir));
    }

    [Fact]
    public void Synth_with_an_unknown_genre_fails_listing_the_known_ones()
    {
        var dir = Path.Combine(Path.GetTempPath(), "genre-cli-never-" + Guid.NewGuid().ToString("N"));
        var (code, _, error) = Run("dataset", "synth", "--out", dir, "--genres", "blues,polka");
        Assert.Equal(1, code);
        Assert.Contains("'polka'", error);
        Assert.Contains("Known genres: blues, classical", error);
        Assert.Contains("brazilian_funk", error);
        Assert.False(Directory.Exists(dir));
    }

    [Fact]
    public void Synth_rejects_bad_sizes_and_requires_out()
    {
        Assert.Equal(1, Run("dataset", "synth", "--out", Path.GetTempPath(), "--tracks-per-genre", "0").Code);
        Assert.Contains("--tracks-per-genre must be positive (got 0)", Run("dataset", "synth", "--out", Path.GetTempPath(), "--tracks-per-genre", "0").Err);
        var seconds = Run("dataset", "synth", "--out", Path.GetTempPath(), "--seconds", "-1");
        Assert.Equal(1, seconds.Code);
        Assert.Contains("--seconds must be in (0, 600] (got -1)", seconds.Err);
        Assert.NotEqual(0, Run("dataset", "synth").Code);
    }

    [Fact]
    public void Info_reports_counts_and_warnings_and_fails_clearly_without_gtzan()
    {
        var dir = Directory.CreateTempSubdirectory("genre-cli-info-").FullName;
        try
        {
            Assert.Equal(0, Run("dataset", "synth", "--out", dir, "--genres", "jazz", "--tracks-per-genre", "2", "--seconds", "1").Code);
            File.WriteAllText(Path.Combine(dir, "genres_original", "jazz", "jazz.00054.wav"), "not audio");
            var (code, output, error) = Run("dataset", "info", "--root", dir);
            Assert.True(code == 0, error);
            Assert.Contains("jazz 2", output);
            Assert.Contains("jazz.00054", output);
            Assert.Contains("missing 998 expected tracks", output);

            var empty = Directory.CreateTempSubdirectory("genre-cli-empty-").FullName;
            var (code2, _, error2) = Run("dataset", "info", "--root", empty);
            Directory.Delete(empty);
            Assert.Equal(1, code2);
            Assert.Contains("No GTZAN found", error2);
        }
        finally { Directory.Delete(dir, true); }
    }

    [Fact]
    public void Bench_lists_the_synth_benchmark()
    {
        var (code, output, _) = Run("bench", "--help");
        Assert.Equal(0, code);
        Assert.Contains("synth", output);
    }
}
