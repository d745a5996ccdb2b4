using System.CommandLine;
using System.Globalization;
using GenreNotebooks.Audio;
using GenreNotebooks.Spectral;

namespace GenreNotebooks.Cli.Commands;

/// <summary>
/// <c>genre mel &lt;audio&gt; --out &lt;file.csv&gt; [--n-mels 128] [--n-fft 2048] [--hop 512] [--db] [--sr 22050]</c>:
/// loads the file as librosa.load (mono, 22050 Hz), computes the mel power spectrogram (librosa defaults) or, with
/// --db, the log-mel in dB relative to the maximum (top_db 80), and writes one CSV row per mel band with
/// round-trip float precision. Exit code 0 on success, 1 on bad input or options.
/// </summary>
internal static class MelCommand
{
    public static Command Create()
    {
        var audio = new Argument<string>("audio") { Description = "Audio file (WAV/AU read directly, other formats through ffmpeg)." };
        var output = new Option<string>("--out") { Description = "Output CSV: one row per mel band, one column per frame.", Required = true };
        var nMels = new Option<int>("--n-mels") { Description = "Number of mel bands.", DefaultValueFactory = _ => 128 };
        var nFft = new Option<int>("--n-fft") { Description = "FFT size in samples.", DefaultValueFactory = _ => 2048 };
        var hop = new Option<int>("--hop") { Description = "Hop length in samples.", DefaultValueFactory = _ => 512 };
        var sampleRate = new Option<int>("--sr") { Description = "Sample rate the audio is resampled to.", DefaultValueFactory = _ => 22050 };
        var db = new Option<bool>("--db") { Description = "Write power_to_db(mel, ref=max, top_db=80) instead of mel power." };
        var command = new Command("mel", "Write the (log-)mel spectrogram of an audio file as CSV (librosa 0.10.2 melspectrogram / power_to_db).");
        command.Arguments.Add(audio);
        command.Options.Add(output);
        command.Options.Add(nMels);
        command.Options.Add(nFft);
        command.Options.Add(hop);
        command.Options.Add(sampleRate);
        command.Options.Add(db);
        command.SetAction(parse =>
        {
            var stdout = parse.InvocationConfiguration.Output;
            var stderr = parse.InvocationConfiguration.Error;
            string input = parse.GetValue(audio)!;
            string outPath = parse.GetValue(output)!;
            try
            {
                var stft = new StftOptions { NFft = parse.GetValue(nFft), HopLength = parse.GetValue(hop) };
                stft.Validate();
                int sr = parse.GetValue(sampleRate);
                var mel = new MelOptions { NMels = parse.GetValue(nMels), SampleRate = sr, NFft = stft.NFft };
                mel.Validate();
                var y = AudioFile.Load(input, sr);
                var m = MelSpectrogram.Compute(y.Samples, sr, mel, stft);
                if (parse.GetValue(db)) m = Decibels.PowerToDbRefMax(m);
                Write(outPath, m);
                stdout.WriteLine($"{input}: {(parse.GetValue(db) ? "log-mel (dB)" : "mel power")} ({m.Rows} bands, {m.Cols} frames) written to {outPath}");
                return 0;
            }
            catch (Exception e) when (e is AudioFormatException or FileNotFoundException or DirectoryNotFoundException or ArgumentException or IOException or UnauthorizedAccessException)
            {
                string message = ErrorText.Of(e);
                if (!message.Contains(input, StringComparison.Ordinal) && e is AudioFormatException or FileNotFoundException)
                    message = $"{input}: {message}";
                stderr.WriteLine($"genre mel: {message}");
                return 1;
            }
        });
        return command;
    }

    private static void Write(string path, FloatMatrix m)
    {
        var dir = Path.GetDirectoryName(Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(dir)) Directory.CreateDirectory(dir);
        using var writer = new StreamWriter(path);
        var line = new System.Text.StringBuilder();
        for (int r = 0; r < m.Rows; r++)
        {
            line.Clear();
            var row = m.Row(r);
            for (int c = 0; c < row.Length; c++)
            {
                if (c > 0) line.Append(',');
                line.Append(row[c].ToString("R", CultureInfo.InvariantCulture));
            }
            writer.WriteLine(line);
        }
    }
}
