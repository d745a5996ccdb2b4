using GenreNotebooks.Segments;

namespace GenreNotebooks.Tests.Segments;

public class SegmentBoundariesTests
{
    private const int Rate = 22050, Hop = 512;

    private static double[] Durations(int[] starts, int samples) =>
        Enumerable.Range(0, starts.Length).Select(k =>
        {
            var (a, b) = SegmentBoundaries.SampleRange(starts, k, samples, Hop);
            return (double)(b - a) / Rate;
        }).ToArray();

    [Fact]
    public void Random_onsets_give_segments_within_the_bounds_that_tile_the_track()
    {
        var rng = new Random(7);
        for (int trial = 0; trial < 200; trial++)
        {
            int samples = rng.Next(Rate / 10, 40 * Rate);
            int frames = samples / Hop + 1;
            // Dense clusters, repeats, unsorted and out-of-range frames.
            var onsets = Enumerable.Range(0, rng.Next(0, 200)).Select(_ => rng.Next(-5, frames + 20)).ToArray();
            var starts = SegmentBoundaries.FromOnsets(onsets, samples, Rate, Hop, 0.05, 1.0);
            Assert.Equal(0, starts[0]);
            Assert.True(starts.Zip(starts.Skip(1)).All(p => p.First < p.Second), "starts must increase");
            var d = Durations(starts, samples);
            Assert.Equal((double)samples / Rate, d.Sum(), 9);
            Assert.All(d, x => Assert.InRange(x, 0.05, 1.0));
        }
    }

    [Fact]
    public void Close_onsets_keep_the_earlier_one_and_long_gaps_are_cut_into_equal_parts()
    {
        int samples = 10 * Rate;
        // Onsets at frames 100 and 101 (23 ms apart): 101 is dropped. Frame 400 leaves a 300-frame (7.0 s) gap after 100.
        var starts = SegmentBoundaries.FromOnsets([101, 100, 400], samples, Rate, Hop, 0.05, 1.0);
        Assert.Contains(100, starts);
        Assert.DoesNotContain(101, starts);
        Assert.Contains(400, starts);
        var inGap = starts.Where(s => s >= 100 && s <= 400).ToArray();
        var parts = inGap.Zip(inGap.Skip(1), (a, b) => b - a).ToArray();
        Assert.Equal(300, parts.Sum());
        Assert.True(parts.Max() - parts.Min() <= 1, $"parts {string.Join(",", parts)} should be equal within a frame");
        Assert.Equal((int)Math.Ceiling(300.0 * Hop / (Rate - Hop)), parts.Length);
    }

    [Fact]
    public void A_too_short_tail_joins_the_segment_before_it()
    {
        int samples = 200 * Hop + 100;
        var starts = SegmentBoundaries.FromOnsets([100, 199], samples, Rate, Hop, 0.05, 1.0);
        Assert.DoesNotContain(199, starts); // 612 samples (28 ms) to the end
        Assert.Contains(100, starts);
        Assert.True(samples - (double)starts[^1] * Hop >= 0.05 * Rate);
    }

    [Fact]
    public void A_track_shorter_than_the_shortest_segment_is_rejected()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => SegmentBoundaries.FromOnsets([], 1000, Rate, Hop, 0.05, 1.0));
        Assert.Contains("shorter than the shortest segment", e.Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => SegmentBoundaries.FromOnsets([], Rate, Rate, Hop, 0.5, 0.2));
        Assert.Equal([0], SegmentBoundaries.FromOnsets([], 1103, Rate, Hop, 0.05, 1.0));
    }
}
