namespace GenreNotebooks.Spectral;

/// <summary>
/// Sliding-window median of each row of a matrix with scipy's <c>'reflect'</c> boundary (<c>d c b a | a b c d | d c b a</c>),
/// as <c>scipy.ndimage.median_filter(x, size=(1, k), mode="reflect")</c> (odd k). The window is kept sorted and
/// updated by one removal and one insertion per step (O(k) per output, no re-sorting), which is what makes HPSS fast.
/// Taught in notebooks/03-exploring-the-features.
/// </summary>
public static class MedianFilter
{
    /// <summary>
    /// Median-filters every row of <paramref name="input"/> (shape (rows, cols)) with a window of
    /// <paramref name="size"/> samples centred on each element, into a new matrix of the same shape.
    /// Rows are spread over up to <paramref name="threads"/> threads.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="size"/> is not a positive odd number, or <paramref name="threads"/> &lt; 1.</exception>
    public static FloatMatrix Rows(FloatMatrix input, int size, int threads = 1)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (size < 1 || size % 2 == 0)
            throw new ArgumentOutOfRangeException(nameof(size), $"median window must be a positive odd number, got {size}");
        ArgumentOutOfRangeException.ThrowIfLessThan(threads, 1);
        var output = new FloatMatrix(input.Rows, input.Cols);
        if (input.Cols == 0) return output;
        if (threads == 1 || input.Rows < 2)
        {
            var window = new float[size];
            for (int r = 0; r < input.Rows; r++) FilterRow(input.Row(r), output.Row(r), window);
        }
        else
        {
            Parallel.For(0, input.Rows, new ParallelOptions { MaxDegreeOfParallelism = threads },
                () => new float[size],
                (r, _, window) => { FilterRow(input.Row(r), output.Row(r), window); return window; },
                _ => { });
        }
        return output;
    }

    /// <summary>
    /// Median filter of one signal <paramref name="x"/> into <paramref name="y"/> (same length) with a window of
    /// <c>window.Length</c> (odd) samples and reflect boundary; <paramref name="window"/> is scratch space.
    /// </summary>
    public static void FilterRow(ReadOnlySpan<float> x, Span<float> y, Span<float> window)
    {
        int n = x.Length, k = window.Length, half = k / 2;
        if (y.Length != n) throw new ArgumentException($"output has {y.Length} values, input {n}", nameof(y));
        if (k % 2 == 0) throw new ArgumentException($"window length must be odd, got {k}", nameof(window));
        if (n == 0) return;
        for (int j = 0; j < k; j++) window[j] = x[Reflect(j - half, n)];
        window.Sort();
        y[0] = window[half];
        for (int t = 1; t < n; t++)
        {
            float outgoing = x[Reflect(t - 1 - half, n)];
            float incoming = x[Reflect(t + half, n)];
            Replace(window, outgoing, incoming);
            y[t] = window[half];
        }
    }

    /// <summary>Index of scipy's 'reflect' extension: -1 maps to 0, n maps to n-1, periodic with period 2n.</summary>
    internal static int Reflect(int i, int n)
    {
        if ((uint)i < (uint)n) return i;
        int period = 2 * n;
        i %= period;
        if (i < 0) i += period;
        return i < n ? i : period - 1 - i;
    }

    private static void Replace(Span<float> w, float outgoing, float incoming)
    {
        if (outgoing == incoming) return;
        // Branch-light lower bound of the outgoing value (it is in the window).
        int lo = 0, len = w.Length;
        while (len > 1)
        {
            int halfLen = len >> 1;
            lo = w[lo + halfLen - 1] < outgoing ? lo + halfLen : lo;
            len -= halfLen;
        }
        int p = lo;
        if (incoming > outgoing)
        {
            int last = w.Length - 1;
            while (p < last && w[p + 1] < incoming) { w[p] = w[p + 1]; p++; }
        }
        else
        {
            while (p > 0 && w[p - 1] > incoming) { w[p] = w[p - 1]; p--; }
        }
        w[p] = incoming;
    }
}
