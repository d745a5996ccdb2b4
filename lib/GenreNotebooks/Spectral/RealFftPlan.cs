using System.Buffers;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace GenreNotebooks.Spectral;

/// <summary>
/// A real-input FFT of one size <c>n</c>, computed in float64: the <c>n</c> real samples are packed as <c>n / 2</c>
/// complex values, transformed by an iterative radix-2 FFT (SIMD butterflies with Vector512 / Vector256 when the
/// hardware has them, a scalar loop otherwise) and split into the <c>n / 2 + 1</c> bins of the real spectrum.
/// Sizes whose half is not a power of two use a direct O(n^2) transform (correct, but slow).
/// Twiddles are precomputed; a plan is immutable and thread-safe. numpy equivalent: <c>np.fft.rfft</c> / <c>irfft</c>.
/// </summary>
public sealed class RealFftPlan
{
    private readonly int _n;
    private readonly int _m;
    private readonly bool _fast;
    private readonly int[] _bitReverse = [];
    private readonly double[] _twRe = [];   // stage with half-size h uses entries [h, 2h): exp(-i pi j / h)
    private readonly double[] _twIm = [];
    private readonly double[] _postRe = []; // exp(-2 pi i k / n), k = 0..m
    private readonly double[] _postIm = [];
    private readonly double[] _cos = [];    // direct transform tables, cos/sin(2 pi j / n)
    private readonly double[] _sin = [];

