namespace GenreNotebooks.Datasets.Synthesis;

/// <summary>A precomputed sine table with linear interpolation: the generator's only oscillator primitive.</summary>
internal static class Wavetable
{
    private const int Size = 4096;
    private static readonly float[] Table = Build();

    private static float[] Build()
    {
        var t = new float[Size + 1];
        for (int i = 0; i <= Size; i++) t[i] = (float)Math.Sin(2 * Math.PI * i / Size);
        return t;
    }

    /// <summary>sin(2 pi phase) for phase in [0, 1).</summary>
    public static float Sin(float phase)
    {
        float x = phase * Size;
        int i = (int)x;
        float f = x - i;
        i &= Size - 1;
        return Table[i] + f * (Table[i + 1] - Table[i]);
    }

    /// <summary>Wraps a phase into [0, 1).</summary>
    public static float Wrap(float phase) => phase - MathF.Floor(phase);

    /// <summary>A cheap saturating curve close to tanh (Padé), exact at 0 and clipped to [-1, 1].</summary>
    public static float SoftClip(float x)
    {
        if (x > 3f) return 1f;
        if (x < -3f) return -1f;
        float x2 = x * x;
        return x * (27f + x2) / (27f + 9f * x2);
    }

    /// <summary>The coefficient of a one-pole low-pass with cut-off <paramref name="hz"/>.</summary>
    public static float OnePole(float hz, int sampleRate) => 1f - MathF.Exp(-2f * MathF.PI * MathF.Min(hz, 0.45f * sampleRate) / sampleRate);
}
