using System.Diagnostics;
using GenreNotebooks.Datasets.Synthesis;
using Xunit.Abstractions;

namespace GenreNotebooks.Tests.Datasets;

public class SyntheticExplorationTests(ITestOutputHelper output)
{
    [Fact]
    public void Explore()
    {
        SyntheticGenres.Generate("blues", 0, 1, 5);
        foreach (var g in GenreRecipes.All)
        {
            var sw = Stopwatch.StartNew();
            var s = SyntheticGenres.Generate(g, 0, 1);
            double t = sw.Elapsed.TotalSeconds;
            var f = SimpleFeatures.Compute(s.Samples, s.SampleRate);
            float peak = s.Samples.Max(Math.Abs);
            output.WriteLine($"{g,-15} {t:F3}s peak {peak:F2} " + string.Join(" ", f.Select((v, i) => $"{SimpleFeatures.Names[i]}={v:F1}")));
            GenreNotebooks.Audio.WavWriter.Write($"/tmp/synth/{g}.wav", s);
        }
    }
}
