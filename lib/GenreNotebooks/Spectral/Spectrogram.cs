namespace GenreNotebooks.Spectral;

/// <summary>
/// Magnitude spectrograms <c>|STFT|^power</c> (librosa's internal <c>_spectrogram</c>: power 1 = magnitude,
/// 2 = power), computed from the float64 transform without keeping the complex matrix.
/// </summary>
public static class Spectrogram
{
    /// <summary><c>|STFT(y)|^power</c>, shape (1 + n_fft / 2, frames).</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="power"/> is not positive.</exception>
    public static FloatMatrix Magnitude(ReadOnlySpan<float> y, StftOptions? o = null, float power = 1f)
    {
        if (!(power > 0) || float.IsInfinity(power)) throw new ArgumentOutOfRangeException(nameof(power), power, "power must be positive");
        o ??= new StftOptions();
        var computer = new StftFrameComputer(o);
        int frames = Stft.FrameCount(y.Length, o);
        int bins = o.Bins;
        var result = new FloatMatrix(bins, frames);
        var data = result.Data;
        for (int t = 0; t < frames; t++)
        {
            computer.Compute(y, t);
            var re = computer.Real;
            var im = computer.Imag;
            for (int k = 0, idx = t; k < bins; k++, idx += frames)
            {
                double p = re[k] * re[k] + im[k] * im[k];
                data[idx] = (float)PowerOf(p, power);
            }
        }
        return result;
    }

    /// <summary>Raises a squared magnitude to <c>power / 2</c> with exact fast paths for 1 and 2.</summary>
    internal static double PowerOf(double squaredMagnitude, float power) => power switch
    {
        2f => squaredMagnitude,
        1f => Math.Sqrt(squaredMagnitude),
        _ => Math.Pow(squaredMagnitude, power / 2.0),
    };
}
