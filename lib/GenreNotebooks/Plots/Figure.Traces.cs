using System.Text.Json.Nodes;
using GenreNotebooks.Audio;

namespace GenreNotebooks.Plots;

public sealed partial class Figure
{
    /// <summary>
    /// A line through (x, y); <paramref name="name"/> labels it in the legend. plotly: scatter, mode lines. A line
    /// longer than <see cref="DisplayLimits.MaxLinePoints"/> of <paramref name="limits"/> (default
    /// <see cref="DisplayLimits.Default"/>) keeps each block's minimum and maximum, said in its hover text.
    /// </summary>
    /// <exception cref="ArgumentException">x and y differ in length.</exception>
    public static Figure Line(IEnumerable<double> x, IEnumerable<double> y, string? name = null, DisplayLimits? limits = null)
    {
        var xs = x.ToArray();
        var ys = y.ToArray();
        if (xs.Length != ys.Length) throw new ArgumentException($"x has {xs.Length} values but y has {ys.Length}.", nameof(y));
        var lim = limits ?? DisplayLimits.Default;
        return new Figure().AddTrace(LineTrace(xs, ys, name, lim.MaxLinePoints, "points", lim.DropFlatRuns));
    }

    /// <summary>A line through y against its index 0, 1, 2, ...</summary>
    public static Figure Line(IEnumerable<double> y, string? name = null, DisplayLimits? limits = null)
    {
        var ys = y.ToArray();
        return Line(Enumerable.Range(0, ys.Length).Select(i => (double)i), ys, name, limits);
    }

    /// <summary>A line through float values against their index.</summary>
    public static Figure Line(IEnumerable<float> y, string? name = null, DisplayLimits? limits = null) => Line(y.Select(v => (double)v), name, limits);

    /// <summary>A line through (x, y) with float values.</summary>
    public static Figure Line(IEnumerable<double> x, IEnumerable<float> y, string? name = null, DisplayLimits? limits = null) =>
        Line(x, y.Select(v => (double)v), name, limits);

    /// <summary>
    /// The waveform of <paramref name="signal"/> against time in seconds. Long signals are reduced to at most
    /// <paramref name="maxPoints"/> points by keeping each block's minimum and maximum, so the envelope looks as in
    /// librosa.display.waveshow while the page stays small.
    /// </summary>
    public static Figure Waveform(AudioSignal signal, string? name = null, int maxPoints = 2000)
    {
        ArgumentNullException.ThrowIfNull(signal);
        if (maxPoints < 2) throw new ArgumentOutOfRangeException(nameof(maxPoints), maxPoints, "At least two points.");
        var s = signal.Samples;
        double dt = 1.0 / signal.SampleRate;
        var kept = Downsample.MinMaxIndices(s, maxPoints);
        var xs = kept.Select(i => i * dt).ToArray();
        var ys = kept.Select(i => (double)s[i]).ToArray();
        var trace = LineTrace(xs, ys, name, int.MaxValue, "samples", dropFlatRuns: false);
        if (kept.Length < s.Length) NoteLineBlocks(trace, name, s.Length, maxPoints, "samples");
        return new Figure().AddTrace(trace).WithXAxis("time (s)").WithYAxis("amplitude");
    }

