namespace GenreNotebooks.Datasets.Synthesis;

/// <summary>
/// Renders one pitched note of an <see cref="Instrument"/> (added into a buffer). Every voice is a few table look-ups,
/// multiplications and one-pole filters per sample; the only allocation-free scratch is the caller's delay line.
/// </summary>
internal static class TonalVoices
{
    /// <summary>
    /// Adds a note of <paramref name="hz"/> starting at <paramref name="start"/>, held for <paramref name="holdSamples"/>,
    /// at amplitude <paramref name="amp"/>; <paramref name="drive"/> is the distortion gain (distorted guitar only).
    /// </summary>
    public static void Render(Instrument instrument, float[] buffer, int start, int holdSamples, float hz, float amp,
        float drive, SynthRandom rng, float[] scratch, int sr)
    {
        if (start >= buffer.Length || hz <= 0) return;
        if (start < 0) { holdSamples += start; if (holdSamples <= 0) return; start = 0; }
        switch (instrument)
        {
            case Instrument.Piano: Additive(buffer, start, holdSamples, hz, amp, sr, PianoPartials, 0.004f, 1.2f, 0.15f, true); break;
            case Instrument.Organ: Organ(buffer, start, holdSamples, hz, amp, sr, rng); break;
            case Instrument.ElectricPiano: Fm(buffer, start, holdSamples, hz, amp, sr, 1f, 2.5f, 0.35f, 0.003f, 1.5f, 0.2f, 0f, 0f, rng); break;
            case Instrument.Bell: Fm(buffer, start, holdSamples, hz, amp, sr, 3.5f, 3f, 0.6f, 0.002f, 1.2f, 0.6f, 0f, 0f, rng); break;
            case Instrument.Brass: Fm(buffer, start, holdSamples, hz, amp, sr, 1f, 3.5f, -1f, 0.04f, 0f, 0.08f, 0.004f, 0.02f, rng); break;
            case Instrument.Reed: Fm(buffer, start, holdSamples, hz, amp, sr, 1f, 1.8f, -1f, 0.03f, 0f, 0.07f, 0.008f, 0.06f, rng); break;
            case Instrument.Flute: Fm(buffer, start, holdSamples, hz, amp, sr, 2f, 0.35f, -1f, 0.05f, 0f, 0.08f, 0.006f, 0.09f, rng); break;
            case Instrument.CleanGuitar: Pluck(buffer, start, holdSamples, hz, amp, sr, rng, scratch, 0.996f, 0.9f); break;
            case Instrument.NylonGuitar: Pluck(buffer, start, holdSamples, hz, amp, sr, rng, scratch, 0.994f, 0.45f); break;
            case Instrument.DistortedGuitar: Distorted(buffer, start, holdSamples, hz, amp, sr, drive, rng); break;
            case Instrument.Strings: Saws(buffer, start, holdSamples, hz, amp, sr, 3, 0.008f, 2600f, 0.25f, 0.35f, 0.004f); break;
            case Instrument.Pad: Saws(buffer, start, holdSamples, hz, amp, sr, 2, 0.006f, 1100f, 0.4f, 0.6f, 0f); break;
            case Instrument.SuperSaw: Saws(buffer, start, holdSamples, hz, amp, sr, 7, 0.012f, 6000f, 0.01f, 0.15f, 0f); break;
            case Instrument.SynthLead: Square(buffer, start, holdSamples, hz, amp, sr); break;
            case Instrument.Voice: VocalVoices.Sung(buffer, start, holdSamples, hz, amp, rng, sr); break;
            default: throw new ArgumentOutOfRangeException(nameof(instrument), instrument, "unknown instrument");
        }
    }

    private static readonly float[] PianoPartials = [1f, 0.45f, 0.25f, 0.12f, 0.08f, 0.04f];

