namespace GenreNotebooks.Datasets.Synthesis;

/// <summary>Renders one bass note of a <see cref="BassTone"/>, added into a buffer.</summary>
internal static class BassVoices
{
    public static void Render(BassTone tone, float[] buf, int start, int hold, float hz, float amp, SynthRandom rng, float[] scratch, int sr)
    {
        if (start >= buf.Length || hz <= 0) return;
        if (start < 0) { hold += start; if (hold <= 0) return; start = 0; }
        switch (tone)
        {
            case BassTone.Finger: Electric(buf, start, hold, hz, amp, sr, 900f, 0.8f); break;
            case BassTone.Picked: Electric(buf, start, hold, hz, amp, sr, 2200f, 0.6f); break;
            case BassTone.Upright: Upright(buf, start, hold, hz, amp, sr, rng, scratch); break;
            case BassTone.Synth: Synth(buf, start, hold, hz, amp, sr); break;
            case BassTone.Sub808: Sub(buf, start, hold, hz, amp, sr); break;
            default: throw new ArgumentOutOfRangeException(nameof(tone), tone, "unknown bass tone");
        }
    }

    private static void Electric(float[] buf, int start, int hold, float hz, float amp, int sr, float cutoff, float decay)
    {
        var env = new Envelope(sr, 0.003f, decay, 0.04f, hold);
        int n = Math.Min(buf.Length - start, hold + Envelope.ReleaseSamples(sr, 0.04f));
        float inc = hz / sr, ph = 0, lp = 0;
        float a0 = Wavetable.OnePole(cutoff, sr), a1 = Wavetable.OnePole(250f, sr);
        float aMul = MathF.Exp(-1f / (0.08f * sr)), a = a0;
        for (int i = 0; i < n; i++)
        {
            float saw = 2f * ph - 1f;
            lp += a * (saw - lp);
            a = a1 + (a - a1) * aMul;
            float s = 0.7f * Wavetable.Sin(ph) + 0.6f * lp;
            buf[start + i] += amp * env.Next() * s;
            ph += inc; if (ph >= 1f) ph -= 1f;
        }
    }

    private static void Upright(float[] buf, int start, int hold, float hz, float amp, int sr, SynthRandom rng, float[] scratch)
    {
        int period = Math.Clamp((int)(sr / hz), 2, scratch.Length);
        float lp = 0;
        for (int i = 0; i < period; i++)
        {
            lp += 0.25f * (rng.NextSigned() - lp);
            scratch[i] = lp + 0.5f * MathF.Sin(2 * MathF.PI * i / period);
        }
        int n = Math.Min(buf.Length - start, hold + sr / 10);
        float release = 1f, mute = MathF.Exp(-1f / (0.03f * sr));
        int idx = 0;
        for (int i = 0; i < n; i++)
        {
            int next = idx + 1 == period ? 0 : idx + 1;
            float y = scratch[idx];
            scratch[idx] = 0.4985f * (y + scratch[next]);
            idx = next;
            if (i >= hold) release *= mute;
            buf[start + i] += amp * 1.8f * release * y;
        }
    }

    private static void Synth(float[] buf, int start, int hold, float hz, float amp, int sr)
    {
        var env = new Envelope(sr, 0.002f, 0.6f, 0.02f, hold);
        int n = Math.Min(buf.Length - start, hold + Envelope.ReleaseSamples(sr, 0.02f));
        float inc = hz / sr, ph = 0, ph2 = 0.3f, l1 = 0, l2 = 0;
        float aHi = Wavetable.OnePole(2500f, sr), aLo = Wavetable.OnePole(300f, sr), a = aHi;
        float aMul = MathF.Exp(-1f / (0.06f * sr));
        for (int i = 0; i < n; i++)
        {
            float s = (2f * ph - 1f) + (2f * ph2 - 1f);
            l1 += a * (s - l1);
            l2 += a * (l1 - l2);
            a = aLo + (a - aLo) * aMul;
            buf[start + i] += amp * 0.6f * env.Next() * l2;
            ph += inc; if (ph >= 1f) ph -= 1f;
            ph2 += inc * 1.007f; if (ph2 >= 1f) ph2 -= 1f;
        }
    }

    private static void Sub(float[] buf, int start, int hold, float hz, float amp, int sr)
    {
        var env = new Envelope(sr, 0.002f, 1.2f, 0.08f, hold);
        int n = Math.Min(buf.Length - start, hold + Envelope.ReleaseSamples(sr, 0.08f));
        float ph = 0, bend = 1.6f, bendMul = MathF.Exp(-1f / (0.03f * sr));
        for (int i = 0; i < n; i++)
        {
            float f = hz * (1f + (bend - 1f));
            bend = 1f + (bend - 1f) * bendMul;
            float s = Wavetable.SoftClip(1.8f * Wavetable.Sin(ph));
            buf[start + i] += amp * 0.9f * env.Next() * s;
            ph += f / sr; if (ph >= 1f) ph -= 1f;
        }
    }
}
