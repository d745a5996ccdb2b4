namespace GenreNotebooks.Tests.Segments;

/// <summary>Made-up test signals at 22050 Hz.</summary>
internal static class Signals
{
    public const int Rate = 22050;

    /// <summary>Silence with a 3-ms click (a decaying, sign-alternating burst) starting at each time.</summary>
    public static float[] Clicks(double seconds, params double[] times)
    {
        var y = new float[(int)(seconds * Rate)];
        foreach (var t in times)
        {
            int s0 = (int)Math.Round(t * Rate);
            for (int k = 0; k < 64 && s0 + k < y.Length; k++) y[s0 + k] = (float)(0.8 * Math.Exp(-k / 10.0) * (k % 2 == 0 ? 1 : -1));
        }
        return y;
    }

    public static float[] Tone(double hz, double seconds, double amplitude = 0.5) =>
        Enumerable.Range(0, (int)(seconds * Rate)).Select(i => (float)(amplitude * Math.Sin(2 * Math.PI * hz * i / Rate))).ToArray();

    public static float[] Noise(double seconds, int seed, double amplitude = 0.3)
    {
        var rng = new Random(seed);
        return Enumerable.Range(0, (int)(seconds * Rate)).Select(_ => (float)(amplitude * (rng.NextDouble() * 2 - 1))).ToArray();
    }
}
