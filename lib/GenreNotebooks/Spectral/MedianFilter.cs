using System.Runtime.Intrinsics;

namespace GenreNotebooks.Spectral;

/// <summary>
/// Sliding-window median of each row of a matrix with scipy's <c>'reflect'</c> boundary (<c>d c b a | a b c d | d c b a</c>),
/// as <c>scipy.ndimage.median_filter(x, size=(1, k), mode="reflect")</c> (odd k). The window is kept sorted and
/// updated by one removal and one insertion per step (O(k) per output, no re-sorting), which is what makes HPSS fast.
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
    /// Median-filters every column of <paramref name="input"/> (shape (rows, cols)) along the rows with a window of
    /// <paramref name="size"/> rows centred on each element and 'reflect' boundary:
    /// <c>scipy.ndimage.median_filter(x, size=(k, 1), mode="reflect")</c>. Eight (or sixteen) adjacent columns are filtered
    /// at once with SIMD: each lane keeps its own sorted window, updated by a branch-free remove-and-insert pass
    /// (<c>max(r[j-1], min(r[j], new))</c>), so there are no mispredicted branches.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="size"/> is not a positive odd number, or <paramref name="threads"/> &lt; 1.</exception>
    public static FloatMatrix Columns(FloatMatrix input, int size, int threads = 1)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (size < 1 || size % 2 == 0)
            throw new ArgumentOutOfRangeException(nameof(size), $"median window must be a positive odd number, got {size}");
        ArgumentOutOfRangeException.ThrowIfLessThan(threads, 1);
        var output = new FloatMatrix(input.Rows, input.Cols);
        if (input.Rows == 0 || input.Cols == 0) return output;
        int lanes = Vector512.IsHardwareAccelerated ? Vector512<float>.Count : Vector256.IsHardwareAccelerated ? Vector256<float>.Count : 1;
        int groups = lanes == 1 ? 0 : input.Cols / lanes;
        void Group(int g)
        {
            if (lanes == 16) FilterColumns512(input, output, g * 16, size);
            else FilterColumns256(input, output, g * 8, size);
        }
        if (threads == 1) for (int g = 0; g < groups; g++) Group(g);
        else Parallel.For(0, groups, new ParallelOptions { MaxDegreeOfParallelism = threads }, Group);
        var col = new float[input.Rows];
        var res = new float[input.Rows];
        var window = new float[size];
        for (int c = groups * lanes; c < input.Cols; c++)
        {
            for (int r = 0; r < input.Rows; r++) col[r] = input.Data[r * input.Cols + c];
            FilterRow(col, res, window);
            for (int r = 0; r < input.Rows; r++) output.Data[r * input.Cols + c] = res[r];
        }
        return output;
    }

    private static void FilterColumns256(FloatMatrix input, FloatMatrix output, int col0, int k)
    {
        int n = input.Rows, cols = input.Cols, half = k / 2;
        var src = input.Data;
        var dst = output.Data;
        Span<Vector256<float>> w = stackalloc Vector256<float>[k];
        var inf = Vector256.Create(float.PositiveInfinity);
        var negInf = Vector256.Create(float.NegativeInfinity);
        w.Fill(inf);
        for (int j = 0; j < k; j++) Replace256(w, inf, Vector256.Create(src.AsSpan(Reflect(j - half, n) * cols + col0, 8)), inf, negInf);
        w[half].CopyTo(dst.AsSpan(col0, 8));
        for (int t = 1; t < n; t++)
        {
            var outgoing = Vector256.Create(src.AsSpan(Reflect(t - 1 - half, n) * cols + col0, 8));
            var incoming = Vector256.Create(src.AsSpan(Reflect(t + half, n) * cols + col0, 8));
            Replace256(w, outgoing, incoming, inf, negInf);
            w[half].CopyTo(dst.AsSpan(t * cols + col0, 8));
        }
    }

    private static void Replace256(Span<Vector256<float>> w, Vector256<float> outgoing, Vector256<float> incoming, Vector256<float> inf, Vector256<float> negInf)
    {
        int k = w.Length;
        var prev = negInf;
        var cur = w[0];
        for (int j = 0; j < k; j++)
        {
            // r[j]: the window without the outgoing value (shift left past it); then insert the incoming value.
            var next = j + 1 < k ? w[j + 1] : inf;
            var r = Vector256.ConditionalSelect(Vector256.LessThan(cur, outgoing), cur, next);
            w[j] = Vector256.Max(prev, Vector256.Min(r, incoming));
            prev = r;
            cur = next;
        }
    }

    private static void FilterColumns512(FloatMatrix input, FloatMatrix output, int col0, int k)
    {
        int n = input.Rows, cols = input.Cols, half = k / 2;
        var src = input.Data;
        var dst = output.Data;
        Span<Vector512<float>> w = stackalloc Vector512<float>[k];
        var inf = Vector512.Create(float.PositiveInfinity);
        var negInf = Vector512.Create(float.NegativeInfinity);
        w.Fill(inf);
        for (int j = 0; j < k; j++) Replace512(w, inf, Vector512.Create(src.AsSpan(Reflect(j - half, n) * cols + col0, 16)), inf, negInf);
        w[half].CopyTo(dst.AsSpan(col0, 16));
        for (int t = 1; t < n; t++)
        {
            var outgoing = Vector512.Create(src.AsSpan(Reflect(t - 1 - half, n) * cols + col0, 16));
            var incoming = Vector512.Create(src.AsSpan(Reflect(t + half, n) * cols + col0, 16));
            Replace512(w, outgoing, incoming, inf, negInf);
            w[half].CopyTo(dst.AsSpan(t * cols + col0, 16));
        }
    }

    private static void Replace512(Span<Vector512<float>> w, Vector512<float> outgoing, Vector512<float> incoming, Vector512<float> inf, Vector512<float> negInf)
    {
        int k = w.Length;
        var prev = negInf;
        var cur = w[0];
        for (int j = 0; j < k; j++)
        {
            var next = j + 1 < k ? w[j + 1] : inf;
            var r = Vector512.ConditionalSelect(Vector512.LessThan(cur, outgoing), cur, next);
            w[j] = Vector512.Max(prev, Vector512.Min(r, incoming));
            prev = r;
            cur = next;
        }
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