    /// <summary>
    /// Points at (x, y). With <paramref name="groups"/> (one label per point) each group becomes its own trace with
    /// its own colour and legend entry, in order of first appearance (seaborn's <c>hue</c>). <paramref name="labels"/>
    /// (one per point, e.g. a track id or a genre pair) name each point in its hover text.
    /// </summary>
    /// <exception cref="ArgumentException">x, y and groups differ in length.</exception>
    public static Figure Scatter(IEnumerable<double> x, IEnumerable<double> y, string? name = null, IEnumerable<string>? groups = null,
        IEnumerable<string>? labels = null)
    {
        var xs = x.ToArray();
        var ys = y.ToArray();
        if (xs.Length != ys.Length) throw new ArgumentException($"x has {xs.Length} values but y has {ys.Length}.", nameof(y));
        var ls = labels?.ToArray();
        if (ls is not null && ls.Length != xs.Length) throw new ArgumentException($"{ls.Length} point labels for {xs.Length} points.", nameof(labels));
        var fig = new Figure();
        JsonObject Points(string? traceName, int[] idx)
        {
            var t = Trace("scatter", traceName, ("mode", "markers"), ("x", Numbers(idx.Select(i => xs[i]))), ("y", Numbers(idx.Select(i => ys[i]))));
            if (ls is not null)
            {
                t["text"] = Strings(idx.Select(i => ls[i]));
                t["hovertemplate"] = "%{text}<br>(%{x}, %{y})<extra></extra>";
            }
            return t;
        }
        if (groups is null) return fig.AddTrace(Points(name, [.. Enumerable.Range(0, xs.Length)]));
        var gs = groups.ToArray();
        if (gs.Length != xs.Length) throw new ArgumentException($"{gs.Length} group labels for {xs.Length} points.", nameof(groups));
        foreach (var g in gs.Distinct())
        {
            var trace = Points(g, [.. Enumerable.Range(0, gs.Length).Where(i => gs[i] == g)]);
            trace["legendgroup"] = g;
            fig.AddTrace(trace);
        }
        return fig.WithLegend();
    }

    /// <summary>Bars of <paramref name="values"/> per category; <paramref name="horizontal"/> draws them sideways.</summary>
    /// <exception cref="ArgumentException">Categories and values differ in length.</exception>
    public static Figure Bar(IEnumerable<string> categories, IEnumerable<double> values, string? name = null, bool horizontal = false) =>
        new Figure().AddTrace(BarTrace(categories.ToArray(), values.ToArray(), name, horizontal));

    /// <summary>
    /// Grouped bars: for each category, one bar per series (e.g. accuracy per genre for two models).
    /// plotly: several bar traces with <c>barmode: group</c>.
    /// </summary>
    public static Figure GroupedBar(IEnumerable<string> categories, IEnumerable<(string Name, IEnumerable<double> Values)> series, bool horizontal = false)
    {
        var cats = categories.ToArray();
        var fig = new Figure();
        foreach (var (n, v) in series) fig.AddTrace(BarTrace(cats, v.ToArray(), n, horizontal));
        fig._layout["barmode"] = "group";
        return fig.WithLegend();
    }

    /// <summary>
    /// A heatmap of <paramref name="z"/> (rows, cols) with optional column labels <paramref name="x"/> and row labels
    /// <paramref name="y"/> (categorical axes, their margins grown to fit the labels), a colour bar titled
    /// <paramref name="colorbarTitle"/>, a plotly colorscale name (a diverging one, RdBu or Picnic, is centred on zero,
    /// for signed values such as correlations) and, with <paramref name="annotate"/>, each cell's value written in it. Row 0 is drawn at the
    /// top, as a matrix is read (confusion and correlation matrices). An unlabelled axis with more cells than
    /// <paramref name="limits"/> allows (default <see cref="DisplayLimits.Default"/>) is pooled in blocks of
    /// neighbouring cells; labelled axes are never pooled.
    /// </summary>
    public static Figure Heatmap(FloatMatrix z, IEnumerable<string>? x = null, IEnumerable<string>? y = null,
        string? colorbarTitle = null, string colorscale = "Viridis", bool annotate = false, DisplayLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(z);
        var xs = x?.ToArray();
        var ys = y?.ToArray();
        var lim = limits ?? DisplayLimits.Default;
        var rowBlocks = Downsample.UniformBlocks(z.Rows, ys is null ? lim.MaxRows : int.MaxValue);
        var colBlocks = Downsample.UniformBlocks(z.Cols, xs is null ? lim.MaxColumns : int.MaxValue);
        if (rowBlocks.Length == z.Rows && colBlocks.Length == z.Cols)
            return HeatmapCore(Rows(z), z.Rows, z.Cols, xs, ys, colorbarTitle, colorscale, annotate);
        var fig = HeatmapCore(Rows(Downsample.Pool(z, rowBlocks, colBlocks, lim.Pooling)), rowBlocks.Length, colBlocks.Length,
            xs, ys, colorbarTitle, colorscale, annotate);
        var trace = fig._data[0]!.AsObject();
        if (xs is null) trace["x"] = Numbers(Downsample.BlockMeans(Indices(z.Cols), colBlocks));
        if (ys is null) trace["y"] = Numbers(Downsample.BlockMeans(Indices(z.Rows), rowBlocks));
        NotePooling(fig, trace, rowBlocks, colBlocks, lim.Pooling, "rows", "columns");
        return fig;
    }

