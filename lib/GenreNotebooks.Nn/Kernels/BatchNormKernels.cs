using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace GenreNotebooks.Nn.Kernels;

/// <summary>
/// Vectorised row loops of batch normalisation: per-channel statistics, the affine map (optionally followed by ReLU,
/// so a BatchNorm+ReLU pair reads and writes the activations once) and the two backward passes.
/// Each row is one (sample, channel) plane; rows are accumulated in float, rows combined in double by the caller.
/// </summary>
internal static class BatchNormKernels
{
    /// <summary>
    /// Sum of one (sample, channel) plane and its squared deviation from the plane's own mean: the per-plane part of the
    /// batch statistics, combined across planes by <c>Functional.ChannelStatistics</c>. The convolution computes it in
    /// its epilogue while the output is in cache, with exactly these operations, so both routes agree bit for bit.
    /// </summary>
    /// <remarks>
    /// One pass with the data shifted by its first value K: Σ(x - K) and Σ(x - K)² give the sum and
    /// M2 = Σ(x - K)² - (Σ(x - K))²/len; the shift keeps the cancellation as small as the two-pass formula's for data
    /// whose spread is not tiny next to its distance from K.
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static (double Sum, double M2) PlaneMoments(ReadOnlySpan<float> plane)
    {
        int n = plane.Length, i = 0;
        if (n == 0) return (0, 0);
        ref float r = ref System.Runtime.InteropServices.MemoryMarshal.GetReference(plane);
        float k = plane[0];
        double sd, sq;
        if (Vector512.IsHardwareAccelerated)
        {
            var kv = Vector512.Create(k);
            Vector512<float> s0 = default, s1 = default, q0 = default, q1 = default;
            for (; i + 32 <= n; i += 32)
            {
                var d0 = Vector512.LoadUnsafe(ref r, (nuint)i) - kv;
                var d1 = Vector512.LoadUnsafe(ref r, (nuint)(i + 16)) - kv;
                s0 += d0; s1 += d1;
                q0 = Vector512.FusedMultiplyAdd(d0, d0, q0);
                q1 = Vector512.FusedMultiplyAdd(d1, d1, q1);
            }
            sd = Vector512.Sum(s0 + s1);
            sq = Vector512.Sum(q0 + q1);
        }
        else
        {
            var kv = Vector256.Create(k);
            Vector256<float> s0 = default, s1 = default, q0 = default, q1 = default;
            for (; i + 16 <= n; i += 16)
            {
                var d0 = Vector256.LoadUnsafe(ref r, (nuint)i) - kv;
                var d1 = Vector256.LoadUnsafe(ref r, (nuint)(i + 8)) - kv;
                s0 += d0; s1 += d1;
                q0 = Vector256.FusedMultiplyAdd(d0, d0, q0);
                q1 = Vector256.FusedMultiplyAdd(d1, d1, q1);
            }
            sd = Vector256.Sum(s0 + s1);
            sq = Vector256.Sum(q0 + q1);
        }
        for (; i < n; i++)
        {
            double d = plane[i] - k;
            sd += d;
            sq += d * d;
        }
        return (sd + (double)k * n, Math.Max(0, sq - sd * sd / n));
    }

    /// <summary>Σ (x - mean)² over the row.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static double SquaredDeviation(ReadOnlySpan<float> x, float mean)
    {
        int i = 0, n = x.Length;
        ref float r = ref System.Runtime.InteropServices.MemoryMarshal.GetReference(x);
        var m = Vector256.Create(mean);
        var acc0 = Vector256<float>.Zero;
        var acc1 = Vector256<float>.Zero;
        for (; i + 16 <= n; i += 16)
        {
            var d0 = Vector256.LoadUnsafe(ref r, (nuint)i) - m;
            var d1 = Vector256.LoadUnsafe(ref r, (nuint)(i + 8)) - m;
            acc0 = Vector256.FusedMultiplyAdd(d0, d0, acc0);
            acc1 = Vector256.FusedMultiplyAdd(d1, d1, acc1);
        }
        double s = Vector256.Sum(acc0 + acc1);
        for (; i < n; i++)
        {
            float d = x[i] - mean;
            s += d * d;
        }
        return s;
    }

