using GenreNotebooks.Audio;

namespace GenreNotebooks.Tests.Audio;

public class AudioSignalTests
{
    [Fact]
    public void Length_and_duration_follow_the_samples_and_the_rate()
    {
        var s = new AudioSignal(new float[33075], 22050);
        Assert.Equal(33075, s.Length);
        Assert.Equal(1.5, s.DurationSeconds);
        Assert.Equal("AudioSignal(33075 samples, 22050 Hz, 1.500 s)", s.ToString());
    }

    [Fact]
    public void Slice_copies_the_samples_and_keeps_the_rate()
    {
        float[] samples = [0, 1, 2, 3, 4, 5];
        var s = new AudioSignal(samples, 8000);
        var part = s.Slice(2, 3);
        Assert.Equal([2f, 3f, 4f], part.Samples);
        Assert.Equal(8000, part.SampleRate);
        part.Samples[0] = -1;
        Assert.Equal(2f, samples[2]);
        Assert.Empty(s.Slice(6, 0).Samples);
    }

    [Fact]
    public void Bad_rates_and_slices_are_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new AudioSignal([1f], 0));
        Assert.Throws<ArgumentNullException>(() => new AudioSignal(null!, 22050));
        var s = new AudioSignal(new float[10], 100);
        Assert.Contains("exceeds the signal's 10 samples", Assert.Throws<ArgumentOutOfRangeException>(() => s.Slice(5, 6)).Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => s.Slice(-1, 2));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(37)]
    [InlineData(1000)]
    public void Stereo_mix_down_in_simd_equals_the_per_sample_mean_exactly(int n)
    {
        var rng = new Random(n);
        var left = Enumerable.Range(0, n).Select(_ => (float)(rng.NextDouble() * 2 - 1)).ToArray();
        var right = Enumerable.Range(0, n).Select(_ => (float)(rng.NextDouble() * 2 - 1)).ToArray();
        var mono = new AudioData([left, right], 44100).ToMono();
        Assert.Equal(44100, mono.SampleRate);
        Assert.Equal(Enumerable.Range(0, n).Select(i => (0f + left[i] + right[i]) / 2f), mono.Samples);
        var three = new AudioData([left, right, left], 8000).ToMono();  // the general loop
        Assert.Equal(Enumerable.Range(0, n).Select(i => (0f + left[i] + right[i] + left[i]) / 3f), three.Samples);
    }
}
