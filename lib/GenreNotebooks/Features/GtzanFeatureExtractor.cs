using GenreNotebooks.Audio;
using GenreNotebooks.Spectral;

namespace GenreNotebooks.Features;

/// <summary>
/// Computes the 60-column GTZAN feature row of Kaggle's <c>features_30_sec.csv</c> / <c>features_3_sec.csv</c> from audio,
/// with librosa 0.10.2's definitions and defaults: mean and population variance (numpy <c>var</c>) over all frames (and,
/// for chroma and MFCC, all bins) of <c>chroma_stft</c>, <c>rms</c>, <c>spectral_centroid</c>, <c>spectral_bandwidth</c>,
/// <c>spectral_rolloff</c>, <c>zero_crossing_rate</c>; the mean and variance of the HPSS harmonic (<c>harmony</c>) and
/// percussive (<c>perceptr</c>) signals of <c>librosa.effects.hpss</c>; the tempo of <c>librosa.beat.beat_track</c>;
/// mean and variance of each of the 20 MFCCs. One STFT (n_fft 2048, hop 512, Hann, centred, constant padding)
/// feeds every spectral feature, as librosa's defaults make them identical.
/// Taught in notebooks/03-exploring-the-features.
/// </summary>
public static class GtzanFeatureExtractor
{
    /// <summary>Sample rate the GTZAN features are defined at (librosa's default).</summary>
    public const int SampleRate = 22050;

    /// <summary>Length in samples of one of Kaggle's 3-s segments (its <c>length</c> column).</summary>
    public const int SegmentLength = 66149;

    /// <summary>Number of 3-s segments Kaggle cut from each 30-s track.</summary>
    public const int SegmentsPerTrack = 10;

    /// <summary>
    /// The 57 feature values of the clip <paramref name="y"/> (mono, 22050 Hz), in <see cref="GtzanColumns.Features"/> order.
    /// <paramref name="threads"/> bounds the threads the HPSS median filters use (1 when clips run in parallel).
    /// </summary>
    /// <exception cref="ArgumentException">The clip is empty.</exception>
    public static double[] Compute(ReadOnlySpan<float> y, int threads = 1)
    {
        if (y.Length == 0) throw new ArgumentException("cannot compute GTZAN features of an empty clip", nameof(y));
        var stftOptions = new StftOptions();
        var stft = Stft.Compute(y, stftOptions);
        var magnitude = stft.Magnitude();
        var power = Square(magnitude);

        var values = new double[GtzanColumns.Features.Count];
        int c = 0;
        var chroma = Chroma.FromPower(power, SampleRate);
        Put(values, ref c, MeanVar(chroma.Data));
        Put(values, ref c, MeanVar(SpectralFeatures.Rms(y)));
        Put(values, ref c, MeanVar(SpectralFeatures.Centroid(magnitude, SampleRate)));
        Put(values, ref c, MeanVar(SpectralFeatures.Bandwidth(magnitude, SampleRate)));
        Put(values, ref c, MeanVar(SpectralFeatures.Rolloff(magnitude, SampleRate)));
        Put(values, ref c, MeanVar(SpectralFeatures.ZeroCrossingRate(y)));
        var (harmonic, percussive) = Hpss.SeparateStft(stft, y.Length, stftOptions, threads: threads);
        Put(values, ref c, MeanVar(harmonic));
        Put(values, ref c, MeanVar(percussive));

        var melDb = Decibels.PowerToDb(MelSpectrogram.FromPower(power, new MelOptions { SampleRate = SampleRate }));
        values[c++] = Tempo.BeatTrackTempo(OnsetStrength.FromMelDb(melDb, OnsetAggregate.Median), SampleRate);
        var mfcc = Mfcc.FromLogMel(melDb, new MfccOptions { NMfcc = GtzanColumns.MfccCount });
        for (int k = 0; k < mfcc.Rows; k++) Put(values, ref c, MeanVar(mfcc.Row(k)));
        return values;
    }