    /// <summary>A heatmap of a two-dimensional array; see <see cref="Heatmap(FloatMatrix, IEnumerable{string}?, IEnumerable{string}?, string?, string, bool, DisplayLimits?)"/>.</summary>
    public static Figure Heatmap(double[,] z, IEnumerable<string>? x = null, IEnumerable<string>? y = null,
        string? colorbarTitle = null, string colorscale = "Viridis", bool annotate = false, DisplayLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(z);
        int rows = z.GetLength(0), cols = z.GetLength(1);
        var lim = limits ?? DisplayLimits.Default;
        if ((y is null && rows > lim.MaxRows) || (x is null && cols > lim.MaxColumns))
        {
            var m = new FloatMatrix(rows, cols);
            for (int r = 0; r < rows; r++) for (int c = 0; c < cols; c++) m[r, c] = (float)z[r, c];
            return Heatmap(m, x, y, colorbarTitle, colorscale, annotate, lim);
        }
        var zs = new JsonArray();
        for (int r = 0; r < rows; r++) zs.Add(Numbers(Enumerable.Range(0, cols).Select(c => z[r, c])));
        return HeatmapCore(zs, rows, cols, x?.ToArray(), y?.ToArray(), colorbarTitle, colorscale, annotate);
    }

    /// <summary>A histogram of <paramref name="values"/> with about <paramref name="bins"/> bins (plotly's choice when null).</summary>
    public static Figure Histogram(IEnumerable<double> values, string? name = null, int? bins = null)
    {
        if (bins is <= 0) throw new ArgumentOutOfRangeException(nameof(bins), bins, "Bins must be positive.");
        var trace = Trace("histogram", name, ("x", Numbers(values)), ("opacity", 0.75));
        if (bins is { } b) trace["nbinsx"] = b;
        var fig = new Figure().AddTrace(trace);
        fig._layout["barmode"] = "overlay";
        return fig;
    }

    /// <summary>
    /// A kernel density estimate of <paramref name="values"/> as a line over <paramref name="points"/> grid points
    /// (<see cref="Exploration.GaussianKde"/>: Gaussian kernel, Scott's bandwidth, as scipy.stats.gaussian_kde /
    /// seaborn.kdeplot, on seaborn's grid of the data plus 3 bandwidths each side). Non-finite values are left out;
    /// equal values get a narrow kernel (0.1 % of their magnitude) instead of the undefined Scott bandwidth.
    /// Overlay several with <see cref="Add(Figure)"/> to compare genres.
    /// </summary>
    /// <exception cref="ArgumentException">Fewer than two finite values.</exception>
    public static Figure Density(IEnumerable<double> values, string? name = null, int points = 200)
    {
        var data = values.Where(double.IsFinite).ToArray();
        if (data.Length < 2) throw new ArgumentException("A density needs at least two finite values.", nameof(values));
        if (points < 2) throw new ArgumentOutOfRangeException(nameof(points), points, "At least two grid points.");
        double? fixedBandwidth = data.All(v => v == data[0]) ? Math.Max(Math.Abs(data[0]) * 1e-3, 1e-6) : null;
        var kde = new Exploration.GaussianKde(data, bandwidth: fixedBandwidth);
        var x = kde.Grid(points);
        var d = kde.Evaluate(x);
        return new Figure().AddTrace(Trace("scatter", name, ("mode", "lines"), ("x", Numbers(x)), ("y", Numbers(d))))
            .WithYAxis("density");
    }

