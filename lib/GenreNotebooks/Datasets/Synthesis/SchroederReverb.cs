namespace GenreNotebooks.Datasets.Synthesis;

/// <summary>
/// A cheap Schroeder reverb: four parallel damped feedback combs then two series all-passes (Freeverb's structure,
/// mono, fewer stages). Processes a buffer in place into its wet signal.
/// </summary>
internal static class SchroederReverb
{
    private static readonly float[] CombMs = [29.7f, 37.1f, 41.1f, 43.7f];
    private static readonly float[] AllPassMs = [5.0f, 1.7f];

    /// <summary>Replaces <paramref name="buf"/> by its reverberation; <paramref name="size"/> in [0, 1] sets the decay, <paramref name="damping"/> the darkness.</summary>
    public static void Process(float[] buf, int sr, float size, float damping)
    {
        float feedback = 0.70f + 0.26f * Math.Clamp(size, 0f, 1f);
        float scale = 0.1f + 0.6f * size;
        var combs = new float[CombMs.Length][];
        var idx = new int[CombMs.Length];
        var lp = new float[CombMs.Length];
        for (int c = 0; c < combs.Length; c++) combs[c] = new float[(int)(CombMs[c] * scale * 2.2f * sr / 1000f) + 1];
        var aps = new float[AllPassMs.Length][];
        var apIdx = new int[AllPassMs.Length];
        for (int a = 0; a < aps.Length; a++) aps[a] = new float[(int)(AllPassMs[a] * sr / 1000f) + 1];
        float d = Math.Clamp(damping, 0f, 0.95f);

        for (int i = 0; i < buf.Length; i++)
        {
            float x = buf[i] * 0.25f, y = 0;
            for (int c = 0; c < combs.Length; c++)
            {
                var line = combs[c];
                float o = line[idx[c]];
                lp[c] = o * (1f - d) + lp[c] * d;
                line[idx[c]] = x + feedback * lp[c];
                if (++idx[c] == line.Length) idx[c] = 0;
                y += o;
            }
            for (int a = 0; a < aps.Length; a++)
            {
                var line = aps[a];
                float o = line[apIdx[a]];
                line[apIdx[a]] = y + 0.5f * o;
                y = o - 0.5f * y;
                if (++apIdx[a] == line.Length) apIdx[a] = 0;
            }
            buf[i] = y;
        }
    }
}