    private static void Additive(float[] buf, int start, int hold, float hz, float amp, int sr, float[] partials,
        float attack, float decay, float release, bool brighterDecaysFaster)
    {
        var env = new Envelope(sr, attack, decay * MathF.Min(2f, 220f / hz + 0.5f), release, hold);
        int n = Math.Min(buf.Length - start, hold + Envelope.ReleaseSamples(sr, release));
        int k = 0;
        for (; k < partials.Length && (k + 1) * hz < 0.45f * sr; k++) { }
        Span<float> phase = stackalloc float[8];
        Span<float> gain = stackalloc float[8];
        Span<float> mul = stackalloc float[8];
        for (int p = 0; p < k; p++)
        {
            gain[p] = partials[p];
            mul[p] = brighterDecaysFaster ? MathF.Exp(-p * 2.5f / (decay * sr)) : 1f;
        }
        float inc = hz / sr;
        for (int i = 0; i < n; i++)
        {
            float s = 0;
            for (int p = 0; p < k; p++)
            {
                s += gain[p] * Wavetable.Sin(phase[p]);
                phase[p] += inc * (p + 1);
                if (phase[p] >= 1f) phase[p] -= 1f;
                gain[p] *= mul[p];
            }
            buf[start + i] += amp * env.Next() * s;
        }
    }

    private static void Organ(float[] buf, int start, int hold, float hz, float amp, int sr, SynthRandom rng)
    {
        Span<float> weights = [0.8f, 0.7f, 0.5f, 0.35f, 0.2f, 0.15f];
        Span<float> ratios = [1f, 2f, 3f, 4f, 6f, 8f];
        Span<float> phase = stackalloc float[6];
        var env = new Envelope(sr, 0.006f, 0f, 0.03f, hold);
        int n = Math.Min(buf.Length - start, hold + Envelope.ReleaseSamples(sr, 0.03f));
        float inc = hz / sr;
        int clickSamples = sr / 200;
        for (int i = 0; i < n; i++)
        {
            float s = 0;
            for (int p = 0; p < 6; p++)
            {
                if (ratios[p] * hz >= 0.45f * sr) break;
                s += weights[p] * Wavetable.Sin(phase[p]);
                phase[p] += inc * ratios[p];
                if (phase[p] >= 1f) phase[p] -= MathF.Floor(phase[p]);
            }
            if (i < clickSamples) s += 0.3f * rng.NextSigned() * (1f - (float)i / clickSamples);
            buf[start + i] += amp * 0.4f * env.Next() * s;
        }
    }

    /// <summary>Two-operator FM; a negative <paramref name="indexDecay"/> ties the index to the envelope (brass).</summary>
    private static void Fm(float[] buf, int start, int hold, float hz, float amp, int sr, float ratio, float index,
        float indexDecay, float attack, float decay, float release, float vibratoDepth, float breath, SynthRandom rng)
    {
        var env = new Envelope(sr, attack, decay, release, hold);
        int n = Math.Min(buf.Length - start, hold + Envelope.ReleaseSamples(sr, release));
        float inc = hz / sr, modInc = hz * ratio / sr;
        float idxMul = indexDecay > 0 ? MathF.Exp(-1f / (indexDecay * sr)) : 1f;
        float idx = index;
        float pc = 0, pm = 0, pv = 0, vibInc = 5.2f / sr;
        float noiseLp = 0;
        for (int i = 0; i < n; i++)
        {
            float e = env.Next();
            float currentIndex = indexDecay < 0 ? index * e : idx;
            idx *= idxMul;
            float mod = currentIndex * Wavetable.Sin(pm);
            float vib = vibratoDepth == 0 ? 0 : vibratoDepth * Wavetable.Sin(pv) * MathF.Min(1f, i / (0.3f * sr));
            float s = Wavetable.Sin(Wavetable.Wrap(pc + mod * 0.159f));
            if (breath > 0)
            {
                noiseLp += 0.2f * (rng.NextSigned() - noiseLp);
                s += breath * 4f * noiseLp;
            }
            buf[start + i] += amp * e * s;
            pc += inc * (1f + vib); if (pc >= 1f) pc -= 1f;
            pm += modInc * (1f + vib); if (pm >= 1f) pm -= 1f;
            pv += vibInc; if (pv >= 1f) pv -= 1f;
        }
    }

    /// <summary>Karplus-Strong: a noise burst circulating in a delay line of one period through an averaging filter.</summary>
    private static void Pluck(float[] buf, int start, int hold, float hz, float amp, int sr, SynthRandom rng,
        float[] scratch, float feedback, float brightness)
    {
        int period = Math.Clamp((int)(sr / hz), 2, scratch.Length);
        float lp = 0;
        for (int i = 0; i < period; i++)
        {
            lp += brightness * (rng.NextSigned() - lp);
            scratch[i] = lp;
        }
        float mute = MathF.Exp(-1f / (0.04f * sr));
        int n = Math.Min(buf.Length - start, hold + sr / 8);
        float release = 1f;
        int idx = 0;
        float fb = 0.5f * feedback;
        for (int i = 0; i < n; i++)
        {
            int next = idx + 1 == period ? 0 : idx + 1;
            float y = scratch[idx];
            scratch[idx] = fb * (y + scratch[next]);
            idx = next;
            if (i >= hold) release *= mute;
            buf[start + i] += amp * 1.6f * release * y;
        }
    }

