using GenreNotebooks.Spectral;
using GenreNotebooks.Features;
using Xunit.Abstractions;

namespace GenreNotebooks.Tests.Spectral;

public class ProbeTests(ITestOutputHelper output)
{
    [Fact]
    public void Probe()
    {
        foreach (var name in LibrosaReference.Mono22k)
        {
            var y = LibrosaReference.LoadPcm16Mono(name);
            var stft = Stft.Compute(y);
            var mag = stft.Magnitude();
            var pow = new FloatMatrix(mag.Rows, mag.Cols);
            for (int i = 0; i < pow.Data.Length; i++) pow.Data[i] = mag.Data[i] * mag.Data[i];
            var chroma = Chroma.FromPower(pow);
            var cref = LibrosaReference.Matrix(name + ".chroma_stft.csv");
            double cm = 0;
            for (int c = 0; c < 12; c++) cm = Math.Max(cm, LibrosaReference.MaxRelative(chroma.Row(c).ToArray().Select(v => (double)v).ToList(), cref[c], 1e-6));
            output.WriteLine($"{name} tuning {Tuning.Estimate(pow)} chroma {cm:E2}");
            void Cmp(string f, IReadOnlyList<double> a) => output.WriteLine($"  {f} {LibrosaReference.MaxRelative(a, LibrosaReference.Vector(name + "." + f + ".csv"), 1e-9):E2}");
            Cmp("spectral_centroid", SpectralFeatures.Centroid(mag));
            Cmp("spectral_bandwidth", SpectralFeatures.Bandwidth(mag));
            Cmp("spectral_rolloff", SpectralFeatures.Rolloff(mag));
            Cmp("zero_crossing_rate", SpectralFeatures.ZeroCrossingRate(y));
            Cmp("rms", SpectralFeatures.Rms(y).Select(v => (double)v).ToList());
            var melDb = Decibels.PowerToDb(MelSpectrogram.FromPower(pow, new MelOptions()));
            Cmp("onset_strength", OnsetStrength.FromMelDb(melDb).Select(v => (double)v).ToList());
            var rows = LibrosaReference.GtzanRows(name);
            var mine = GtzanFeatureExtractor.Compute(y);
            var r = rows[name + ".wav"].Values;
            for (int i = 0; i < 57; i++)
            {
                double rel = Math.Abs(mine[i] - r[i]) / Math.Max(Math.Abs(r[i]), 1e-12);
                if (rel > 1e-5) output.WriteLine($"  {GtzanColumns.Features[i]} mine {mine[i]} ref {r[i]} rel {rel:E2}");
            }
        }
    }
}
