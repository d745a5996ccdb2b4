using System.Runtime.CompilerServices;

namespace GenreNotebooks.Spectral;

/// <summary>
/// Computes one STFT frame at a time into reusable float64 buffers: the frame is read from the signal with the
/// centring padding applied on the fly (no padded copy), windowed and transformed. One instance per thread.
/// </summary>
internal sealed class StftFrameComputer
{
    private readonly StftOptions _options;
    private readonly double[] _window;
    private readonly double[] _frame;
    private readonly RealFftPlan _plan;

    public StftFrameComputer(StftOptions options)
    {
        options.Validate();
        _options = options;
        _window = options.PaddedWindow();
        _frame = new double[options.NFft];
        _plan = RealFft.Plan(options.NFft);
        Real = new double[options.Bins];
        Imag = new double[options.Bins];
    }

    public double[] Real { get; }

    public double[] Imag { get; }

    public int Bins => _options.Bins;

    /// <summary>Fills <see cref="Real"/> and <see cref="Imag"/> with frame <paramref name="t"/> of <paramref name="y"/>.</summary>
    public void Compute(ReadOnlySpan<float> y, int t)
    {
        int nFft = _options.NFft;
        long start = (long)t * _options.HopLength - (_options.Center ? nFft / 2 : 0);
        var frame = _frame.AsSpan();
        var window = _window.AsSpan();
        if (start >= 0 && start + nFft <= y.Length)
        {
            _plan.ForwardWindowed(y.Slice((int)start, nFft), window, Real, Imag, frame);
            return;
        }
        else
        {
            for (int i = 0; i < nFft; i++) frame[i] = window[i] * Sample(y, start + i);
        }
        _plan.Forward(frame, Real, Imag);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private double Sample(ReadOnlySpan<float> y, long index)
    {
        int n = y.Length;
        if (index >= 0 && index < n) return y[(int)index];
        switch (_options.PadMode)
        {
            case PadMode.Constant:
                return 0.0;
            case PadMode.Edge:
                return index < 0 ? y[0] : y[n - 1];
            default:
                if (n == 1) return y[0];
                // numpy "reflect": mirror about the end samples without repeating them, repeated as often as needed.
                long period = 2L * (n - 1);
                long i = index % period;
                if (i < 0) i += period;
                if (i >= n) i = period - i;
                return y[(int)i];
        }
    }
}
