namespace GenreNotebooks.Spectral;

/// <summary>
/// A complex STFT, shape (Bins, Frames) = (1 + n_fft / 2, t), stored as two float32 matrices (real and imaginary
/// parts), like librosa's complex64 <c>stft</c> output. Taught in notebooks/01-from-waveform-to-mel.
/// </summary>
public sealed class ComplexSpectrogram
{
    /// <summary>Wraps <paramref name="real"/> and <paramref name="imag"/> (same shape, not copied).</summary>
    /// <exception cref="ArgumentException">The shapes differ.</exception>
    public ComplexSpectrogram(FloatMatrix real, FloatMatrix imag)
    {
        ArgumentNullException.ThrowIfNull(real);
        ArgumentNullException.ThrowIfNull(imag);
        if (real.Rows != imag.Rows || real.Cols != imag.Cols)
            throw new ArgumentException($"real part is ({real.Rows}, {real.Cols}) but imaginary part is ({imag.Rows}, {imag.Cols})", nameof(imag));
        Real = real;
        Imag = imag;
    }

    /// <summary>Real parts, shape (Bins, Frames).</summary>
    public FloatMatrix Real { get; }

    /// <summary>Imaginary parts, shape (Bins, Frames).</summary>
    public FloatMatrix Imag { get; }

    /// <summary>Number of frequency bins, <c>1 + n_fft / 2</c>.</summary>
    public int Bins => Real.Rows;

    /// <summary>Number of frames.</summary>
    public int Frames => Real.Cols;

    /// <summary><c>|S|</c>, shape (Bins, Frames) (librosa <c>np.abs(stft(y))</c>).</summary>
    public FloatMatrix Magnitude()
    {
        var m = new FloatMatrix(Bins, Frames);
        var re = Real.Data;
        var im = Imag.Data;
        for (int i = 0; i < re.Length; i++) m.Data[i] = (float)Math.Sqrt((double)re[i] * re[i] + (double)im[i] * im[i]);
        return m;
    }

    /// <summary><c>|S|^2</c>, shape (Bins, Frames) (librosa <c>np.abs(stft(y))**2</c>).</summary>
    public FloatMatrix Power()
    {
        var m = new FloatMatrix(Bins, Frames);
        var re = Real.Data;
        var im = Imag.Data;
        for (int i = 0; i < re.Length; i++) m.Data[i] = (float)((double)re[i] * re[i] + (double)im[i] * im[i]);
        return m;
    }
}
