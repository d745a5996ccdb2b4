namespace GenreNotebooks.Datasets.Synthesis;

/// <summary>
/// Source-filter voices: a buzzing glottal source (saw) through two resonant band-passes at a vowel's first two
/// formants (Chamberlin state-variable filters). Sung notes hold a vowel with vibrato; rapped syllables are short,
/// start with a consonant noise burst and glide in pitch like speech.
/// </summary>
internal static class VocalVoices
{
    private static readonly (float F1, float F2)[] Vowels = [(730, 1090), (530, 1840), (290, 2250), (570, 840), (320, 870), (660, 1700)];

    public static void Sung(float[] buf, int start, int hold, float hz, float amp, SynthRandom rng, int sr)
    {
        var (f1, f2) = Vowels[rng.Next(0, Vowels.Length)];
        var env = new Envelope(sr, 0.04f, 0f, 0.08f, hold);
        int n = Math.Min(buf.Length - start, hold + Envelope.ReleaseSamples(sr, 0.08f));
        Formants(buf, start, n, hz, hz, amp * 1.3f, f1, f2, 0.006f, 0f, ref env, rng, sr);
    }

    /// <summary>A rapped syllable: consonant burst, vowel, falling or rising pitch.</summary>
    public static void Syllable(float[] buf, int start, int hold, float hz, float amp, SynthRandom rng, int sr)
    {
        if (start < 0 || start >= buf.Length) return;
        var (f1, f2) = Vowels[rng.Next(0, Vowels.Length)];
        var env = new Envelope(sr, 0.008f, 0.12f, 0.03f, hold);
        int n = Math.Min(buf.Length - start, hold + Envelope.ReleaseSamples(sr, 0.03f));
        float endHz = hz * rng.Range(0.8f, 1.15f);
        Formants(buf, start, n, hz, endHz, amp * 1.5f, f1, f2, 0f, rng.Range(0.3f, 0.9f), ref env, rng, sr);
    }

    private static void Formants(float[] buf, int start, int n, float hz, float endHz, float amp, float f1, float f2,
        float vibrato, float consonant, ref Envelope env, SynthRandom rng, int sr)
    {
        float c1 = 2f * MathF.Sin(MathF.PI * f1 / sr), c2 = 2f * MathF.Sin(MathF.PI * MathF.Min(f2, 0.2f * sr) / sr);
        const float q = 0.12f;
        float lo1 = 0, bp1 = 0, lo2 = 0, bp2 = 0, ph = 0, pv = 0;
        int burst = sr / 40;
        float glide = n > 0 ? (endHz - hz) / n : 0;
        float prevNoise = 0;
        for (int i = 0; i < n; i++)
        {
            float f = hz + glide * i;
            float vib = vibrato == 0 ? 1f : 1f + vibrato * Wavetable.Sin(pv) * MathF.Min(1f, i / (0.25f * sr));
            pv += 5.5f / sr; if (pv >= 1f) pv -= 1f;
            float src = 2f * ph - 1f + 0.05f * rng.NextSigned();
            ph += f * vib / sr; if (ph >= 1f) ph -= 1f;
            float hi1 = src - lo1 - q * bp1; bp1 += c1 * hi1; lo1 += c1 * bp1;
            float hi2 = src - lo2 - q * bp2; bp2 += c2 * hi2; lo2 += c2 * bp2;
            float s = 0.5f * bp1 + 0.35f * bp2;
            if (i < burst && consonant > 0)
            {
                float w = rng.NextSigned();
                s += consonant * 2f * (w - prevNoise) * (1f - (float)i / burst);
                prevNoise = w;
            }
            buf[start + i] += amp * 0.25f * env.Next() * s;
        }
    }
}