    /// <summary>Prepares the transform of <paramref name="n"/> real samples.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="n"/> is not positive.</exception>
    public RealFftPlan(int n)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(n);
        _n = n;
        _m = n / 2;
        _fast = n % 2 == 0 && BitOperations.IsPow2(_m);
        if (_fast)
        {
            int bits = BitOperations.Log2((uint)_m);
            _bitReverse = new int[_m];
            for (int j = 0; j < _m; j++)
                _bitReverse[j] = bits == 0 ? 0 : (int)(ReverseBits((uint)j) >> (32 - bits));
            _twRe = new double[Math.Max(_m, 2)];
            _twIm = new double[Math.Max(_m, 2)];
            for (int h = 1; h < _m; h *= 2)
                for (int j = 0; j < h; j++)
                {
                    double angle = -Math.PI * j / h;
                    _twRe[h + j] = Math.Cos(angle);
                    _twIm[h + j] = Math.Sin(angle);
                }
            _postRe = new double[_m + 1];
            _postIm = new double[_m + 1];
            for (int k = 0; k <= _m; k++)
            {
                double angle = -2.0 * Math.PI * k / n;
                _postRe[k] = Math.Cos(angle);
                _postIm[k] = Math.Sin(angle);
            }
        }
        else
        {
            _cos = new double[n];
            _sin = new double[n];
            for (int j = 0; j < n; j++)
            {
                double angle = 2.0 * Math.PI * j / n;
                _cos[j] = Math.Cos(angle);
                _sin[j] = Math.Sin(angle);
            }
        }
    }

    /// <summary>Number of real samples <c>n</c>.</summary>
    public int Size => _n;

    /// <summary>Number of spectrum bins, <c>n / 2 + 1</c>.</summary>
    public int Bins => _n / 2 + 1;

    /// <summary>
    /// Forward transform: <c>X[k] = sum_t x[t] exp(-2 pi i k t / n)</c> for k = 0..n/2 (unnormalised, as numpy).
    /// </summary>
    /// <param name="input">n real samples.</param>
    /// <param name="real">Receives the n/2 + 1 real parts.</param>
    /// <param name="imag">Receives the n/2 + 1 imaginary parts.</param>
    public void Forward(ReadOnlySpan<double> input, Span<double> real, Span<double> imag)
    {
        CheckLengths(input.Length, real.Length, imag.Length);
        if (!_fast)
        {
            DirectForward(input, real, imag);
            return;
        }
        int m = _m;
        ref double x = ref MemoryMarshal.GetReference(input);
        ref double zr = ref MemoryMarshal.GetReference(real);
        ref double zi = ref MemoryMarshal.GetReference(imag);
        for (int j = 0; j < m; j++)
        {
            int r = _bitReverse[j];
            Unsafe.Add(ref zr, r) = Unsafe.Add(ref x, 2 * j);
            Unsafe.Add(ref zi, r) = Unsafe.Add(ref x, 2 * j + 1);
        }
        SplitTransform(real, imag);
    }

    /// <summary>
    /// Forward transform of <c>window[i] * samples[i]</c> (the STFT's inner step), windowing while loading the
    /// packed, bit-reversed input so the frame is never written separately.
    /// </summary>
    internal void ForwardWindowed(ReadOnlySpan<float> samples, ReadOnlySpan<double> window, Span<double> real, Span<double> imag, Span<double> scratch)
    {
        CheckLengths(samples.Length, real.Length, imag.Length);
        if (!_fast)
        {
            for (int i = 0; i < _n; i++) scratch[i] = window[i] * samples[i];
            DirectForward(scratch[.._n], real, imag);
            return;
        }
        ref float x = ref MemoryMarshal.GetReference(samples);
        ref double w = ref MemoryMarshal.GetReference(window);
        ref double zr = ref MemoryMarshal.GetReference(real);
        ref double zi = ref MemoryMarshal.GetReference(imag);
        ref int rev = ref MemoryMarshal.GetArrayDataReference(_bitReverse);
        for (int j = 0; j < _m; j++)
        {
            int r = Unsafe.Add(ref rev, j);
            Unsafe.Add(ref zr, r) = Unsafe.Add(ref w, 2 * j) * Unsafe.Add(ref x, 2 * j);
            Unsafe.Add(ref zi, r) = Unsafe.Add(ref w, 2 * j + 1) * Unsafe.Add(ref x, 2 * j + 1);
        }
        SplitTransform(real, imag);
    }

    /// <summary>Runs the complex FFT on the loaded packed input and splits it into the real spectrum, in place.</summary>
    private void SplitTransform(Span<double> real, Span<double> imag)
    {
        int m = _m;
        ComplexFft(real[..m], imag[..m]);

        // Split the packed transform Z into the spectrum: X[k] = E[k] + W^k O[k] with
        // E = (Z[k] + conj Z[m-k]) / 2 and O = (Z[k] - conj Z[m-k]) / 2i; k and m - k are done together in place.
        double z0r = real[0], z0i = imag[0];
        for (int k = 1; 2 * k <= m; k++)
        {
            int q = m - k;
            double ar = real[k], ai = imag[k], br = real[q], bi = imag[q];
            SplitPair(ar, ai, br, bi, _postRe[k], _postIm[k], out double xkr, out double xki);
            SplitPair(br, bi, ar, ai, _postRe[q], _postIm[q], out double xqr, out double xqi);
            real[k] = xkr; imag[k] = xki;
            real[q] = xqr; imag[q] = xqi;
        }
        real[0] = z0r + z0i;
        imag[0] = 0;
        real[m] = z0r - z0i;
        imag[m] = 0;
    }

    /// <summary>Forward transform of float32 samples (computed in float64, rounded once).</summary>
    public void Forward(ReadOnlySpan<float> input, Span<float> real, Span<float> imag)
    {
        CheckLengths(input.Length, real.Length, imag.Length);
        int bins = Bins;
        var pool = ArrayPool<double>.Shared;
        var x = pool.Rent(_n);
        var re = pool.Rent(bins);
        var im = pool.Rent(bins);
        try
        {
            for (int i = 0; i < _n; i++) x[i] = input[i];
            Forward(x.AsSpan(0, _n), re.AsSpan(0, bins), im.AsSpan(0, bins));
            for (int k = 0; k < bins; k++)
            {
                real[k] = (float)re[k];
                imag[k] = (float)im[k];
            }
        }
        finally
        {
            pool.Return(x);
            pool.Return(re);
            pool.Return(im);
        }
    }

    /// <summary>
    /// Inverse transform (numpy <c>irfft</c> with <c>n</c>): <c>x[t] = (1/n) sum_k X[k] exp(2 pi i k t / n)</c> over the
    /// Hermitian-extended spectrum. The imaginary parts of the DC and (even n) Nyquist bins are ignored, as numpy does.
    /// </summary>
    public void Inverse(ReadOnlySpan<double> real, ReadOnlySpan<double> imag, Span<double> output)
    {
        CheckLengths(output.Length, real.Length, imag.Length);
        if (!_fast)
        {
            DirectInverse(real, imag, output);
            return;
        }
        int m = _m;
        var pool = ArrayPool<double>.Shared;
        var zr = pool.Rent(m);
        var zi = pool.Rent(m);
        try
        {
            for (int k = 0; k < m; k++)
            {
                int q = m - k;
                double ar = real[k], ai = k == 0 ? 0 : imag[k];
                double br = real[q], bi = q == m ? 0 : -imag[q];   // conj X[m-k]
                double er = 0.5 * (ar + br), ei = 0.5 * (ai + bi);
                double dr = 0.5 * (ar - br), di = 0.5 * (ai - bi);
                double wr = _postRe[k], wi = -_postIm[k];          // conj W^k
                double or = dr * wr - di * wi, oi = dr * wi + di * wr;
                // Z = E + i O, stored conjugated so the forward kernel computes the inverse.
                int r = _bitReverse[k];
                zr[r] = er - oi;
                zi[r] = -(ei + or);
            }
            ComplexFft(zr.AsSpan(0, m), zi.AsSpan(0, m));
            double scale = 1.0 / m;
            for (int j = 0; j < m; j++)
            {
                output[2 * j] = zr[j] * scale;
                output[2 * j + 1] = -zi[j] * scale;
            }
        }
        finally
        {
            pool.Return(zr);
            pool.Return(zi);
        }
    }

    /// <summary>Inverse transform to float32 samples (computed in float64).</summary>
    public void Inverse(ReadOnlySpan<float> real, ReadOnlySpan<float> imag, Span<float> output)
    {
        CheckLengths(output.Length, real.Length, imag.Length);
        int bins = Bins;
        var pool = ArrayPool<double>.Shared;
        var x = pool.Rent(_n);
        var re = pool.Rent(bins);
        var im = pool.Rent(bins);
        try
        {
            for (int k = 0; k < bins; k++)
            {
                re[k] = real[k];
                im[k] = imag[k];
            }
            Inverse(re.AsSpan(0, bins), im.AsSpan(0, bins), x.AsSpan(0, _n));
            for (int i = 0; i < _n; i++) output[i] = (float)x[i];
        }
        finally
        {
            pool.Return(x);
            pool.Return(re);
            pool.Return(im);
        }
    }

    private void CheckLengths(int samples, int realLength, int imagLength)
    {
        if (samples != _n) throw new ArgumentException($"expected {_n} samples, got {samples}");
        if (realLength < Bins || imagLength < Bins)
            throw new ArgumentException($"spectrum spans need {Bins} bins, got {realLength} and {imagLength}");
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void SplitPair(double ar, double ai, double br, double bi, double wr, double wi, out double xr, out double xi)
    {
        // a = Z[k], b = Z[m-k]; conj b = (br, -bi).
        double er = 0.5 * (ar + br), ei = 0.5 * (ai - bi);
        double dr = ar - br, di = ai + bi;
        double or = 0.5 * di, oi = -0.5 * dr;                  // (a - conj b) / 2i
        xr = er + wr * or - wi * oi;
        xi = ei + wr * oi + wi * or;
    }

    /// <summary>In-place forward complex FFT of bit-reversed input (decimation in time), natural-order output.</summary>
    private void ComplexFft(Span<double> re, Span<double> im)
    {
        int m = re.Length;
        ref double r0 = ref MemoryMarshal.GetReference(re);
        ref double i0 = ref MemoryMarshal.GetReference(im);
        ref double twr = ref MemoryMarshal.GetArrayDataReference(_twRe);
        ref double twi = ref MemoryMarshal.GetArrayDataReference(_twIm);

        // h = 1 and h = 2 together as one radix-4 pass (twiddles 1 and -i).
        int h = 1;
        if (m >= 4)
        {
            for (int s = 0; s < m; s += 4)
            {
                double ar = Unsafe.Add(ref r0, s), ai = Unsafe.Add(ref i0, s);
                double br = Unsafe.Add(ref r0, s + 1), bi = Unsafe.Add(ref i0, s + 1);
                double cr = Unsafe.Add(ref r0, s + 2), ci = Unsafe.Add(ref i0, s + 2);
                double dr = Unsafe.Add(ref r0, s + 3), di = Unsafe.Add(ref i0, s + 3);
                double pr = ar + br, pi = ai + bi, qr = ar - br, qi = ai - bi;
                double ur = cr + dr, ui = ci + di, vr = cr - dr, vi = ci - di;
                // second stage: pair (p, u) with twiddle 1 and (q, v) with twiddle -i: -i * v = (vi, -vr)
                Unsafe.Add(ref r0, s) = pr + ur; Unsafe.Add(ref i0, s) = pi + ui;
                Unsafe.Add(ref r0, s + 2) = pr - ur; Unsafe.Add(ref i0, s + 2) = pi - ui;
                Unsafe.Add(ref r0, s + 1) = qr + vi; Unsafe.Add(ref i0, s + 1) = qi - vr;
                Unsafe.Add(ref r0, s + 3) = qr - vi; Unsafe.Add(ref i0, s + 3) = qi + vr;
            }
            h = 4;
        }

        for (; h < m; h *= 2)
        {
            int span = 2 * h;
            if (Vector512.IsHardwareAccelerated && h >= 8)
            {
                for (int s = 0; s < m; s += span)
                    for (int j = 0; j < h; j += 8)
                    {
                        nuint a = (nuint)(s + j), b = (nuint)(s + j + h), w = (nuint)(h + j);
                        var wr = Vector512.LoadUnsafe(ref twr, w);
                        var wi = Vector512.LoadUnsafe(ref twi, w);
                        var xr = Vector512.LoadUnsafe(ref r0, b);
                        var xi = Vector512.LoadUnsafe(ref i0, b);
                        var tr = wr * xr - wi * xi;
                        var ti = wr * xi + wi * xr;
                        var ar = Vector512.LoadUnsafe(ref r0, a);
                        var ai = Vector512.LoadUnsafe(ref i0, a);
                        (ar - tr).StoreUnsafe(ref r0, b);
                        (ai - ti).StoreUnsafe(ref i0, b);
                        (ar + tr).StoreUnsafe(ref r0, a);
                        (ai + ti).StoreUnsafe(ref i0, a);
                    }
            }
            else if (Vector256.IsHardwareAccelerated && h >= 4)
            {
                for (int s = 0; s < m; s += span)
                    for (int j = 0; j < h; j += 4)
                    {
                        nuint a = (nuint)(s + j), b = (nuint)(s + j + h), w = (nuint)(h + j);
                        var wr = Vector256.LoadUnsafe(ref twr, w);
                        var wi = Vector256.LoadUnsafe(ref twi, w);
                        var xr = Vector256.LoadUnsafe(ref r0, b);
                        var xi = Vector256.LoadUnsafe(ref i0, b);
                        var tr = wr * xr - wi * xi;
                        var ti = wr * xi + wi * xr;
                        var ar = Vector256.LoadUnsafe(ref r0, a);
                        var ai = Vector256.LoadUnsafe(ref i0, a);
                        (ar - tr).StoreUnsafe(ref r0, b);
                        (ai - ti).StoreUnsafe(ref i0, b);
                        (ar + tr).StoreUnsafe(ref r0, a);
                        (ai + ti).StoreUnsafe(ref i0, a);
                    }
            }
            else
            {
                for (int s = 0; s < m; s += span)
                    for (int j = 0; j < h; j++)
                    {
                        int a = s + j, b = a + h;
                        double wr = Unsafe.Add(ref twr, h + j), wi = Unsafe.Add(ref twi, h + j);
                        double xr = Unsafe.Add(ref r0, b), xi = Unsafe.Add(ref i0, b);
                        double tr = wr * xr - wi * xi, ti = wr * xi + wi * xr;
                        double ar = Unsafe.Add(ref r0, a), ai = Unsafe.Add(ref i0, a);
                        Unsafe.Add(ref r0, b) = ar - tr; Unsafe.Add(ref i0, b) = ai - ti;
                        Unsafe.Add(ref r0, a) = ar + tr; Unsafe.Add(ref i0, a) = ai + ti;
                    }
            }
        }
    }

    private void DirectForward(ReadOnlySpan<double> x, Span<double> real, Span<double> imag)
    {
        int n = _n;
        for (int k = 0; k < Bins; k++)
        {
            double sr = 0, si = 0;
            long idx = 0;
            for (int t = 0; t < n; t++)
            {
                sr += x[t] * _cos[idx];
                si -= x[t] * _sin[idx];
                idx += k;
                if (idx >= n) idx -= n;
            }
            real[k] = sr;
            imag[k] = si;
        }
    }

    private void DirectInverse(ReadOnlySpan<double> real, ReadOnlySpan<double> imag, Span<double> output)
    {
        int n = _n;
        int bins = Bins;
        bool hasNyquist = n % 2 == 0;
        for (int t = 0; t < n; t++)
        {
            double sum = real[0];
            if (hasNyquist) sum += (t % 2 == 0 ? 1 : -1) * real[bins - 1];
            long idx = t;
            int last = hasNyquist ? bins - 1 : bins;
            for (int k = 1; k < last; k++)
            {
                sum += 2.0 * (real[k] * _cos[idx] - imag[k] * _sin[idx]);
                idx += t;
                if (idx >= n) idx -= n;
            }
            output[t] = sum / n;
        }
    }

    private static uint ReverseBits(uint v)
    {
        v = ((v >> 1) & 0x55555555u) | ((v & 0x55555555u) << 1);
        v = ((v >> 2) & 0x33333333u) | ((v & 0x33333333u) << 2);
        v = ((v >> 4) & 0x0F0F0F0Fu) | ((v & 0x0F0F0F0Fu) << 4);
        v = ((v >> 8) & 0x00FF00FFu) | ((v & 0x00FF00FFu) << 8);
        return (v >> 16) | (v << 16);
    }
}
