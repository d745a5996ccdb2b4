using GenreNotebooks.Spectral;
using Xunit.Abstractions;

namespace GenreNotebooks.Tests.Spectral;

public class TempoTests(ITestOutputHelper output)
{
    public static TheoryData<string> Names => new(FeatureReference.All);

    [Theory]
    [MemberData(nameof(Names))]
    public void Beat_track_tempo_equals_librosa(string name)
    {
        var (_, power) = FeatureReference.Spectra(FeatureReference.Load(name));
        var db = Decibels.PowerToDb(MelSpectrogram.FromPower(power, new MelOptions()));
        double tempo = Tempo.BeatTrackTempo(OnsetStrength.FromMelDb(db, OnsetAggregate.Median));
        double expected = FeatureReference.Summary(name).GetProperty("beat_track_tempo").GetDouble();
        output.WriteLine($"{name}: tempo {tempo} (librosa {expected})");
        Assert.Equal(expected, tempo, 1e-9);
    }

    [Fact]
    public void No_onsets_gives_zero_and_a_periodic_envelope_gives_its_tempo()
    {
        Assert.Equal(0.0, Tempo.BeatTrackTempo(new float[500]));
        // Impulses every 22 frames = 2583.98/22 = 117.45 BPM, near the 120-BPM prior.
        var env = new float[1300];
        for (int i = 5; i < env.Length; i += 22) env[i] = 1f;
        Assert.Equal(60.0 * 22050 / (512 * 22), Tempo.Estimate(env), 9);
        Assert.Throws<ArgumentOutOfRangeException>(() => Tempo.Estimate(env, startBpm: 0));
        Assert.Throws<ArgumentException>(() => Tempo.Estimate(ReadOnlySpan<float>.Empty));
    }

    [Fact]
    public void Tempo_frequencies_follow_librosa()
    {
        var f = Tempo.TempoFrequencies(344);
        Assert.True(double.IsPositiveInfinity(f[0]));
        Assert.Equal(2583.984375, f[1], 9);
        Assert.Equal(2583.984375 / 343, f[343], 9);
    }
}
