using System.Text.Json;
using System.Text.Json.Serialization;
using MathNet.Numerics.LinearAlgebra;

namespace GenreNotebooks.Segments;

/// <summary>
/// The timbre model: 12 principal components of segment-mean MFCCs, fitted on training tracks only, so a test track
/// never shapes the basis it is described in. Fit on the training split, transform every split, and save it with the
/// classifier (<see cref="Save"/>, <see cref="Load"/>): a classifier trained on one basis is meaningless on another.
/// <para>Timbre of a segment with mean MFCC vector x (n_mfcc values): <c>timbre[c] = scale * sum_j (x[j] - mean[j]) * components[c, j]</c>.</para>
/// <list type="bullet">
/// <item>PCA as scikit-learn's <c>PCA(n_components=12)</c>: centred on the training mean, components are the
/// eigenvectors of the training covariance (ddof 1) with the largest eigenvalues, each with its largest-magnitude
/// entry positive (scikit-learn's sign convention), computed in float64 from the 20 x 20 covariance, so fitting on
/// millions of segments needs no big matrix.</item>
/// <item>Input: mean MFCCs rather than mean log-mel bands. Echo Nest describes its timbre as principal components of
/// MFCC-like features; the 20 lowest cepstral coefficients keep the spectral envelope (what makes an instrument sound
/// like itself) and drop the harmonic fine structure that the pitch vector already carries; 20 inputs give a stable
/// covariance from a few thousand segments, where 128 mel bands would need far more; and the MFCCs are already
/// nearly decorrelated, so 12 components keep most of their variance (see <see cref="ExplainedVarianceRatio"/>).</item>
/// <item>Scale: every component is multiplied by one factor, chosen so the first component's standard deviation over
/// the training segments is <see cref="DefaultFirstComponentStd"/> (50). The values are then unbounded, centred on 0
/// and tens of units in size, like Echo Nest's coefficients, and the components keep the PCA's order of importance
/// (the first varies most), as Echo Nest's are "ordered by degree of importance"; whitening each component to unit
/// variance would lose that order, and the raw PCA scores' size depends on the dB and DCT conventions.</item>
/// </list>
/// Unlike Echo Nest's fixed basis functions, which span a spectro-temporal surface (so they capture attack and decay
/// inside a segment), these components describe the segment's average spectral shape only, and depend on the training data.
/// Taught in notebooks/08-timbre-and-pitch-sequences.
/// </summary>
public sealed class SegmentTimbre
{
    /// <summary>Components kept by default: the 12 of Echo Nest's timbre vector.</summary>
    public const int DefaultComponents = 12;

    /// <summary>The first component's standard deviation over the training segments after scaling.</summary>
    public const double DefaultFirstComponentStd = 50.0;

    /// <summary>Identifies the JSON format of <see cref="ToJson"/>.</summary>
    public const string FormatName = "genre-notebooks/segment-timbre";

    private readonly double[] _mean;
    private readonly double[][] _components;
    private readonly double[] _explainedVariance;
    private readonly AnalysisSettings _settings;

    private SegmentTimbre(double[] mean, double[][] components, double[] explainedVariance, double totalVariance, double scale,
        int trainingTracks, long trainingSegments, AnalysisSettings settings)
    {
        _settings = settings;
        _mean = mean;
        _components = components;
        _explainedVariance = explainedVariance;
        TotalVariance = totalVariance;
        Scale = scale;
        TrainingTracks = trainingTracks;
        TrainingSegments = trainingSegments;
        ExplainedVarianceRatio = explainedVariance.Select(v => totalVariance > 0 ? v / totalVariance : 0.0).ToArray();
    }

    /// <summary>MFCCs per segment the model takes (n_mfcc).</summary>
    public int InputSize => _mean.Length;

    /// <summary>Timbre values per segment (12 by default).</summary>
    public int ComponentCount => _components.Length;

    /// <summary>The training mean of the segment MFCCs, shape (n_mfcc,).</summary>
    public IReadOnlyList<double> Mean => _mean;

    /// <summary>The components, shape (k, n_mfcc), orthonormal rows, strongest first.</summary>
    public IReadOnlyList<IReadOnlyList<double>> Components => _components;

    /// <summary>Variance of the training segments along each component before scaling, shape (k,).</summary>
    public IReadOnlyList<double> ExplainedVariance => _explainedVariance;

    /// <summary>Each component's share of the total training variance, shape (k,).</summary>
    public IReadOnlyList<double> ExplainedVarianceRatio { get; }

