using GenreNotebooks.Segments;

namespace GenreNotebooks.Tests.Segments;

public class OnsetDetectionTests
{
    [Fact]
    public void Normalize_maps_the_envelope_to_zero_one_and_rejects_flat_or_non_finite_ones()
    {
        var n = OnsetDetection.Normalize([2f, 4f, 3f, 6f])!;
        Assert.Equal(0f, n[0]);
        Assert.Equal(1f, n[3], 6);
        Assert.Equal(0.25f, n[2], 6);
        Assert.Null(OnsetDetection.Normalize([]));
        Assert.Null(OnsetDetection.Normalize([3f, 3f, 3f]));
        Assert.Null(OnsetDetection.Normalize([0f, float.NaN, 1f]));
        Assert.Null(OnsetDetection.Normalize([0f, float.PositiveInfinity]));
        Assert.Empty(OnsetDetection.Detect(new float[50]));
    }

    [Fact]
    public void Detect_finds_isolated_bumps_and_is_invariant_to_offset_and_scale()
    {
        var env = new float[100];
        foreach (int f in new[] { 10, 37, 70 }) { env[f] = 1f; env[f + 1] = 0.5f; }
        Assert.Equal([10, 37, 70], OnsetDetection.Detect(env));
        var shifted = env.Select(v => 3f + 7f * v).ToArray();
        Assert.Equal([10, 37, 70], OnsetDetection.Detect(shifted));
        // A bump below delta (0.07 of the range) above its neighbourhood is not an onset.
        env[50] = 0.05f;
        Assert.Equal([10, 37, 70], OnsetDetection.Detect(env));
    }

    [Fact]
    public void Backtrack_moves_each_event_to_the_nearest_preceding_minimum()
    {
        //                    0  1  2  3  4  5  6  7  8  9
        float[] energy = [5, 4, 2, 3, 6, 6, 1, 1, 4, 9];
        // Minima: frame 2 (2 <= 4 and 2 < 3) and frame 7 (1 <= 1 and 1 < 4); frame 6 is not (1 < 1 fails), frame 0 is always one.
        Assert.Equal([2, 2, 7, 0, 7], OnsetDetection.Backtrack([4, 2, 8, 1, 7], energy));
        Assert.Equal([0], OnsetDetection.Backtrack([5], [1f, 2f, 3f, 4f, 5f, 6f]));
        Assert.Throws<ArgumentOutOfRangeException>(() => OnsetDetection.Backtrack([-1], energy));
    }

    [Fact]
    public void Detect_with_energy_backtracks_and_checks_the_energy_length()
    {
        var env = new float[40];
        env[20] = 1f;
        var energy = Enumerable.Range(0, 40).Select(i => i < 17 ? 1f - i / 100f : i < 21 ? (i - 16) * 1f : 1f).ToArray(); // minimum at 16
        Assert.Equal([16], OnsetDetection.Detect(env, energy));
        Assert.Throws<ArgumentException>(() => OnsetDetection.Detect(env, new float[10]));
    }
}
