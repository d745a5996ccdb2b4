using System.Globalization;
using GenreNotebooks.Cli;

using static GenreNotebooks.Cli.Tests.CliRun;

namespace GenreNotebooks.Cli.Tests;

public class TrainClassifyCommandTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), $"genre-train-{Guid.NewGuid():N}");

    public TrainClassifyCommandTests() => Directory.CreateDirectory(_dir);

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Synth(string genres, int tracks, double seconds)
    {
        string data = Path.Combine(_dir, "data");
        var (code, _, error) = RunCli("dataset", "synth", "--out", data, "--genres", genres, "--tracks-per-genre", tracks.ToString(CultureInfo.InvariantCulture),
            "--seconds", seconds.ToString(CultureInfo.InvariantCulture));
        Assert.True(code == 0, error);
        return data;
    }

    [Fact]
    public void Train_prints_epochs_and_the_test_report_saves_weights_and_classify_draws_the_bars()
    {
        string data = Synth("classical,metal", tracks: 4, seconds: 6);
        string weights = Path.Combine(_dir, "model.safetensors");
        var (code, output, error) = RunCli("train", "--data", data, "--model", "bu-fewer-layers", "--epochs", "2", "--seed", "3",
            "--pool", "2", "--out", weights, "--cache", Path.Combine(_dir, "cache"));
        Assert.True(code == 0, error + output);
        Assert.Contains("SYNTHETIC", output);
        Assert.Contains("split by track: train 12, validation 2, test 2", output);  // 8 tracks x 2 clips: 6/1/1 tracks
        Assert.Contains("epoch 1/2", output);
        Assert.Contains("epoch 2/2", output);
        Assert.Contains("test accuracy", output);
        Assert.Contains("macro avg", output);
        Assert.True(File.Exists(weights));
        Assert.False(File.Exists(weights + ".json"));  // one file: the settings are in its metadata

        string song = Directory.GetFiles(data, "metal.00000.wav", SearchOption.AllDirectories).Single();
        (code, output, error) = RunCli("classify", song, "--model", weights, "--arch", "bu-fewer-layers");
        Assert.True(code == 0, error);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("metal.00000.wav: ", lines[0]);
        Assert.Contains("2 clip(s)", lines[0]);
        Assert.Equal(3, lines.Length);
        var probabilities = lines[1..].Select(l => double.Parse(l.Split(' ')[^1], CultureInfo.InvariantCulture)).ToArray();
        Assert.Equal(1.0, probabilities.Sum(), 2);
        Assert.True(probabilities[0] >= probabilities[1], "most likely genre first");
        Assert.Contains(lines[0].Split(' ')[1], lines[1]);  // the predicted genre heads the chart
        Assert.Equal(40, lines[1].Count(ch => ch is '#' or '.') - 1);  // bar of 40 marks, plus the decimal point
    }

    /// <summary>
    /// BU's 14 genres as a reader's own folders, named as the paper names them (<c>Classic/</c>, <c>Hip-Hop/</c>,
    /// <c>K-Pop/</c>, ...): three 10-s tracks each (three 3-s clips or one 9-s clip), plus a 5-s rap interlude that
    /// gives one 3-s clip and no 9-s clip.
    /// </summary>
    private string FourteenGenreFolder()
    {
        string root = Path.Combine(_dir, "mine");
        foreach (var (paper, genre) in GenreNotebooks.Datasets.Synthesis.GenreSets.Bu14.PaperNames.Zip(GenreNotebooks.Datasets.Synthesis.GenreSets.Bu14.Genres))
            for (int i = 0; i < 3; i++)
                GenreNotebooks.Audio.WavWriter.Write(Path.Combine(root, paper, $"song {i}.wav"),
                    GenreNotebooks.Datasets.Synthesis.SyntheticGenres.Generate(genre, i, 9, 10.0), GenreNotebooks.Audio.WavSampleFormat.Pcm16);
        GenreNotebooks.Audio.WavWriter.Write(Path.Combine(root, "Rap", "interlude.wav"),
            GenreNotebooks.Datasets.Synthesis.SyntheticGenres.Generate("rap", 7, 9, 5.0), GenreNotebooks.Audio.WavSampleFormat.Pcm16);
        return root;
    }

    private static string LineWith(string output, string text) =>
        output.Split('\n').Single(l => l.Contains(text, StringComparison.Ordinal)).Trim();

    [Fact]
    public void Train_on_custom_folders_of_14_genres_with_9_s_clips_keeps_the_track_split_of_3_s_clips()
    {
        string data = FourteenGenreFolder();
        string cache = Path.Combine(_dir, "cache");
        string nine = Path.Combine(_dir, "nine.safetensors");
        var (code, output, error) = RunCli("train", "--data", data, "--model", "bu-final", "--clip-seconds", "9", "--epochs", "1", "--pool", "2",
            "--seed", "5", "--out", nine, "--cache", cache);
        Assert.True(code == 0, error + output);
        Assert.Contains("custom genre folders", output);
        // 43 tracks; 42 give one 9-s clip each, the 5-s interlude none.
        Assert.Contains("42 clips of 9 s (128 x 388 log-mel) from 43 tracks", output);
        Assert.Contains("epoch 1/1", output);
        Assert.Contains("test accuracy", output);
        foreach (var label in new[] { "classic", "hiphop", "kpop", "edm", "flamenco", "indie", "latin" }) Assert.Contains(label, output);
        Assert.True(File.Exists(nine) && !File.Exists(nine + ".json"));
        // The classifier keeps its 9-s clip length, in the model file's metadata.
        Assert.Equal("198450", GenreNotebooks.Nn.Serialization.Safetensors.ReadMetadata(nine)["clip_samples"]);

        (code, string output3, error) = RunCli("train", "--data", data, "--model", "bu-final", "--epochs", "1", "--pool", "2",
            "--seed", "5", "--out", Path.Combine(_dir, "three.safetensors"), "--cache", cache);
        Assert.True(code == 0, error + output3);
        Assert.Contains("127 clips of 3 s (128 x 130 log-mel) from 43 tracks", output3);
        // The tracks are split once, whatever the clip length: the same parts of the same tracks.
        string Tracks(string o) => LineWith(o, "(tracks: ")[LineWith(o, "(tracks: ").IndexOf("(tracks: ", StringComparison.Ordinal)..];
        Assert.Equal(Tracks(output), Tracks(output3));
        Assert.Contains("(tracks: train 35, validation 4, test 4)", output);

        (code, output, error) = RunCli("classify", Path.Combine(data, "Metal", "song 0.wav"), "--model", nine, "--arch", "bu-final");
        Assert.True(code == 0, error);
        Assert.Contains("1 clip(s)", output);   // one 9-s clip of a 10-s song
    }

    [Fact]
    public void Train_and_classify_fail_with_a_message_on_bad_input()
    {
        var (code, _, error) = RunCli("train", "--model", "dtu-mlp", "--data", _dir);
        Assert.Equal(1, code);
        Assert.Contains("not a spectrogram", error);
        (code, _, error) = RunCli("train", "--model", "bu-baseline", "--data", Path.Combine(_dir, "nowhere"));
        Assert.Equal(1, code);
        Assert.Contains("nowhere", error);
        (code, _, error) = RunCli("train", "--model", "bu-baseline", "--epochs", "0");
        Assert.Equal(1, code);
        Assert.Contains("--epochs", error);

        string wav = Path.Combine(_dir, "x.wav");
        GenreNotebooks.Audio.WavWriter.Write(wav, new GenreNotebooks.Audio.AudioSignal(new float[22050], 22050), GenreNotebooks.Audio.WavSampleFormat.Pcm16);
        (code, _, error) = RunCli("classify", wav, "--model", Path.Combine(_dir, "missing.safetensors"));
        Assert.Equal(1, code);
        Assert.Contains("missing.safetensors", error);
        (code, _, error) = RunCli("classify", Path.Combine(_dir, "no.wav"), "--model", Path.Combine(_dir, "missing.safetensors"));
        Assert.Equal(1, code);
        Assert.Contains("no.wav", error);
    }

    [Fact]
    public void Train_messages_name_the_problem_without_dotnet_parameter_suffixes()
    {
        var (code, _, error) = RunCli("train", "--model", "no-such-model", "--data", _dir);
        Assert.Equal(1, code);
        Assert.Contains("unknown model 'no-such-model'", error);
        Assert.DoesNotContain("(Parameter", error);
    }
}
