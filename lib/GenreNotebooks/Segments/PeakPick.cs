namespace GenreNotebooks.Segments;

/// <summary>
/// Greedy peak picking, as librosa 0.10.2's <c>librosa.util.peak_pick</c> (after Böck, Krebs and Schedl 2012): frame n is
/// a peak when
/// <list type="number">
/// <item><c>x[n] == max(x[n - pre_max : n + post_max])</c>,</item>
/// <item><c>x[n] &gt;= mean(x[n - pre_avg : n + post_avg]) + delta</c>,</item>
/// <item>n lies more than <c>wait</c> frames after the previous peak,</item>
/// </list>
/// with the windows cut at the ends of the signal. The scan goes left to right; after a peak the next <c>wait</c>
/// frames are skipped. Frame 0 is tested against the windows starting at 0 (librosa's special case). The means are
/// accumulated in float32 as numba's <c>np.mean</c> of a float32 array, and the threshold compared in float64.
/// </summary>
public static class PeakPick
{
    /// <summary>The indices of the peaks of <paramref name="x"/>, ascending (librosa <c>peak_pick(x, ..., sparse=True)</c>).</summary>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range (see <see cref="PeakPickOptions.Validate"/>).</exception>
    public static int[] Pick(ReadOnlySpan<float> x, PeakPickOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        int length = x.Length;
        var peaks = new List<int>();
        if (length == 0) return [];
        int preMax = options.PreMax, postMax = options.PostMax, preAvg = options.PreAvg, postAvg = options.PostAvg, wait = options.Wait;
        double delta = options.Delta;

        // 1) Frame 0: librosa compares it with the windows x[:post_max] and x[:post_avg].
        bool first = x[0] >= Max(x[..Math.Min(postMax, length)]) && x[0] >= Mean(x[..Math.Min(postAvg, length)]) + delta;
        if (first) peaks.Add(0);
        int n = first ? wait + 1 : 1;

        // 2) The greedy scan: the local-maximum test first (cheap), then the mean threshold, then skip `wait` frames.
        while (n < length)
        {
            int lo = Math.Max(0, n - preMax), hi = Math.Min(n + postMax, length);
            if (x[n] != Max(x[lo..hi]))
            {
                n++;
                continue;
            }
            lo = Math.Max(0, n - preAvg);
            hi = Math.Min(n + postAvg, length);
            if (!(x[n] >= Mean(x[lo..hi]) + delta))
            {
                n++;
                continue;
            }
            peaks.Add(n);
            n += wait + 1;
        }
        return peaks.ToArray();
    }

    /// <summary>Picks peaks with <see cref="PeakPickOptions.OnsetDefaults"/> for the given rate and hop.</summary>
    public static int[] Pick(ReadOnlySpan<float> x, int sampleRate = 22050, int hopLength = 512) =>
        Pick(x, PeakPickOptions.OnsetDefaults(sampleRate, hopLength));

    private static float Max(ReadOnlySpan<float> w)
    {
        float m = w[0];
        for (int i = 1; i < w.Length; i++) if (w[i] > m) m = w[i];
        return m;
    }

    private static double Mean(ReadOnlySpan<float> w)
    {
        float s = 0f;
        foreach (float v in w) s += v;
        return (double)s / w.Length;
    }
}
