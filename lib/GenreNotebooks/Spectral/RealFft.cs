using System.Collections.Concurrent;

namespace GenreNotebooks.Spectral;

/// <summary>
/// Real-input FFT entry points (numpy <c>np.fft.rfft</c> / <c>irfft</c>): one <see cref="RealFftPlan"/> per size,
/// built on first use and shared (plans are immutable, so this is thread-safe).
/// Taught in notebooks/01-from-waveform-to-mel.
/// </summary>
public static class RealFft
{
    private static readonly ConcurrentDictionary<int, RealFftPlan> Plans = new();

    /// <summary>The shared plan for <paramref name="n"/> real samples.</summary>
    public static RealFftPlan Plan(int n)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(n);
        return Plans.GetOrAdd(n, static size => new RealFftPlan(size));
    }

    /// <summary>Forward transform of <c>input.Length</c> samples into <c>n / 2 + 1</c> bins (see <see cref="RealFftPlan.Forward(ReadOnlySpan{float}, Span{float}, Span{float})"/>).</summary>
    public static void Forward(ReadOnlySpan<float> input, Span<float> real, Span<float> imag) =>
        Plan(input.Length).Forward(input, real, imag);

    /// <summary>Forward transform in float64.</summary>
    public static void Forward(ReadOnlySpan<double> input, Span<double> real, Span<double> imag) =>
        Plan(input.Length).Forward(input, real, imag);

    /// <summary>Inverse transform of <c>output.Length / 2 + 1</c> bins into <c>output.Length</c> samples (numpy <c>irfft(X, n)</c>).</summary>
    public static void Inverse(ReadOnlySpan<float> real, ReadOnlySpan<float> imag, Span<float> output) =>
        Plan(output.Length).Inverse(real, imag, output);

    /// <summary>Inverse transform in float64.</summary>
    public static void Inverse(ReadOnlySpan<double> real, ReadOnlySpan<double> imag, Span<double> output) =>
        Plan(output.Length).Inverse(real, imag, output);

    /// <summary>Convenience: the spectrum of <paramref name="input"/> as (real, imag) arrays of <c>n / 2 + 1</c> values.</summary>
    public static (float[] Real, float[] Imag) Forward(ReadOnlySpan<float> input)
    {
        var plan = Plan(input.Length);
        var re = new float[plan.Bins];
        var im = new float[plan.Bins];
        plan.Forward(input, re, im);
        return (re, im);
    }
}
