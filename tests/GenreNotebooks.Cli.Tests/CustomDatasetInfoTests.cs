using GenreNotebooks.Audio;
using GenreNotebooks.Cli;

namespace GenreNotebooks.Cli.Tests;

public sealed class CustomDatasetInfoTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("genre-cli-custom-").FullName;
    private int _value;

    public void Dispose() => Directory.Delete(_dir, true);

    private static (int Code, string Out, string Err) Run(params string[] args)
    {
        var o = new StringWriter();
        var e = new StringWriter();
        int code = GenreCli.Run(args, o, e);
        return (code, o.ToString(), e.ToString());
    }

    /// <summary>A WAV of <paramref name="seconds"/> holding a constant that no other file of the test has.</summary>
    private string Wav(string relative, double seconds = 3.5)
    {
        var path = Path.Combine(_dir, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        float v = 0.01f + 0.003f * _value++;
        WavWriter.Write(path, new AudioSignal(Enumerable.Repeat(v, (int)(seconds * 22050)).ToArray(), 22050));
        return path;
    }

    [Fact]
    public void A_clean_custom_folder_lists_genres_counts_and_the_balance_table_and_exits_0()
    {
        for (int i = 0; i < 3; i++) Wav($"clean/rap/r{i}.wav");
        for (int i = 0; i < 4; i++) Wav($"clean/Brazilian Funk/b{i}.wav", 6.5);
        var (code, output, error) = Run("dataset", "info", "--root", Path.Combine(_dir, "clean"), "--min-tracks", "3", "--balance", "weights");
        Assert.True(code == 0, error);
        Assert.Equal("", error);
        Assert.Contains("custom genre folders at", output);
        Assert.Contains("7 usable tracks in 2 genres (at least 3 per genre, 3-s clips", output);
        Assert.Contains("rap 3, brazilian_funk 4", output);
        Assert.Contains("no problems found", output);
        Assert.Matches(@"brazilian_funk\s+4\s+8\s+4\s+8\s+0\.688", output);   // 11 clips / (2 x 8)
        Assert.Matches(@"rap\s+3\s+3\s+3\s+3\s+1\.833", output);              // 11 clips / (2 x 3)
    }

    [Fact]
    public void Skipped_items_are_named_on_stderr_with_exit_code_2()
    {
        for (int i = 0; i < 3; i++) Wav($"mine/rap/r{i}.wav");
        Wav("mine/Hip-Hop/h0.wav");
        Wav("mine/hiphop/h1.wav");
        Wav("mine/hip_hop/h2.wav");
        Wav("mine/polka/p0.wav");
        Wav("mine/rap/intro.wav", 1.0);
        File.WriteAllText(Path.Combine(_dir, "mine/rap/broken.wav"), "not audio");
        File.Copy(Path.Combine(_dir, "mine/Hip-Hop/h0.wav"), Path.Combine(_dir, "mine/rap/h0 copy.wav"));

        var (code, output, error) = Run("dataset", "info", "--root", Path.Combine(_dir, "mine"), "--min-tracks", "3", "--balance", "undersample", "--seed", "5");
        Assert.True(code == 2, $"exit {code}\n{output}\n{error}");
        var skipped = error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(4, skipped.Length);
        Assert.All(skipped, line => Assert.StartsWith("skipped: excluded, ", line));
        Assert.Contains(skipped, l => l.Contains("too few tracks: genre 'polka' has 1 usable track(s)") && l.Contains("'polka/p0.wav'"));
        Assert.Contains(skipped, l => l.Contains("unreadable: 'rap/broken.wav'"));
        Assert.Contains(skipped, l => l.Contains("too short: 'rap/intro.wav'") && l.Contains("1.00 s"));
        Assert.Contains(skipped, l => l.Contains("duplicate: 'rap/h0 copy.wav' is byte-identical to 'Hip-Hop/h0.wav'") && l.Contains("kept 'Hip-Hop/h0.wav'"));

        Assert.Contains("6 usable tracks in 2 genres", output);
        Assert.Contains("hiphop 3, rap 3", output);
        Assert.Contains("note, genre name collision: folders 'Hip-Hop/', 'hip_hop/', 'hiphop/' name the same genre", output);
        Assert.Contains("undersampled to the smallest genre: 3 tracks per genre, seed 5", output);
    }

    [Fact]
    public void Nothing_usable_exits_1_and_bad_options_are_refused()
    {
        File.WriteAllText(Path.Combine(Directory.CreateDirectory(Path.Combine(_dir, "bad", "rap")).FullName, "a.wav"), "not audio");
        var (code, _, error) = Run("dataset", "info", "--root", Path.Combine(_dir, "bad"));
        Assert.Equal(1, code);
        Assert.Contains("skipped: excluded, unreadable: 'rap/a.wav'", error);
        Assert.Contains("No GTZAN found and no usable custom genre folders", error);

        (code, _, error) = Run("dataset", "info", "--root", Path.Combine(_dir, "bad"), "--custom");
        Assert.Equal(1, code);
        Assert.Contains("genre dataset info: no usable custom genre folders", error);

        Wav("ok/rap/r0.wav");
        foreach (var (option, value, message) in new[]
        {
            ("--balance", "sideways", "--balance must be none, undersample or weights (got 'sideways')"),
            ("--min-tracks", "0", "--min-tracks must be at least 1 (got 0)"),
            ("--clip-seconds", "0.1", "--clip-seconds must be between 0.5 and 30 (got 0.1)"),
        })
        {
            (code, _, error) = Run("dataset", "info", "--root", Path.Combine(_dir, "ok"), option, value);
            Assert.Equal(1, code);
            Assert.Contains(message, error);
        }
    }

    [Fact]
    public async Task A_cancelled_check_exits_130()
    {
        for (int i = 0; i < 3; i++) Wav($"cancel/rap/r{i}.wav");
        var o = new StringWriter();
        var e = new StringWriter();
        int code = await GenreCli.RunAsync(["dataset", "info", "--root", Path.Combine(_dir, "cancel")], o, e, new CancellationToken(canceled: true));
        Assert.Equal(130, code);
        Assert.Contains("cancelled", e.ToString());
    }

    [Fact]
    public void Nine_second_clips_exclude_shorter_tracks()
    {
        for (int i = 0; i < 2; i++) Wav($"nine/rap/long{i}.wav", 9.5);
        Wav("nine/rap/short.wav", 6.0);
        var (code, output, error) = Run("dataset", "info", "--root", Path.Combine(_dir, "nine"), "--min-tracks", "2", "--clip-seconds", "9");
        Assert.Equal(2, code);
        Assert.Contains("too short: 'rap/short.wav' (track rap.short) is 6.00 s, shorter than one 9-s clip (198450 samples at 22050 Hz)", error);
        Assert.Contains("2 usable tracks in 1 genre (at least 2 per genre, 9-s clips", output);
    }
}