    /// <summary>Total variance of the training MFCCs (sum over coefficients, ddof 1).</summary>
    public double TotalVariance { get; }

    /// <summary>The factor applied to every component (see the class summary).</summary>
    public double Scale { get; }

    /// <summary>Tracks the model was fitted on (0 when fitted on bare rows).</summary>
    public int TrainingTracks { get; }

    /// <summary>Segments the model was fitted on.</summary>
    public long TrainingSegments { get; }

    /// <summary>Sample rate of the training tracks' analysis; null when fitted on bare rows. <see cref="Transform(TrackSegments)"/> refuses tracks analysed otherwise.</summary>
    public int? SampleRate => _settings.SampleRate;

    /// <summary>n_fft of the training tracks' analysis, or null when unknown.</summary>
    public int? NFft => _settings.NFft;

    /// <summary>Hop length of the training tracks' analysis, or null when unknown.</summary>
    public int? HopLength => _settings.HopLength;

    /// <summary>Mel bands behind the training tracks' MFCCs, or null when unknown.</summary>
    public int? NMels => _settings.NMels;

    /// <summary>
    /// Fits on the segments of <paramref name="trainingTracks"/>: pass the training split only.
    /// </summary>
    /// <exception cref="ArgumentException">Fewer than 2 segments in all, tracks with different MFCC counts, more components than MFCCs, or a value that is not finite.</exception>
    public static SegmentTimbre Fit(IEnumerable<TrackSegments> trainingTracks, int components = DefaultComponents,
        double firstComponentStd = DefaultFirstComponentStd)
    {
        ArgumentNullException.ThrowIfNull(trainingTracks);
        var tracks = trainingTracks.ToList();
        if (tracks.Count == 0) throw new ArgumentException("cannot fit a timbre model on no tracks", nameof(trainingTracks));
        int d = tracks[0].MfccCount;
        var settings = AnalysisSettings.Of(tracks[0]);
        foreach (var t in tracks)
        {
            if (t.MfccCount != d)
                throw new ArgumentException($"track '{t.TrackId}' has {t.MfccCount} MFCCs per segment, track '{tracks[0].TrackId}' {d}", nameof(trainingTracks));
            var other = AnalysisSettings.Of(t);
            if (settings.Conflict(other) is { } conflict)
                throw new ArgumentException($"track '{t.TrackId}' was analysed with {conflict} (that of the tracks before it); one timbre model needs one analysis setting", nameof(trainingTracks));
            settings = settings.Merge(other);
        }
        return Fit(tracks.SelectMany(t => t.Segments.Select(s => s.Mfcc)), d, components, firstComponentStd, tracks.Count, settings);
    }

    /// <summary>Fits on the rows of <paramref name="rows"/>, shape (segments, n_mfcc).</summary>
    /// <exception cref="ArgumentException">Fewer than 2 rows, more components than columns, or a value that is not finite.</exception>
    public static SegmentTimbre Fit(FloatMatrix rows, int components = DefaultComponents, double firstComponentStd = DefaultFirstComponentStd)
    {
        ArgumentNullException.ThrowIfNull(rows);
        return Fit(Enumerable.Range(0, rows.Rows).Select(i => rows.Row(i).ToArray()), rows.Cols, components, firstComponentStd, 0, default);
    }