    /// <summary>y = x·scale + shift, then max(y, 0) when <paramref name="relu"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Affine(ReadOnlySpan<float> x, float scale, float shift, bool relu, Span<float> y)
    {
        int i = 0, n = x.Length;
        ref float rx = ref System.Runtime.InteropServices.MemoryMarshal.GetReference(x);
        ref float ry = ref System.Runtime.InteropServices.MemoryMarshal.GetReference(y);
        var vs = Vector256.Create(scale);
        var vb = Vector256.Create(shift);
        if (relu)
        {
            for (; i + 8 <= n; i += 8)
                Vector256.Max(Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref rx, (nuint)i), vs, vb), Vector256<float>.Zero).StoreUnsafe(ref ry, (nuint)i);
            for (; i < n; i++) y[i] = Relu(MathF.FusedMultiplyAdd(x[i], scale, shift));
        }
        else
        {
            for (; i + 8 <= n; i += 8)
                Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref rx, (nuint)i), vs, vb).StoreUnsafe(ref ry, (nuint)i);
            for (; i < n; i++) y[i] = MathF.FusedMultiplyAdd(x[i], scale, shift);
        }
    }

    /// <summary>
    /// Σ dy and Σ dy·x over the row, where dy = g, or with <paramref name="reluOut"/> dy = g where the ReLU output is
    /// positive and 0 elsewhere (the gradient that reaches the normalisation through a fused ReLU).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static (double SumDy, double SumDyX) GradSums(ReadOnlySpan<float> g, ReadOnlySpan<float> x, ReadOnlySpan<float> reluOut)
    {
        int i = 0, n = g.Length;
        bool relu = !reluOut.IsEmpty;
        ref float rg = ref System.Runtime.InteropServices.MemoryMarshal.GetReference(g);
        ref float rx = ref System.Runtime.InteropServices.MemoryMarshal.GetReference(x);
        ref float ry = ref System.Runtime.InteropServices.MemoryMarshal.GetReference(reluOut);
        var s = Vector256<float>.Zero;
        var d = Vector256<float>.Zero;
        for (; i + 8 <= n; i += 8)
        {
            var gv = Vector256.LoadUnsafe(ref rg, (nuint)i);
            if (relu) gv &= Vector256.GreaterThan(Vector256.LoadUnsafe(ref ry, (nuint)i), Vector256<float>.Zero);
            s += gv;
            d = Vector256.FusedMultiplyAdd(gv, Vector256.LoadUnsafe(ref rx, (nuint)i), d);
        }
        double sum = Vector256.Sum(s), dot = Vector256.Sum(d);
        for (; i < n; i++)
        {
            float gi = relu && !(reluOut[i] > 0f) ? 0f : g[i];
            sum += gi;
            dot += gi * x[i];
        }
        return (sum, dot);
    }

    /// <summary>dx += a·dy + bx·x + c, with dy masked by the fused ReLU's output as in <see cref="GradSums"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void AddInputGrad(ReadOnlySpan<float> g, ReadOnlySpan<float> x, ReadOnlySpan<float> reluOut, float a, float bx, float c, Span<float> dx)
    {
        int i = 0, n = g.Length;
        bool relu = !reluOut.IsEmpty;
        ref float rg = ref System.Runtime.InteropServices.MemoryMarshal.GetReference(g);
        ref float rx = ref System.Runtime.InteropServices.MemoryMarshal.GetReference(x);
        ref float ry = ref System.Runtime.InteropServices.MemoryMarshal.GetReference(reluOut);
        ref float rd = ref System.Runtime.InteropServices.MemoryMarshal.GetReference(dx);
        var va = Vector256.Create(a);
        var vbx = Vector256.Create(bx);
        var vc = Vector256.Create(c);
        // Eval mode passes bx = c = 0: skip x so an infinite input does not turn 0·x into NaN.
        bool useX = bx != 0f || c != 0f;
        for (; i + 8 <= n; i += 8)
        {
            var gv = Vector256.LoadUnsafe(ref rg, (nuint)i);
            if (relu) gv &= Vector256.GreaterThan(Vector256.LoadUnsafe(ref ry, (nuint)i), Vector256<float>.Zero);
            var t = useX ? Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref rx, (nuint)i), vbx, vc) : Vector256<float>.Zero;
            t = Vector256.FusedMultiplyAdd(gv, va, t);
            (Vector256.LoadUnsafe(ref rd, (nuint)i) + t).StoreUnsafe(ref rd, (nuint)i);
        }
        for (; i < n; i++)
        {
            float gi = relu && !(reluOut[i] > 0f) ? 0f : g[i];
            dx[i] += MathF.FusedMultiplyAdd(gi, a, useX ? MathF.FusedMultiplyAdd(x[i], bx, c) : 0f);
        }
    }

    /// <summary>Σ g and Σ g·(y - shift) over the elements where y &gt; 0 (sums of the gradient passed back through ReLU, given its output y).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static (double SumG, double SumGY) MaskedSums(ReadOnlySpan<float> g, ReadOnlySpan<float> y, float shift)
    {
        int i = 0, n = g.Length;
        ref float rg = ref System.Runtime.InteropServices.MemoryMarshal.GetReference(g);
        ref float ry = ref System.Runtime.InteropServices.MemoryMarshal.GetReference(y);
        var s = Vector256<float>.Zero;
        var d = Vector256<float>.Zero;
        var vs = Vector256.Create(shift);
        for (; i + 8 <= n; i += 8)
        {
            var yv = Vector256.LoadUnsafe(ref ry, (nuint)i);
            var gv = Vector256.LoadUnsafe(ref rg, (nuint)i) & Vector256.GreaterThan(yv, Vector256<float>.Zero);
            s += gv;
            d = Vector256.FusedMultiplyAdd(gv, yv - vs, d);
        }
        double sum = Vector256.Sum(s), dot = Vector256.Sum(d);
        for (; i < n; i++)
            if (y[i] > 0f)
            {
                sum += g[i];
                dot += g[i] * (y[i] - shift);
            }
        return (sum, dot);
    }

    /// <summary>dst = g where y &gt; 0, else 0 (the gradient passed back through ReLU, given its output y).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void MaskPositive(ReadOnlySpan<float> g, ReadOnlySpan<float> y, Span<float> dst)
    {
        int i = 0, n = g.Length;
        ref float rg = ref System.Runtime.InteropServices.MemoryMarshal.GetReference(g);
        ref float ry = ref System.Runtime.InteropServices.MemoryMarshal.GetReference(y);
        ref float rd = ref System.Runtime.InteropServices.MemoryMarshal.GetReference(dst);
        for (; i + 8 <= n; i += 8)
            (Vector256.LoadUnsafe(ref rg, (nuint)i) & Vector256.GreaterThan(Vector256.LoadUnsafe(ref ry, (nuint)i), Vector256<float>.Zero)).StoreUnsafe(ref rd, (nuint)i);
        for (; i < n; i++) dst[i] = y[i] > 0f ? g[i] : 0f;
    }

    /// <summary>dx += g where x &gt; 0 (the ReLU backward pass).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void ReluGrad(ReadOnlySpan<float> g, ReadOnlySpan<float> x, Span<float> dx)
    {
        int i = 0, n = g.Length;
        ref float rg = ref System.Runtime.InteropServices.MemoryMarshal.GetReference(g);
        ref float rx = ref System.Runtime.InteropServices.MemoryMarshal.GetReference(x);
        ref float rd = ref System.Runtime.InteropServices.MemoryMarshal.GetReference(dx);
        for (; i + 8 <= n; i += 8)
        {
            var gv = Vector256.LoadUnsafe(ref rg, (nuint)i) & Vector256.GreaterThan(Vector256.LoadUnsafe(ref rx, (nuint)i), Vector256<float>.Zero);
            (Vector256.LoadUnsafe(ref rd, (nuint)i) + gv).StoreUnsafe(ref rd, (nuint)i);
        }
        for (; i < n; i++) if (x[i] > 0f) dx[i] += g[i];
    }

    private static float Relu(float v) => v > 0f || float.IsNaN(v) ? v : 0f;
}
