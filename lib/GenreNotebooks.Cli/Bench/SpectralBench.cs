using System.CommandLine;
using GenreNotebooks.Audio;
using GenreNotebooks.Spectral;

namespace GenreNotebooks.Cli.Bench;

/// <summary>
/// <c>genre bench spectral</c>: times WAV load, STFT, mel and log-mel of a deterministic 30-s 22050 Hz clip on one
/// thread (librosa 0.10.2 on the reference machine: load + melspectrogram + power_to_db = 0.22 s), and NWaves 0.9.6's
/// mel spectrogram and MFCC of the same clip in the same run, with their error against ours.
/// </summary>
internal static class SpectralBench
{
    public static Command CreateCommand()
    {
        var runs = new Option<int>("--runs") { Description = "Timed runs per benchmark.", DefaultValueFactory = _ => 21 };
        var command = new Command("spectral", "Time WAV load, STFT, mel and log-mel of a 30-s 22050 Hz clip (one thread, medians).");
        command.Options.Add(runs);
        command.SetAction(parse =>
        {
            var output = parse.InvocationConfiguration.Output;
            int n = parse.GetValue(runs);
            if (n <= 0)
            {
                parse.InvocationConfiguration.Error.WriteLine("genre bench spectral: --runs must be positive");
                return 1;
            }
            var dir = Directory.CreateTempSubdirectory("genre-bench-spectral-");
            try
            {
                string path = Path.Combine(dir.FullName, "clip-30s.wav");
                WavWriter.Write(path, Clip());
                var y = AudioFile.Load(path).Samples;
                var nwaves = new NWavesPeer();
                var results = new List<BenchResult>
                {
                    BenchTimer.Measure("wav load (30 s, 22050 Hz, pcm16)", () => AudioFile.Load(path), n),
                    BenchTimer.Measure("stft (n_fft 2048, hop 512)", () => Stft.Compute(y), n),
                    BenchTimer.Measure("mel power (128 bands)", () => MelSpectrogram.Compute(y), n),
                    BenchTimer.Measure("log-mel (mel + power_to_db ref=max)", () => Decibels.PowerToDbRefMax(MelSpectrogram.Compute(y)), n),
                    BenchTimer.Measure("mfcc (20)", () => Mfcc.Compute(y), n),
                    BenchTimer.Measure("load + mel + dB (librosa: 220 ms)", () => Decibels.PowerToDbRefMax(MelSpectrogram.Compute(AudioFile.Load(path).Samples)), n),
                    BenchTimer.Measure("NWaves 0.9.6: mel power (128 bands)", () => nwaves.Mel(y), n),
                    BenchTimer.Measure("NWaves 0.9.6: mfcc (20)", () => nwaves.Mfcc(y), n),
                };
                BenchTimer.Print(output, results);
                double Ratio(string peer, string ours) =>
                    results.Single(r => r.Name.StartsWith(peer, StringComparison.Ordinal)).Median / results.Single(r => r.Name.StartsWith(ours, StringComparison.Ordinal)).Median;
                var ci = System.Globalization.CultureInfo.InvariantCulture;
                output.WriteLine(string.Create(ci, $"NWaves / ours, same run: mel {Ratio("NWaves 0.9.6: mel", "mel power"):0.0}x, mfcc {Ratio("NWaves 0.9.6: mfcc", "mfcc"):0.0}x slower"));
                // The timed clip is steady; a synthetic classical track has quiet passages, where librosa's top_db = 80
                // (which NWaves lacks) decides the MFCCs.
                var track = GenreNotebooks.Datasets.Synthesis.SyntheticGenres.Generate("classical", 0, 42, 30).Samples;
                output.WriteLine("NWaves vs ours (librosa-exact), frames aligned (NWaves does not centre them):");
                foreach (var (label, clip) in new[] { ("timed clip (tones + noise)", y), ("synthetic classical track", track) })
                {
                    var mel = NWavesPeer.Error(MelSpectrogram.Compute(clip), nwaves.Mel(clip));
                    var mfcc = NWavesPeer.Error(Mfcc.Compute(clip), nwaves.Mfcc(clip));
                    output.WriteLine(string.Create(ci, $"  {label,-28} mel power: max error {mel.MaxRelativeToPeak:0.0e+0} of the peak, median {mel.MedianRelative:0.0e+0} relative; " +
                                                       $"mfcc: max error {mfcc.MaxAbs:0.00} ({mfcc.MaxRelativeToPeak:0.0e+0} of the largest coefficient), median {mfcc.MedianRelative:0.0e+0} relative"));
                }
                output.WriteLine("  (NWaves: symmetric Hann window, frames not centred, no top_db; see the README)");
                return 0;
            }
            finally
            {
                dir.Delete(recursive: true);
            }
        });
        return command;
    }

    /// <summary>Seeded noise plus a few tones: 30 s at 22050 Hz.</summary>
    private static AudioSignal Clip()
    {
        const int rate = 22050;
        var rng = new Random(1234);
        var samples = new float[30 * rate];
        for (int i = 0; i < samples.Length; i++)
        {
            double t = (double)i / rate;
            samples[i] = (float)(0.2 * Math.Sin(2 * Math.PI * 220 * t) + 0.1 * Math.Sin(2 * Math.PI * 3520 * t) + 0.05 * (rng.NextDouble() * 2 - 1));
        }
        return new AudioSignal(samples, rate);
    }
}
