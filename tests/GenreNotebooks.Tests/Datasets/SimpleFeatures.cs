namespace GenreNotebooks.Tests.Datasets;

/// <summary>
/// Plain per-track features computed independently of the library's spectral code (a radix-2 FFT written here):
/// spectral centroid mean/std, zero-crossing rate, RMS mean/std (dB), onset rate and envelope periodicity (tempo).
/// </summary>
internal static class SimpleFeatures
{
    public const int Frame = 1024;
    public const int Hop = 512;
    private static readonly double[] Window = Enumerable.Range(0, Frame).Select(i => 0.5 - 0.5 * Math.Cos(2 * Math.PI * i / Frame)).ToArray();
    private static readonly double[] Cos = Enumerable.Range(0, Frame / 2).Select(k => Math.Cos(2 * Math.PI * k / Frame)).ToArray();
    private static readonly double[] Sin = Enumerable.Range(0, Frame / 2).Select(k => Math.Sin(2 * Math.PI * k / Frame)).ToArray();

    public static float[] Compute(float[] x, int sr)
    {
        int frames = (x.Length - Frame) / Hop + 1;
        var centroid = new double[frames];
        var rmsDb = new double[frames];
        var flux = new double[frames];
        var re = new double[Frame];
        var im = new double[Frame];
        var prevMag = new double[Frame / 2 + 1];
        double zc = 0;
        for (int i = 1; i < x.Length; i++) if ((x[i] >= 0) != (x[i - 1] >= 0)) zc++;
        for (int f = 0; f < frames; f++)
        {
            double e = 0;
            for (int i = 0; i < Frame; i++)
            {
                double w = Window[i];
                double v = x[f * Hop + i];
                e += v * v;
                re[i] = v * w;
                im[i] = 0;
            }
            rmsDb[f] = 10 * Math.Log10(e / Frame + 1e-10);
            Fft(re, im);
            double num = 0, den = 1e-12, fl = 0;
            for (int k = 0; k <= Frame / 2; k++)
            {
                double m = Math.Sqrt(re[k] * re[k] + im[k] * im[k]);
                num += m * k * sr / (double)Frame;
                den += m;
                double lm = Math.Log(1 + 100 * m), d = lm - prevMag[k];
                if (d > 0) fl += d;
                prevMag[k] = lm;
            }
            centroid[f] = num / den;
            flux[f] = fl;
        }
        flux[0] = 0;
        // Onsets: flux peaks above a local mean; periodicity: the strongest autocorrelation lag of the flux.
        int onsets = 0;
        for (int f = 2; f < frames - 2; f++)
        {
            double local = 0;
            for (int k = Math.Max(0, f - 10); k < Math.Min(frames, f + 10); k++) local += flux[k];
            local /= Math.Min(frames, f + 10) - Math.Max(0, f - 10);
            if (flux[f] > 1.5 * local && flux[f] >= flux[f - 1] && flux[f] >= flux[f + 1]) onsets++;
        }
        double seconds = x.Length / (double)sr;
        return
        [
            (float)Mean(centroid), (float)Std(centroid),
            (float)(zc / x.Length * sr),
            (float)Mean(rmsDb), (float)Std(rmsDb),
            (float)(onsets / seconds),
            (float)Tempo(flux, sr),
        ];
    }

    public static readonly string[] Names = ["centroid_mean", "centroid_std", "zcr", "rms_db_mean", "rms_db_std", "onset_rate", "tempo"];

    /// <summary>Tempo (bpm) from the flux autocorrelation peak between 60 and 200 bpm.</summary>
    public static double Tempo(double[] flux, int sr)
    {
        double mean = Mean(flux);
        var c = flux.Select(v => v - mean).ToArray();
        double fps = sr / (double)Hop;
        int minLag = (int)(fps * 60 / 200), maxLag = (int)(fps * 60 / 60);
        double best = double.NegativeInfinity;
        int bestLag = minLag;
        for (int lag = minLag; lag <= maxLag && lag < c.Length; lag++)
        {
            double s = 0;
            for (int i = lag; i < c.Length; i++) s += c[i] * c[i - lag];
            s /= c.Length - lag;
            if (s > best) { best = s; bestLag = lag; }
        }
        return 60 * fps / bestLag;
    }

    public static double Mean(double[] v) => v.Average();

    public static double Std(double[] v)
    {
        double m = Mean(v);
        return Math.Sqrt(v.Sum(a => (a - m) * (a - m)) / v.Length);
    }

    private static void Fft(double[] re, double[] im)
    {
        int n = re.Length;
        for (int i = 1, j = 0; i < n; i++)
        {
            int bit = n >> 1;
            for (; (j & bit) != 0; bit >>= 1) j ^= bit;
            j ^= bit;
            if (i < j) { (re[i], re[j]) = (re[j], re[i]); (im[i], im[j]) = (im[j], im[i]); }
        }
        for (int len = 2; len <= n; len <<= 1)
        {
            for (int i = 0; i < n; i += len)
                for (int k = 0; k < len / 2; k++)
                {
                    double wr = Cos[k * (n / len)], wi = -Sin[k * (n / len)];
                    double ur = re[i + k], ui = im[i + k];
                    double vr = re[i + k + len / 2] * wr - im[i + k + len / 2] * wi;
                    double vi = re[i + k + len / 2] * wi + im[i + k + len / 2] * wr;
                    re[i + k] = ur + vr; im[i + k] = ui + vi;
                    re[i + k + len / 2] = ur - vr; im[i + k + len / 2] = ui - vi;
                }
        }
    }
}