    /// <summary>The row of a whole clip: <paramref name="filename"/>, its length, <see cref="Compute"/>, <paramref name="label"/>.</summary>
    public static GtzanFeatureVector Extract(AudioSignal clip, string filename, string label, int threads = 1)
    {
        ArgumentNullException.ThrowIfNull(clip);
        CheckRate(clip, filename);
        return new GtzanFeatureVector(filename, clip.Length, Compute(clip.Samples, threads), label);
    }

    /// <summary>
    /// Kaggle's 3-s rows of a track: segment i covers samples [i * 66149, (i + 1) * 66149) for i = 0..<paramref name="segments"/>-1,
    /// named <c>&lt;stem&gt;.&lt;i&gt;&lt;ext&gt;</c> (<c>blues.00000.3.wav</c>); segments that do not fit completely in the track are left out.
    /// </summary>
    public static IReadOnlyList<GtzanFeatureVector> ExtractSegments(AudioSignal track, string filename, string label,
        int segments = SegmentsPerTrack, int segmentLength = SegmentLength, int threads = 1)
    {
        ArgumentNullException.ThrowIfNull(track);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(segments);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(segmentLength);
        CheckRate(track, filename);
        var rows = new List<GtzanFeatureVector>(segments);
        for (int i = 0; i < segments && (long)(i + 1) * segmentLength <= track.Length; i++)
        {
            var seg = track.Samples.AsSpan(i * segmentLength, segmentLength);
            rows.Add(new GtzanFeatureVector(SegmentName(filename, i), segmentLength, Compute(seg, threads), label));
        }
        return rows;
    }

    /// <summary>The file name of segment <paramref name="index"/>: <c>blues.00000.wav</c> becomes <c>blues.00000.3.wav</c>.</summary>
    public static string SegmentName(string filename, int index)
    {
        ArgumentNullException.ThrowIfNull(filename);
        var ext = Path.GetExtension(filename);
        var stem = filename[..^ext.Length];
        return $"{stem}.{index}{ext}";
    }

    /// <summary>Mean and population variance (numpy <c>mean</c>, <c>var</c> with ddof 0), accumulated in float64.</summary>
    public static (double Mean, double Variance) MeanVar(ReadOnlySpan<float> x)
    {
        if (x.Length == 0) return (double.NaN, double.NaN);
        double s = 0;
        foreach (float v in x) s += v;
        double mean = s / x.Length;
        double ss = 0;
        foreach (float v in x) { double d = v - mean; ss += d * d; }
        return (mean, ss / x.Length);
    }

    /// <summary>Mean and population variance of float64 values (see <see cref="MeanVar(ReadOnlySpan{float})"/>).</summary>
    public static (double Mean, double Variance) MeanVar(ReadOnlySpan<double> x)
    {
        if (x.Length == 0) return (double.NaN, double.NaN);
        double s = 0;
        foreach (double v in x) s += v;
        double mean = s / x.Length;
        double ss = 0;
        foreach (double v in x) { double d = v - mean; ss += d * d; }
        return (mean, ss / x.Length);
    }

    private static void Put(double[] values, ref int c, (double Mean, double Variance) mv)
    {
        values[c++] = mv.Mean;
        values[c++] = mv.Variance;
    }

    // librosa squares the float32 magnitude (np.abs(D)**2) for chroma_stft and the mel spectrogram.
    private static FloatMatrix Square(FloatMatrix m)
    {
        var p = new FloatMatrix(m.Rows, m.Cols);
        var s = m.Data;
        var d = p.Data;
        for (int i = 0; i < s.Length; i++) d[i] = s[i] * s[i];
        return p;
    }

    private static void CheckRate(AudioSignal clip, string filename)
    {
        if (clip.SampleRate != SampleRate)
            throw new ArgumentException($"{filename}: GTZAN features are defined at {SampleRate} Hz, the clip is at {clip.SampleRate} Hz (load it resampled)", nameof(clip));
    }
}