    /// <summary>
    /// A spectrogram (bins, frames) drawn against <paramref name="times"/> (seconds, one per frame) and
    /// <paramref name="frequencies"/> (Hz, one per bin), low frequencies at the bottom, as librosa.display.specshow.
    /// With <paramref name="logFrequency"/> the frequency axis is logarithmic (bins at 0 Hz are left out), ticked at
    /// the octaves 32, 64, ..., 8192 Hz as librosa's <c>y_axis="log"</c>.
    /// More frames or bins than <paramref name="limits"/> allows (default <see cref="DisplayLimits.Default"/>: 1000
    /// columns, 500 rows) are pooled for display: whole blocks of frames, and bins where they are denser than the
    /// rows (on a log axis only the high bins); the axis titles and hover text say so. <see cref="DisplayLimits.None"/>
    /// keeps every value.
    /// </summary>
    /// <exception cref="ArgumentException">The axes do not match the matrix shape.</exception>
    public static Figure Spectrogram(FloatMatrix spectrogram, IReadOnlyList<double> times, IReadOnlyList<double> frequencies,
        bool logFrequency = false, string colorbarTitle = "dB", string colorscale = "Magma", DisplayLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(spectrogram);
        if (times.Count != spectrogram.Cols)
            throw new ArgumentException($"{times.Count} times for {spectrogram.Cols} frames.", nameof(times));
        if (frequencies.Count != spectrogram.Rows)
            throw new ArgumentException($"{frequencies.Count} frequencies for {spectrogram.Rows} bins.", nameof(frequencies));
        var lim = limits ?? DisplayLimits.Default;
        var rows = Enumerable.Range(0, spectrogram.Rows).Where(r => !logFrequency || frequencies[r] > 0).ToArray();
        var kept = new FloatMatrix(rows.Length, spectrogram.Cols);
        for (int i = 0; i < rows.Length; i++) spectrogram.Row(rows[i]).CopyTo(kept.Row(i));
        var positions = rows.Select(r => logFrequency ? Math.Log(frequencies[r]) : frequencies[r]).ToArray();
        bool increasing = positions.All(double.IsFinite) && positions.Zip(positions.Skip(1)).All(p => p.Second > p.First);
        // Bins are pooled by their place on the drawn axis, so on a log axis the sparse low bins keep a row each.
        var rowBlocks = increasing ? Downsample.AxisBlocks(positions, lim.MaxRows) : Downsample.UniformBlocks(rows.Length, lim.MaxRows);
        var colBlocks = Downsample.UniformBlocks(spectrogram.Cols, lim.MaxColumns);
        var z = Downsample.Pool(kept, rowBlocks, colBlocks, lim.Pooling);
        var ys = Downsample.BlockMeans(positions, rowBlocks).Select(p => logFrequency ? Math.Exp(p) : p);
        if (!increasing) ys = Downsample.BlockMeans(rows.Select(r => frequencies[r]).ToArray(), rowBlocks);
        var trace = Trace("heatmap", null, ("z", Rows(z)), ("x", Numbers(Downsample.BlockMeans(times, colBlocks))), ("y", Numbers(ys)),
            ("colorbar", new JsonObject { ["title"] = new JsonObject { ["text"] = colorbarTitle } }));
        SetColorscale(trace, colorscale);
        var fig = new Figure().AddTrace(trace)
            .WithXAxis("time (s)")
            .WithYAxis("frequency (Hz)", logFrequency ? "log" : "linear");
        if (logFrequency && rows.Length > 0) SetOctaveTicks(fig._layout["yaxis"]!.AsObject(), frequencies[rows[0]], frequencies[rows[^1]]);
        NotePooling(fig, trace, rowBlocks, colBlocks, lim.Pooling, "bins", "frames");
        return fig;
    }

