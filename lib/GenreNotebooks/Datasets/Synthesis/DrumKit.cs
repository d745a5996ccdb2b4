namespace GenreNotebooks.Datasets.Synthesis;

/// <summary>The sound of a drum kit: acoustic, electronic (808/909) or brushes, with per-track tuning.</summary>
internal sealed class DrumKit
{
    public float KickHz { get; init; } = 55f;
    public float KickSweep { get; init; } = 2.5f;
    public float KickDecay { get; init; } = 0.18f;
    public float KickClick { get; init; } = 0.4f;
    public float SnareHz { get; init; } = 190f;
    public float SnareNoise { get; init; } = 0.8f;
    public float SnareDecay { get; init; } = 0.12f;
    public float SnareTone { get; init; } = 2500f;
    public float HatDecay { get; init; } = 0.035f;
    public float HatBrightness { get; init; } = 0.85f;
    public bool Clap { get; init; }
    public bool Brushes { get; init; }

    /// <summary>Adds one hit of <paramref name="piece"/> at <paramref name="start"/> with velocity <paramref name="vel"/>.</summary>
    public void Hit(char piece, float[] buf, int start, float vel, SynthRandom rng, int sr)
    {
        if (start < 0 || start >= buf.Length) return;
        switch (piece)
        {
            case 'K': Kick(buf, start, vel, sr); break;
            case 'S': if (Clap) ClapHit(buf, start, vel, rng, sr); else Snare(buf, start, vel, rng, sr); break;
            case 'C': ClapHit(buf, start, vel, rng, sr); break;
            case 'H': Noise(buf, start, vel * 0.5f, Brushes ? 0.06f : HatDecay, HatBrightness, 0.96f, rng, sr); break;
            case 'O': Noise(buf, start, vel * 0.45f, 0.25f, HatBrightness, 0.96f, rng, sr); break;
            case 'R': Ride(buf, start, vel * 0.4f, rng, sr); break;
            case 'X': Noise(buf, start, vel * 0.6f, 1.0f, 0.9f, 0.9f, rng, sr); break;
            case 'P': Tone(buf, start, vel * 0.5f, 2400f, 0.02f, rng, sr); break;      // clave / rim click
            case 'B': Tone(buf, start, vel * 0.5f, 560f, 0.07f, rng, sr); break;       // cowbell-ish
            case 'G': Conga(buf, start, vel * 0.7f, 330f, sr); break;
            case 'L': Conga(buf, start, vel * 0.7f, 220f, sr); break;
            case 'T': Tom(buf, start, vel, 110f, sr); break;
            default: throw new ArgumentOutOfRangeException(nameof(piece), piece, "unknown drum piece");
        }
    }

    private void Kick(float[] buf, int start, float vel, int sr)
    {
        int n = Math.Min(buf.Length - start, (int)(KickDecay * 7f * sr));
        float ph = 0, bend = KickSweep, bendMul = MathF.Exp(-1f / (0.012f * sr));
        float env = 1f, envMul = MathF.Exp(-1f / (KickDecay * sr));
        int click = sr / 400;
        for (int i = 0; i < n; i++)
        {
            float s = Wavetable.Sin(ph);
            if (i < click) s += KickClick * (1f - (float)i / click);
            buf[start + i] += vel * env * s;
            env *= envMul;
            ph += KickHz * bend / sr; if (ph >= 1f) ph -= 1f;
            bend = 1f + (bend - 1f) * bendMul;
        }
    }

    private void Snare(float[] buf, int start, float vel, SynthRandom rng, int sr)
    {
        float decay = Brushes ? 0.18f : SnareDecay;
        int n = Math.Min(buf.Length - start, (int)(decay * 7f * sr));
        float ph = 0, env = 1f, envMul = MathF.Exp(-1f / (decay * sr)), tEnv = 1f, tMul = MathF.Exp(-1f / (0.04f * sr));
        float a = Wavetable.OnePole(Brushes ? 4000f : SnareTone * 2f, sr), lp = 0, hpState = 0;
        float noiseGain = Brushes ? 0.5f : SnareNoise;
        for (int i = 0; i < n; i++)
        {
            float w = rng.NextSigned();
            lp += a * (w - lp);
            hpState += 0.05f * (lp - hpState);
            float noise = lp - hpState;
            float s = (Brushes ? 0.1f : 0.6f) * tEnv * Wavetable.Sin(ph) + noiseGain * noise;
            buf[start + i] += vel * 0.7f * env * s;
            env *= envMul;
            tEnv *= tMul;
            ph += SnareHz / sr; if (ph >= 1f) ph -= 1f;
        }
    }

