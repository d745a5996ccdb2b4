namespace GenreNotebooks.Spectral;

/// <summary>
/// Decibel conversions with librosa 0.10.2 semantics (<c>power_to_db</c>, <c>amplitude_to_db</c>, <c>db_to_power</c>,
/// <c>db_to_amplitude</c>): <c>10 log10(max(amin, S)) - 10 log10(max(amin, |ref|))</c>, then, when top_db is given,
/// everything below <c>max - top_db</c> is raised to that floor. Logs are taken in float64.
/// Taught in notebooks/01-from-waveform-to-mel.
/// </summary>
public static class Decibels
{
    /// <summary>Power to dB relative to a fixed <paramref name="reference"/> (librosa <c>power_to_db(S, ref=reference, amin=, top_db=)</c>); same shape as <paramref name="s"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="amin"/> is not positive or <paramref name="topDb"/> is negative.</exception>
    public static FloatMatrix PowerToDb(FloatMatrix s, float reference = 1f, float amin = 1e-10f, float? topDb = 80f)
    {
        ArgumentNullException.ThrowIfNull(s);
        Check(amin, topDb);
        return ToDb(s, Math.Abs((double)reference), amin, topDb, squareInput: false);
    }

    /// <summary>Power to dB relative to the matrix maximum (librosa <c>power_to_db(S, ref=np.max, amin=, top_db=)</c>): the loudest cell is 0 dB.</summary>
    public static FloatMatrix PowerToDbRefMax(FloatMatrix s, float amin = 1e-10f, float? topDb = 80f)
    {
        ArgumentNullException.ThrowIfNull(s);
        Check(amin, topDb);
        return ToDb(s, Max(s, absolute: false), amin, topDb, squareInput: false);
    }

    /// <summary>Amplitude to dB, <c>20 log10</c> (librosa <c>amplitude_to_db(S, ref=reference, amin=, top_db=)</c>, which is power_to_db of <c>|S|^2</c> with ref^2 and amin^2).</summary>
    public static FloatMatrix AmplitudeToDb(FloatMatrix s, float reference = 1f, float amin = 1e-5f, float? topDb = 80f)
    {
        ArgumentNullException.ThrowIfNull(s);
        Check(amin, topDb);
        double r = Math.Abs((double)reference);
        return ToDb(s, r * r, (double)amin * amin, topDb, squareInput: true);
    }

    /// <summary>Amplitude to dB relative to the largest <c>|S|</c> (librosa <c>amplitude_to_db(S, ref=np.max)</c>).</summary>
    public static FloatMatrix AmplitudeToDbRefMax(FloatMatrix s, float amin = 1e-5f, float? topDb = 80f)
    {
        ArgumentNullException.ThrowIfNull(s);
        Check(amin, topDb);
        double r = Max(s, absolute: true);
        return ToDb(s, r * r, (double)amin * amin, topDb, squareInput: true);
    }

    /// <summary>dB back to power, <c>reference * 10^(dB / 10)</c> (librosa <c>db_to_power</c>).</summary>
    public static FloatMatrix DbToPower(FloatMatrix sDb, float reference = 1f)
    {
        ArgumentNullException.ThrowIfNull(sDb);
        var r = new FloatMatrix(sDb.Rows, sDb.Cols);
        for (int i = 0; i < r.Data.Length; i++) r.Data[i] = (float)(reference * Math.Pow(10.0, sDb.Data[i] / 10.0));
        return r;
    }

    /// <summary>dB back to amplitude, <c>reference * 10^(dB / 20)</c> (librosa <c>db_to_amplitude</c>).</summary>
    public static FloatMatrix DbToAmplitude(FloatMatrix sDb, float reference = 1f)
    {
        ArgumentNullException.ThrowIfNull(sDb);
        var r = new FloatMatrix(sDb.Rows, sDb.Cols);
        for (int i = 0; i < r.Data.Length; i++) r.Data[i] = (float)(reference * Math.Pow(10.0, sDb.Data[i] / 20.0));
        return r;
    }

    private static void Check(float amin, float? topDb)
    {
        if (!(amin > 0)) throw new ArgumentOutOfRangeException(nameof(amin), amin, "amin must be strictly positive");
        if (topDb is { } t && !(t >= 0)) throw new ArgumentOutOfRangeException(nameof(topDb), topDb, "top_db must be non-negative");
    }

    private static double Max(FloatMatrix s, bool absolute)
    {
        if (s.Data.Length == 0) return 0;
        double max = double.NegativeInfinity;
        foreach (float v in s.Data)
        {
            double x = absolute ? Math.Abs(v) : v;
            if (x > max) max = x;
        }
        return max;
    }

    private static FloatMatrix ToDb(FloatMatrix s, double refValue, double amin, float? topDb, bool squareInput)
    {
        var result = new FloatMatrix(s.Rows, s.Cols);
        var src = s.Data;
        var dst = result.Data;
        double offset = 10.0 * Math.Log10(Math.Max(amin, refValue));
        double max = double.NegativeInfinity;
        for (int i = 0; i < src.Length; i++)
        {
            double x = squareInput ? (double)src[i] * src[i] : src[i];
            double db = 10.0 * Math.Log10(Math.Max(amin, x)) - offset;
            dst[i] = (float)db;
            if (db > max) max = db;
        }
        if (topDb is { } t && src.Length > 0)
        {
            float floor = (float)(max - t);
            for (int i = 0; i < dst.Length; i++)
                if (dst[i] < floor) dst[i] = floor;
        }
        return result;
    }
}