    private static SegmentTimbre Fit(IEnumerable<float[]> rows, int d, int k, double firstStd, int tracks, AnalysisSettings settings)
    {
        if (k < 1 || k > d) throw new ArgumentOutOfRangeException(nameof(k), k, $"components must be in 1..{d} (the MFCCs per segment)");
        if (!(firstStd > 0) || double.IsInfinity(firstStd)) throw new ArgumentOutOfRangeException(nameof(firstStd), firstStd, "the first component's standard deviation must be a positive number");
        var list = rows as IList<float[]> ?? rows.ToList();
        long n = list.Count;
        if (n < 2) throw new ArgumentException($"a timbre PCA needs at least 2 segments, got {n}", nameof(rows));

        // 1) Mean, then the scatter matrix of the centred rows (two passes, float64, for accuracy).
        var mean = new double[d];
        long index = 0;
        foreach (var r in list)
        {
            if (r.Length != d) throw new ArgumentException($"segment {index} has {r.Length} MFCCs, expected {d}", nameof(rows));
            for (int j = 0; j < d; j++)
            {
                if (!float.IsFinite(r[j])) throw new ArgumentException($"segment {index}, MFCC {j} is {r[j]}", nameof(rows));
                mean[j] += r[j];
            }
            index++;
        }
        for (int j = 0; j < d; j++) mean[j] /= n;
        var scatter = new double[d, d];
        var c = new double[d];
        foreach (var r in list)
        {
            for (int j = 0; j < d; j++) c[j] = r[j] - mean[j];
            for (int a = 0; a < d; a++)
            {
                double ca = c[a];
                for (int b = a; b < d; b++) scatter[a, b] += ca * c[b];
            }
        }
        var cov = Matrix<double>.Build.Dense(d, d, (a, b) => (a <= b ? scatter[a, b] : scatter[b, a]) / (n - 1));

        // 2) Eigenvectors of the covariance, largest eigenvalue first, sign fixed as scikit-learn's svd_flip.
        var evd = cov.Evd(Symmetricity.Symmetric);
        var values = evd.EigenValues.Select(v => v.Real).ToArray();
        var order = Enumerable.Range(0, d).OrderByDescending(i => values[i]).ThenBy(i => i).Take(k).ToArray();
        var comps = new double[k][];
        var variance = new double[k];
        for (int i = 0; i < k; i++)
        {
            var v = evd.EigenVectors.Column(order[i]).ToArray();
            int argMax = 0;
            for (int j = 1; j < d; j++) if (Math.Abs(v[j]) > Math.Abs(v[argMax])) argMax = j;
            if (v[argMax] < 0) for (int j = 0; j < d; j++) v[j] = -v[j];
            comps[i] = v;
            variance[i] = Math.Max(values[order[i]], 0.0);
        }
        double total = 0;
        for (int j = 0; j < d; j++) total += cov[j, j];
        double scale = variance[0] > 0 ? firstStd / Math.Sqrt(variance[0]) : 1.0;
        return new SegmentTimbre(mean, comps, variance, total, scale, tracks, n, settings);
    }

    /// <summary>The timbre of one segment's mean MFCCs, shape (k,).</summary>
    /// <exception cref="ArgumentException">The MFCC count differs from <see cref="InputSize"/>.</exception>
    public float[] Transform(ReadOnlySpan<float> mfcc)
    {
        if (mfcc.Length != InputSize)
            throw new ArgumentException($"the timbre model takes {InputSize} MFCCs per segment, got {mfcc.Length}", nameof(mfcc));
        var y = new float[ComponentCount];
        for (int c = 0; c < y.Length; c++)
        {
            var v = _components[c];
            double s = 0;
            for (int j = 0; j < v.Length; j++) s += (mfcc[j] - _mean[j]) * v[j];
            y[c] = (float)(s * Scale);
        }
        return y;
    }

    /// <summary>The timbre of every segment of <paramref name="track"/>, shape (segments, k).</summary>
    /// <exception cref="ArgumentException">The track's MFCC count differs from <see cref="InputSize"/>.</exception>
    public FloatMatrix Transform(TrackSegments track)
    {
        ArgumentNullException.ThrowIfNull(track);
        if (track.MfccCount != InputSize)
            throw new ArgumentException($"track '{track.TrackId}' has {track.MfccCount} MFCCs per segment, the timbre model takes {InputSize}", nameof(track));
        if (_settings.Conflict(AnalysisSettings.Of(track)) is { } conflict)
            throw new ArgumentException($"track '{track.TrackId}' was analysed with {conflict} (the timbre model's training setting)", nameof(track));
        var m = new FloatMatrix(track.Count, ComponentCount);
        for (int i = 0; i < track.Count; i++) Transform(track.Segments[i].Mfcc).CopyTo(m.Row(i));
        return m;
    }

    /// <summary>The model as JSON (mean, components, variances, scale, training counts; numbers round-trip exactly).</summary>
    public string ToJson() => JsonSerializer.Serialize(new TimbreJson
    {
        Format = FormatName,
        Version = 1,
        Input = "segment-mean-mfcc",
        InputSize = InputSize,
        Components = ComponentCount,
        Scale = Scale,
        TotalVariance = TotalVariance,
        TrainingTracks = TrainingTracks,
        TrainingSegments = TrainingSegments,
        SampleRate = SampleRate,
        NFft = NFft,
        HopLength = HopLength,
        NMels = NMels,
        Mean = _mean,
        Basis = _components,
        ExplainedVariance = _explainedVariance,
    }, JsonOptions);