    private static void Distorted(float[] buf, int start, int hold, float hz, float amp, int sr, float drive, SynthRandom rng)
    {
        // Power chord inside the distortion so root and fifth intermodulate like a real amp.
        var env = new Envelope(sr, 0.004f, 2.5f, 0.05f, hold);
        int n = Math.Min(buf.Length - start, hold + Envelope.ReleaseSamples(sr, 0.05f));
        float a = hz / sr, b = hz * 1.4983f / sr, c = hz * 2.004f / sr;
        float pa = rng.NextFloat(), pb = rng.NextFloat(), pc = rng.NextFloat();
        float cab = Wavetable.OnePole(3200f, sr), cab2 = Wavetable.OnePole(5000f, sr);
        float l1 = 0, l2 = 0, pre = 0;
        float preA = Wavetable.OnePole(1800f, sr);
        float g = MathF.Max(1f, drive);
        for (int i = 0; i < n; i++)
        {
            float raw = (2f * pa - 1f) + 0.8f * (2f * pb - 1f) + 0.5f * (2f * pc - 1f);
            pre += preA * (raw - pre);
            float d = Wavetable.SoftClip(g * pre * 0.6f);
            l1 += cab * (d - l1);
            l2 += cab2 * (l1 - l2);
            buf[start + i] += amp * 0.5f * env.Next() * l2;
            pa += a; if (pa >= 1f) pa -= 1f;
            pb += b; if (pb >= 1f) pb -= 1f;
            pc += c; if (pc >= 1f) pc -= 1f;
        }
    }

    private static void Saws(float[] buf, int start, int hold, float hz, float amp, int sr, int voices, float detune,
        float cutoff, float attack, float release, float vibrato)
    {
        var env = new Envelope(sr, attack, 0f, release, hold);
        int n = Math.Min(buf.Length - start, hold + Envelope.ReleaseSamples(sr, release));
        Span<float> ph = stackalloc float[8];
        Span<float> inc = stackalloc float[8];
        for (int v = 0; v < voices; v++)
        {
            float spread = voices == 1 ? 0 : (2f * v / (voices - 1) - 1f);
            inc[v] = hz * (1f + detune * spread) / sr;
            ph[v] = (v * 0.37f) % 1f;
        }
        float lpA = Wavetable.OnePole(cutoff, sr), l1 = 0, l2 = 0;
        float pv = 0, vibInc = 5.5f / sr;
        float norm = 1f / MathF.Sqrt(voices);
        for (int i = 0; i < n; i++)
        {
            float vib = vibrato == 0 ? 1f : 1f + vibrato * Wavetable.Sin(pv);
            pv += vibInc; if (pv >= 1f) pv -= 1f;
            float s = 0;
            for (int v = 0; v < voices; v++)
            {
                s += 2f * ph[v] - 1f;
                ph[v] += inc[v] * vib;
                if (ph[v] >= 1f) ph[v] -= 1f;
            }
            l1 += lpA * (s * norm - l1);
            l2 += lpA * (l1 - l2);
            buf[start + i] += amp * env.Next() * l2;
        }
    }

    private static void Square(float[] buf, int start, int hold, float hz, float amp, int sr)
    {
        var env = new Envelope(sr, 0.005f, 1.5f, 0.06f, hold);
        int n = Math.Min(buf.Length - start, hold + Envelope.ReleaseSamples(sr, 0.06f));
        float inc = hz / sr, ph = 0, lp = 0, a = Wavetable.OnePole(2500f, sr);
        for (int i = 0; i < n; i++)
        {
            float s = ph < 0.5f ? 0.6f : -0.6f;
            lp += a * (s - lp);
            buf[start + i] += amp * env.Next() * lp;
            ph += inc; if (ph >= 1f) ph -= 1f;
        }
    }
}