    private static void ClapHit(float[] buf, int start, float vel, SynthRandom rng, int sr)
    {
        int n = Math.Min(buf.Length - start, (int)(0.25f * sr));
        float a = Wavetable.OnePole(2000f, sr), lp = 0, lp2 = 0, env = 1f, envMul = MathF.Exp(-1f / (0.06f * sr));
        int burst = sr / 90;
        for (int i = 0; i < n; i++)
        {
            // Three quick bursts then a tail: many hands, slightly apart.
            float gate = i < 3 * burst ? ((i / (burst / 2)) % 2 == 0 ? 1f : 0.3f) : env;
            if (i >= 3 * burst) env *= envMul;
            float w = rng.NextSigned();
            lp += a * (w - lp);
            lp2 += 0.08f * (lp - lp2);
            buf[start + i] += vel * 0.9f * gate * (lp - lp2);
        }
    }

    private static void Noise(float[] buf, int start, float vel, float decay, float brightness, float hp, SynthRandom rng, int sr)
    {
        int n = Math.Min(buf.Length - start, (int)(decay * 6f * sr));
        float env = 1f, envMul = MathF.Exp(-1f / (decay * sr)), prev = 0, lp = 0;
        for (int i = 0; i < n; i++)
        {
            float w = rng.NextSigned();
            float h = w - hp * prev;       // first-difference high-pass: the hiss of metal
            prev = w;
            lp += brightness * (h - lp);
            buf[start + i] += vel * 0.5f * env * lp;
            env *= envMul;
        }
    }

    private static void Ride(float[] buf, int start, float vel, SynthRandom rng, int sr)
    {
        int n = Math.Min(buf.Length - start, (int)(0.9f * sr));
        float env = 1f, envMul = MathF.Exp(-1f / (0.35f * sr)), p1 = 0, p2 = 0, p3 = 0, prev = 0;
        for (int i = 0; i < n; i++)
        {
            // Inharmonic partials ring under the hiss: a ride's "ping".
            float ping = Wavetable.Sin(p1) + 0.7f * Wavetable.Sin(p2) + 0.5f * Wavetable.Sin(p3);
            float w = rng.NextSigned();
            float h = w - 0.95f * prev;
            prev = w;
            buf[start + i] += vel * env * (0.15f * ping + 0.25f * h);
            env *= envMul;
            p1 += 3150f / sr; if (p1 >= 1f) p1 -= 1f;
            p2 += 4710f / sr; if (p2 >= 1f) p2 -= 1f;
            p3 += 5930f / sr; if (p3 >= 1f) p3 -= 1f;
        }
    }

    private static void Tone(float[] buf, int start, float vel, float hz, float decay, SynthRandom rng, int sr)
    {
        int n = Math.Min(buf.Length - start, (int)(decay * 6f * sr));
        float env = 1f, envMul = MathF.Exp(-1f / (decay * sr)), ph = rng.NextFloat(), ph2 = 0;
        for (int i = 0; i < n; i++)
        {
            buf[start + i] += vel * env * (Wavetable.Sin(ph) + 0.5f * Wavetable.Sin(ph2));
            env *= envMul;
            ph += hz / sr; if (ph >= 1f) ph -= 1f;
            ph2 += hz * 1.48f / sr; if (ph2 >= 1f) ph2 -= 1f;
        }
    }

    private static void Conga(float[] buf, int start, float vel, float hz, int sr)
    {
        int n = Math.Min(buf.Length - start, (int)(0.5f * sr));
        float env = 1f, envMul = MathF.Exp(-1f / (0.08f * sr)), ph = 0, bend = 1.3f, bendMul = MathF.Exp(-1f / (0.01f * sr));
        for (int i = 0; i < n; i++)
        {
            buf[start + i] += vel * env * Wavetable.Sin(ph);
            env *= envMul;
            ph += hz * bend / sr; if (ph >= 1f) ph -= 1f;
            bend = 1f + (bend - 1f) * bendMul;
        }
    }

    private static void Tom(float[] buf, int start, float vel, float hz, int sr)
    {
        int n = Math.Min(buf.Length - start, (int)(0.6f * sr));
        float env = 1f, envMul = MathF.Exp(-1f / (0.15f * sr)), ph = 0, bend = 1.5f, bendMul = MathF.Exp(-1f / (0.03f * sr));
        for (int i = 0; i < n; i++)
        {
            buf[start + i] += vel * 0.8f * env * Wavetable.Sin(ph);
            env *= envMul;
            ph += hz * bend / sr; if (ph >= 1f) ph -= 1f;
            bend = 1f + (bend - 1f) * bendMul;
        }
    }
}
