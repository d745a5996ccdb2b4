using GenreNotebooks.Segments;

namespace GenreNotebooks.Tests.Segments;

/// <summary>Made-up segment lists (no audio) for the timbre and sequence tests.</summary>
internal static class FakeSegments
{
    /// <summary>
    /// A track of <paramref name="count"/> 0.25-s segments whose MFCCs are correlated Gaussian draws
    /// (<c>offset + mix * z</c>), pitch random in [0, 1] with a 1 at a random class.
    /// </summary>
    public static TrackSegments Track(string id, string? genre, int count, int seed, double offset = 0, double spread = 1, int mfcc = 20)
    {
        var rng = new Random(seed);
        var mix = Mixing(mfcc);
        var segments = new Segment[count];
        for (int i = 0; i < count; i++)
        {
            var z = Enumerable.Range(0, mfcc).Select(_ => Gaussian(rng)).ToArray();
            var x = new float[mfcc];
            for (int a = 0; a < mfcc; a++)
            {
                double s = offset;
                for (int b = 0; b < mfcc; b++) s += mix[a, b] * z[b] * spread;
                x[a] = (float)s;
            }
            var pitch = Enumerable.Range(0, 12).Select(_ => (float)rng.NextDouble()).ToArray();
            pitch[rng.Next(12)] = 1f;
            segments[i] = new Segment(0.25 * i, 0.25, -20, -10, 0.05, pitch, x);
        }
        return new TrackSegments(id, genre, 22050, 0.25 * count, segments);
    }

    /// <summary>A fixed mixing matrix with decaying column scales, so the covariance has distinct eigenvalues.</summary>
    public static double[,] Mixing(int d)
    {
        var rng = new Random(12345);
        var m = new double[d, d];
        for (int a = 0; a < d; a++)
            for (int b = 0; b < d; b++) m[a, b] = (rng.NextDouble() * 2 - 1) * 30.0 / (1 + b);
        return m;
    }

    private static double Gaussian(Random rng) =>
        Math.Sqrt(-2 * Math.Log(1 - rng.NextDouble())) * Math.Cos(2 * Math.PI * rng.NextDouble());
}