    /// <summary>
    /// Ticks at the octaves 32, 64, ..., 8192 Hz, as librosa's <c>y_axis="log"</c>,
    /// instead of plotly's decades with their "2" and "5" minor labels, which read as frequencies of 2 and 5 Hz.
    /// </summary>
    private static void SetOctaveTicks(JsonObject axis, double low, double high)
    {
        var values = new JsonArray();
        var labels = new JsonArray();
        for (double f = 16; f <= high; f *= 2)
        {
            if (f < low) continue;
            values.Add(f);
            labels.Add(((int)f).ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
        if (values.Count < 2) return;
        axis["tickvals"] = values;
        axis["ticktext"] = labels;
    }

    /// <summary>
    /// A linear-frequency STFT spectrogram (1 + n_fft/2 bins, frames) with its axes computed from the sample rate and
    /// hop: frame t at t * hop / sr seconds, bin k at k * sr / n_fft Hz (librosa.fft_frequencies, frames_to_time).
    /// </summary>
    public static Figure Spectrogram(FloatMatrix spectrogram, int sampleRate, int hopLength, bool logFrequency = false, string colorbarTitle = "dB",
        DisplayLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(spectrogram);
        if (sampleRate <= 0) throw new ArgumentOutOfRangeException(nameof(sampleRate), sampleRate, "Sample rate must be positive.");
        if (hopLength <= 0) throw new ArgumentOutOfRangeException(nameof(hopLength), hopLength, "Hop length must be positive.");
        int nFft = 2 * (spectrogram.Rows - 1);
        if (nFft <= 0) throw new ArgumentException("A spectrogram needs at least two frequency bins.", nameof(spectrogram));
        var times = Enumerable.Range(0, spectrogram.Cols).Select(t => (double)t * hopLength / sampleRate).ToArray();
        var freqs = Enumerable.Range(0, spectrogram.Rows).Select(k => (double)k * sampleRate / nFft).ToArray();
        return Spectrogram(spectrogram, times, freqs, logFrequency, colorbarTitle, limits: limits);
    }

    /// <summary>
    /// A matrix drawn as an image with row 0 at the bottom and index axes (mel bands, MFCC coefficients against
    /// frames), for spectrogram-like data without physical axes. More rows or columns than <paramref name="limits"/>
    /// allows (default <see cref="DisplayLimits.Default"/>) are pooled in blocks; the axes keep the original index
    /// units and the titles and hover text say what was pooled.
    /// </summary>
    public static Figure Image(FloatMatrix z, string? xTitle = null, string? yTitle = null, string? colorbarTitle = null, string colorscale = "Magma",
        DisplayLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(z);
        var lim = limits ?? DisplayLimits.Default;
        var rowBlocks = Downsample.UniformBlocks(z.Rows, lim.MaxRows);
        var colBlocks = Downsample.UniformBlocks(z.Cols, lim.MaxColumns);
        bool pooled = rowBlocks.Length < z.Rows || colBlocks.Length < z.Cols;
        var trace = Trace("heatmap", null, ("z", Rows(pooled ? Downsample.Pool(z, rowBlocks, colBlocks, lim.Pooling) : z)));
        SetColorscale(trace, colorscale);
        if (colorbarTitle is not null) trace["colorbar"] = new JsonObject { ["title"] = new JsonObject { ["text"] = colorbarTitle } };
        var fig = new Figure().AddTrace(trace).WithXAxis(xTitle).WithYAxis(yTitle);
        if (pooled)
        {
            trace["x"] = Numbers(Downsample.BlockMeans(Indices(z.Cols), colBlocks));
            trace["y"] = Numbers(Downsample.BlockMeans(Indices(z.Rows), rowBlocks));
            NotePooling(fig, trace, rowBlocks, colBlocks, lim.Pooling, "rows", "columns");
        }
        return fig;
    }

    /// <summary>
    /// A plotly colorscale: a plotly.js name (Viridis, Hot, Greys, ...) or one of the scales written out as colour
    /// stops because plotly.js lacks them or draws them the unexpected way round: <c>Magma</c> (librosa's default for
    /// spectrograms), <c>Blues</c> (sequential, white for 0 up to dark blue, as matplotlib's and seaborn's; plotly.js's
    /// own Blues runs from dark to light, which makes the zeros of a confusion matrix the darkest cells) and
    /// <c>RdBu</c> (diverging, blue for negative, white in the middle, red for positive: matplotlib's RdBu_r; plotly.js's
    /// own RdBu has a grey, off-centre middle). Diverging scales are centred on zero (see <see cref="IsDiverging"/>).
    /// </summary>
    private static JsonNode Colorscale(string name)
    {
        string[]? stops = name.ToUpperInvariant() switch
        {
            "MAGMA" => ["#000004", "#1c1044", "#4f127b", "#812581", "#b5367a", "#e55064", "#fb8761", "#fec287", "#fcfdbf"],
            "BLUES" => ["#f7fbff", "#deebf7", "#c6dbef", "#9ecae1", "#6baed6", "#4292c6", "#2171b5", "#08519c", "#08306b"],
            "RDBU" => ["#053061", "#2166ac", "#4393c3", "#92c5de", "#d1e5f0", "#f7f7f7", "#fddbc7", "#f4a582", "#d6604d", "#b2182b", "#67001f"],
            _ => null,
        };
        if (stops is null) return JsonValue.Create(name);
        return new JsonArray([.. stops.Select((c, i) => (JsonNode?)new JsonArray((double)i / (stops.Length - 1), c))]);
    }

    /// <summary>
    /// Whether <paramref name="colorscale"/> is diverging (RdBu, Picnic): signed data whose zero must sit on the
    /// scale's neutral middle colour, so its traces get <c>zmid: 0</c>.
    /// </summary>
    internal static bool IsDiverging(string colorscale) =>
        colorscale.Equals("RdBu", StringComparison.OrdinalIgnoreCase) || colorscale.Equals("Picnic", StringComparison.OrdinalIgnoreCase);

    /// <summary>Sets a heatmap trace's colorscale, centred on zero when it is diverging.</summary>
    private static void SetColorscale(JsonObject trace, string colorscale)
    {
        trace["colorscale"] = Colorscale(colorscale);
        if (IsDiverging(colorscale)) trace["zmid"] = 0;
    }

    private static double[] Indices(int count) => [.. Enumerable.Range(0, count).Select(i => (double)i)];

    private static JsonObject LineTrace(double[] xs, double[] ys, string? name, int maxPoints, string unit, bool dropFlatRuns)
    {
        var kept = Downsample.MinMaxIndices(ys, maxPoints);
        bool reduced = kept.Length < ys.Length;
        // Inside a run of equal values (a filter's zero tail) the drawn line is the same without the inner points.
        if (dropFlatRuns) kept = Downsample.WithoutFlatRunInteriors(xs, ys, kept);
        if (kept.Length == ys.Length) return Trace("scatter", name, ("mode", "lines"), ("x", Numbers(xs)), ("y", Numbers(ys)));
        var trace = Trace("scatter", name, ("mode", "lines"), ("x", Numbers(kept.Select(i => xs[i]))), ("y", Numbers(kept.Select(i => ys[i]))));
        if (reduced) NoteLineBlocks(trace, name, ys.Length, maxPoints, unit);
        return trace;
    }

    /// <summary>Says in the hover text that a line shows the min/max envelope of blocks of its points.</summary>
    private static void NoteLineBlocks(JsonObject trace, string? name, int count, int maxPoints, string unit)
    {
        int perBlock = (int)Math.Ceiling(count / (double)(maxPoints / 2));
        var label = name is null ? "" : System.Net.WebUtility.HtmlEncode(name) + ": ";
        trace["hovertemplate"] = $"(%{{x}}, %{{y}})<extra>{label}min and max of each {perBlock} {unit} ({count} in all)</extra>";
    }

    /// <summary>
    /// Says on the axes and in the hover text how a heatmap was pooled for display, e.g. "time (s) · max of 2 frames
    /// per column" (nothing when an axis was not pooled).
    /// </summary>
    private static void NotePooling(Figure fig, JsonObject trace, Range[] rowBlocks, Range[] colBlocks, DisplayPooling pooling,
        string rowUnit, string colUnit)
    {
        string how = pooling == DisplayPooling.Max ? "max" : "mean";
        string? Note(Range[] blocks, string unit, string per)
        {
            var sizes = blocks.Select(b => b.End.Value - b.Start.Value).ToArray();
            if (sizes.Length == 0 || sizes.Max() <= 1) return null;
            int hi = sizes.Max();
            // Whole blocks of one size (the last may be shorter) read "max of 2 frames"; axis blocks of varying size "max of 1-15 bins".
            return sizes[..^1].All(s => s == hi) ? $"{how} of {hi} {unit} per {per}" : $"{how} of 1-{hi} {unit} per {per}";
        }
        var colNote = Note(colBlocks, colUnit, "column");
        var rowNote = Note(rowBlocks, rowUnit, "row");
        foreach (var (key, note) in new[] { ("xaxis", colNote), ("yaxis", rowNote) })
        {
            if (note is null) continue;
            if (fig._layout[key] is not JsonObject axis) fig._layout[key] = axis = new JsonObject();
            var title = (axis["title"]?["text"] as JsonValue)?.GetValue<string>();
            // The note goes on its own smaller line: beside the title it made a y-axis title longer than the chart is high.
            axis["title"] = new JsonObject { ["text"] = title is null ? note : $"{title}<br><span style=\"font-size:11px\">{note}</span>" };
        }
        if (colNote is null && rowNote is null) return;
        var extra = string.Join(", ", new[] { colNote, rowNote }.Where(n => n is not null));
        trace["hovertemplate"] = $"x %{{x}}<br>y %{{y}}<br>z %{{z}}<extra>{extra}</extra>";
    }

    private static JsonArray Rows(FloatMatrix z)
    {
        var rows = new JsonArray();
        for (int r = 0; r < z.Rows; r++) rows.Add(Numbers(z.Row(r).ToArray()));
        return rows;
    }

    private static Figure HeatmapCore(JsonArray z, int rows, int cols, string[]? x, string[]? y, string? colorbarTitle, string colorscale, bool annotate)
    {
        if (x is not null && x.Length != cols) throw new ArgumentException($"{x.Length} column labels for {cols} columns.", nameof(x));
        if (y is not null && y.Length != rows) throw new ArgumentException($"{y.Length} row labels for {rows} rows.", nameof(y));
        var trace = Trace("heatmap", null, ("z", z));
        SetColorscale(trace, colorscale);
        if (x is not null) trace["x"] = Strings(x);
        if (y is not null) trace["y"] = Strings(y);
        if (colorbarTitle is not null) trace["colorbar"] = new JsonObject { ["title"] = new JsonObject { ["text"] = colorbarTitle } };
        if (annotate) trace["texttemplate"] = "%{z:.2f}";
        var fig = new Figure().AddTrace(trace);
        fig._layout["yaxis"]!["autorange"] = "reversed";
        if (x is not null) fig.WithXAxis(type: "category");
        if (y is not null) fig.WithYAxis(type: "category");
        return fig;
    }

    private static JsonObject BarTrace(string[] categories, double[] values, string? name, bool horizontal)
    {
        if (categories.Length != values.Length)
            throw new ArgumentException($"{categories.Length} categories but {values.Length} values.", nameof(values));
        return horizontal
            ? Trace("bar", name, ("orientation", "h"), ("x", Numbers(values)), ("y", Strings(categories)))
            : Trace("bar", name, ("x", Strings(categories)), ("y", Numbers(values)));
    }

    private static JsonObject Trace(string type, string? name, params (string Key, JsonNode? Value)[] fields)
    {
        var t = new JsonObject { ["type"] = type };
        if (name is not null) t["name"] = name;
        foreach (var (k, v) in fields) t[k] = v;
        return t;
    }
}