    /// <summary>Reads a model written by <see cref="ToJson"/>.</summary>
    /// <exception cref="InvalidDataException">The text is not a timbre model or its fields do not fit together.</exception>
    public static SegmentTimbre FromJson(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        TimbreJson? t;
        try
        {
            t = JsonSerializer.Deserialize<TimbreJson>(json, JsonOptions);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"not a timbre model: {e.Message}", e);
        }
        if (t is null || t.Format != FormatName) throw new InvalidDataException($"not a timbre model (expected \"format\": \"{FormatName}\")");
        if (t.Version != 1) throw new InvalidDataException($"timbre model version {t.Version} is not supported (this library reads version 1)");
        int d = t.InputSize, k = t.Components;
        if (d < 1 || k < 1 || k > d || t.Mean is null || t.Mean.Length != d || t.Basis is null || t.Basis.Length != k
            || t.Basis.Any(r => r is null || r.Length != d) || t.ExplainedVariance is null || t.ExplainedVariance.Length != k)
            throw new InvalidDataException($"timbre model fields do not fit together (input size {d}, {k} components)");
        if (!double.IsFinite(t.Scale) || t.Mean.Concat(t.Basis.SelectMany(r => r)).Any(v => !double.IsFinite(v)))
            throw new InvalidDataException("timbre model holds a value that is not finite");
        return new SegmentTimbre(t.Mean, t.Basis, t.ExplainedVariance, t.TotalVariance, t.Scale, t.TrainingTracks, t.TrainingSegments,
            new AnalysisSettings(t.SampleRate, t.NFft, t.HopLength, t.NMels));
    }

    /// <summary>Writes <see cref="ToJson"/> to <paramref name="path"/> (creating its folder).</summary>
    public void Save(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var dir = Path.GetDirectoryName(Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(dir)) Directory.CreateDirectory(dir);
        File.WriteAllText(path, ToJson());
    }

    /// <summary>Reads a model saved with <see cref="Save"/>.</summary>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="InvalidDataException">The file is not a timbre model (the message names it).</exception>
    public static SegmentTimbre Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path)) throw new FileNotFoundException($"{path}: timbre model not found", path);
        try
        {
            return FromJson(File.ReadAllText(path));
        }
        catch (InvalidDataException e)
        {
            throw new InvalidDataException($"{path}: {e.Message}", e);
        }
    }

    /// <inheritdoc/>
    public override string ToString() =>
        $"SegmentTimbre({ComponentCount} components of {InputSize} MFCCs, {ExplainedVarianceRatio.Sum():P1} of the variance, " +
        $"fitted on {TrainingSegments} segments{(TrainingTracks > 0 ? $" of {TrainingTracks} tracks" : "")})";

    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        NumberHandling = JsonNumberHandling.Strict,
    };

    private sealed class TimbreJson
    {
        public string? Format { get; set; }
        public int Version { get; set; }
        public string? Input { get; set; }
        public int InputSize { get; set; }
        public int Components { get; set; }
        public double Scale { get; set; }
        public double TotalVariance { get; set; }
        public int TrainingTracks { get; set; }
        public long TrainingSegments { get; set; }
        public int? SampleRate { get; set; }
        public int? NFft { get; set; }
        public int? HopLength { get; set; }
        public int? NMels { get; set; }
        public double[]? Mean { get; set; }
        public double[][]? Basis { get; set; }
        public double[]? ExplainedVariance { get; set; }
    }

    /// <summary>The analysis settings a model's MFCCs depend on; null fields are unknown and match anything.</summary>
    private readonly record struct AnalysisSettings(int? SampleRate, int? NFft, int? HopLength, int? NMels)
    {
        public static AnalysisSettings Of(TrackSegments t) =>
            new(t.SampleRate, t.Options?.NFft, t.Options?.HopLength, t.Options?.NMels);

        /// <summary>The first setting both know and that differs, as text, or null.</summary>
        public string? Conflict(AnalysisSettings o)
        {
            if (SampleRate is { } a && o.SampleRate is { } b && a != b) return $"sample rate {b} Hz instead of {a} Hz";
            if (NFft is { } c && o.NFft is { } d && c != d) return $"n_fft {d} instead of {c}";
            if (HopLength is { } e && o.HopLength is { } f && e != f) return $"hop {f} instead of {e}";
            if (NMels is { } g && o.NMels is { } h && g != h) return $"{h} mel bands instead of {g}";
            return null;
        }

        public AnalysisSettings Merge(AnalysisSettings o) =>
            new(SampleRate ?? o.SampleRate, NFft ?? o.NFft, HopLength ?? o.HopLength, NMels ?? o.NMels);
    }
}
