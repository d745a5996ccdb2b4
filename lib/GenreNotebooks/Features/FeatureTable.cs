namespace GenreNotebooks.Features;

/// <summary>
/// A table of feature rows, as pandas reads Kaggle's <c>features_30_sec.csv</c>/<c>features_3_sec.csv</c>: per row
/// a filename, its track id (derived from the filename), the clip length in samples, a genre label, and named
/// float64 numeric columns (for a GTZAN table the 57 of <see cref="GtzanColumns.Features"/>). Immutable: selecting
/// columns or rows, or transforming values, gives a new table. Values are stored per column.
/// Taught in notebooks/03-exploring-the-features.
/// </summary>
public sealed class FeatureTable
{
    private readonly double[][] _columns;
    private readonly Dictionary<string, int> _columnIndex;
    private IReadOnlyList<TrackId>? _trackIds;
    private LabelEncoding? _labelEncoding;

    /// <summary>
    /// A table from per-row metadata and per-column values: <paramref name="values"/>[c][r] is column
    /// <paramref name="columns"/>[c] of row r. Arrays are copied.
    /// </summary>
    /// <param name="columns">Numeric column names, distinct; must not include filename, length or label.</param>
    /// <param name="values">One array per column, each of length <c>filenames.Count</c>.</param>
    /// <param name="filenames">Row filenames (<c>blues.00000.wav</c>).</param>
    /// <param name="labels">Row genre labels (may be empty strings for unlabelled rows).</param>
    /// <param name="lengths">Row lengths in samples; null gives 0 for every row.</param>
    /// <exception cref="ArgumentException">Lengths disagree, or a column name is repeated or reserved.</exception>
    public FeatureTable(IReadOnlyList<string> columns, IReadOnlyList<double[]> values, IReadOnlyList<string> filenames,
        IReadOnlyList<string> labels, IReadOnlyList<int>? lengths = null)
        : this(columns.ToArray(), values.Select(v => (double[])v.Clone()).ToArray(), filenames.ToArray(), labels.ToArray(),
            lengths?.ToArray() ?? new int[filenames.Count], validate: true)
    {
    }

    private FeatureTable(string[] columns, double[][] values, string[] filenames, string[] labels, int[] lengths, bool validate)
    {
        if (validate)
        {
            if (values.Length != columns.Length)
                throw new ArgumentException($"{columns.Length} column names but {values.Length} value arrays", nameof(values));
            if (labels.Length != filenames.Length)
                throw new ArgumentException($"{filenames.Length} filenames but {labels.Length} labels", nameof(labels));
            if (lengths.Length != filenames.Length)
                throw new ArgumentException($"{filenames.Length} filenames but {lengths.Length} lengths", nameof(lengths));
            for (int c = 0; c < columns.Length; c++)
            {
                ArgumentNullException.ThrowIfNull(columns[c], nameof(columns));
                if (values[c].Length != filenames.Length)
                    throw new ArgumentException($"column '{columns[c]}' has {values[c].Length} values, the table has {filenames.Length} rows", nameof(values));
                if (columns[c] is GtzanColumns.Filename or GtzanColumns.Length or GtzanColumns.Label)
                    throw new ArgumentException($"'{columns[c]}' is a row attribute, not a numeric column", nameof(columns));
            }
        }
        _columnIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int c = 0; c < columns.Length; c++)
            if (!_columnIndex.TryAdd(columns[c], c))
                throw new ArgumentException($"column '{columns[c]}' appears twice", nameof(columns));
        Columns = columns;
        _columns = values;
        Filenames = filenames;
        Labels = labels;
        Lengths = lengths;
    }

    /// <summary>Number of rows (pandas <c>len(df)</c>).</summary>
    public int RowCount => Filenames.Count;

    /// <summary>Number of numeric columns.</summary>
    public int ColumnCount => Columns.Count;

    /// <summary>The numeric column names, in table order.</summary>
    public IReadOnlyList<string> Columns { get; }

    /// <summary>The <c>filename</c> of each row.</summary>
    public IReadOnlyList<string> Filenames { get; }

    /// <summary>The <c>label</c> (genre) of each row.</summary>
    public IReadOnlyList<string> Labels { get; }

    /// <summary>The <c>length</c> of each row, in samples.</summary>
    public IReadOnlyList<int> Lengths { get; }

    /// <summary>The track (and segment) of each row, parsed from its filename by <see cref="TrackId.FromFilename"/>.</summary>
    public IReadOnlyList<TrackId> TrackIds => _trackIds ??= Filenames.Select(TrackId.FromFilename).ToArray();

    /// <summary>The distinct genres, sorted (the class order of <see cref="LabelEncoding"/>).</summary>
    public IReadOnlyList<string> Genres => LabelEncoding.Classes;

    /// <summary>The label encoding fitted on this table's labels (sklearn <c>LabelEncoder().fit(df.label)</c>).</summary>
    public LabelEncoding LabelEncoding => _labelEncoding ??= LabelEncoding.Fit(Labels);

    /// <summary>Row r as a view (filename, label, track, values by column name).</summary>
    public FeatureRow this[int row]
    {
        get
        {
            if ((uint)row >= (uint)RowCount) throw new ArgumentOutOfRangeException(nameof(row), $"row {row} outside 0..{RowCount - 1}");
            return new FeatureRow(this, row);
        }
    }

    /// <summary>The value of <paramref name="column"/> in <paramref name="row"/> (pandas <c>df.at[row, column]</c>).</summary>
    public double this[int row, string column] => Column(column)[row];

    /// <summary>True when the table has a numeric column of that name.</summary>
    public bool HasColumn(string column) => _columnIndex.ContainsKey(column);

    /// <summary>The position of <paramref name="column"/> in <see cref="Columns"/>.</summary>
    /// <exception cref="KeyNotFoundException">No such column; the message lists what the table has.</exception>
    public int ColumnIndex(string column) =>
        _columnIndex.TryGetValue(column, out int c)
            ? c
            : throw new KeyNotFoundException($"the table has no column '{column}' (it has {ColumnCount}: {Preview(Columns)})");

    /// <summary>The values of one column, shape (RowCount,), read-only (pandas <c>df[column].values</c>).</summary>
    public ReadOnlySpan<double> Column(string column) => _columns[ColumnIndex(column)];

    /// <summary>The values of column index <paramref name="column"/>, shape (RowCount,).</summary>
    public ReadOnlySpan<double> Column(int column) => _columns[column];

    /// <summary>The row's values over <paramref name="columns"/> (default: all, in table order), shape (columns,).</summary>
    public double[] Row(int row, IReadOnlyList<string>? columns = null)
    {
        if ((uint)row >= (uint)RowCount) throw new ArgumentOutOfRangeException(nameof(row), $"row {row} outside 0..{RowCount - 1}");
        var idx = Indices(columns);
        var result = new double[idx.Length];
        for (int j = 0; j < idx.Length; j++) result[j] = _columns[idx[j]][row];
        return result;
    }

    /// <summary>A table with only <paramref name="columns"/>, in the given order (pandas <c>df[columns]</c>).</summary>
    public FeatureTable SelectColumns(IEnumerable<string> columns)
    {
        ArgumentNullException.ThrowIfNull(columns);
        var names = columns.ToArray();
        var idx = Indices(names);
        return new FeatureTable(names, idx.Select(i => _columns[i]).ToArray(), (string[])Filenames, (string[])Labels, (int[])Lengths, validate: false);
    }

    /// <summary>A table without <paramref name="columns"/> (pandas <c>df.drop(columns=...)</c>).</summary>
    /// <exception cref="KeyNotFoundException">A named column is not in the table.</exception>
    public FeatureTable DropColumns(IEnumerable<string> columns)
    {
        ArgumentNullException.ThrowIfNull(columns);
        var drop = columns.ToHashSet(StringComparer.Ordinal);
        foreach (var d in drop) ColumnIndex(d);
        return SelectColumns(Columns.Where(c => !drop.Contains(c)));
    }

    /// <summary>A table of the rows at <paramref name="rows"/>, in that order (pandas <c>df.iloc[rows]</c>).</summary>
    public FeatureTable SelectRows(IEnumerable<int> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var r = rows.ToArray();
        foreach (var i in r)
            if ((uint)i >= (uint)RowCount) throw new ArgumentOutOfRangeException(nameof(rows), $"row {i} outside 0..{RowCount - 1}");
        var values = new double[ColumnCount][];
        for (int c = 0; c < ColumnCount; c++)
        {
            var src = _columns[c];
            var dst = values[c] = new double[r.Length];
            for (int k = 0; k < r.Length; k++) dst[k] = src[r[k]];
        }
        return new FeatureTable((string[])Columns, values, r.Select(i => Filenames[i]).ToArray(),
            r.Select(i => Labels[i]).ToArray(), r.Select(i => Lengths[i]).ToArray(), validate: false);
    }

    /// <summary>The rows for which <paramref name="predicate"/> holds (pandas <c>df[mask]</c>).</summary>
    public FeatureTable Where(Func<FeatureRow, bool> predicate)
    {
        ArgumentNullException.ThrowIfNull(predicate);
        return SelectRows(Enumerable.Range(0, RowCount).Where(i => predicate(new FeatureRow(this, i))));
    }

    /// <summary>The rows whose label is one of <paramref name="genres"/>.</summary>
    public FeatureTable WhereLabel(params string[] genres)
    {
        var set = genres.ToHashSet(StringComparer.Ordinal);
        return Where(r => set.Contains(r.Label));
    }

    /// <summary>
    /// A table with the same rows and these columns and values (<paramref name="values"/>[c][r]), e.g. after a
    /// transform; copies the arrays.
    /// </summary>
    public FeatureTable WithValues(IReadOnlyList<string> columns, IReadOnlyList<double[]> values) =>
        new(columns, values, Filenames, Labels, Lengths);

    /// <summary>The labels as class indices of <see cref="LabelEncoding"/> (sklearn <c>LabelEncoder().fit_transform</c>), shape (RowCount,).</summary>
    public int[] EncodedLabels(LabelEncoding? encoding = null) => (encoding ?? LabelEncoding).Encode(Labels);

    /// <summary>The values over <paramref name="columns"/> (default: all) as float64 rows, shape (RowCount, columns) (pandas <c>df[columns].to_numpy()</c>).</summary>
    public double[][] ToDoubleRows(IReadOnlyList<string>? columns = null)
    {
        var idx = Indices(columns);
        var rows = new double[RowCount][];
        for (int r = 0; r < RowCount; r++)
        {
            var row = rows[r] = new double[idx.Length];
            for (int j = 0; j < idx.Length; j++) row[j] = _columns[idx[j]][r];
        }
        return rows;
    }

    /// <summary>The values over <paramref name="columns"/> (default: all) as float32 rows, shape (RowCount, columns), for training.</summary>
    public float[][] ToFloatRows(IReadOnlyList<string>? columns = null)
    {
        var idx = Indices(columns);
        var rows = new float[RowCount][];
        for (int r = 0; r < RowCount; r++)
        {
            var row = rows[r] = new float[idx.Length];
            for (int j = 0; j < idx.Length; j++) row[j] = (float)_columns[idx[j]][r];
        }
        return rows;
    }

    /// <summary>The values over <paramref name="columns"/> (default: all) as a float32 matrix, shape (RowCount, columns), for training (<c>X.astype(np.float32)</c>).</summary>
    public FloatMatrix ToFloatMatrix(IReadOnlyList<string>? columns = null)
    {
        var idx = Indices(columns);
        var m = new FloatMatrix(RowCount, idx.Length);
        for (int j = 0; j < idx.Length; j++)
        {
            var src = _columns[idx[j]];
            for (int r = 0; r < RowCount; r++) m.Data[r * idx.Length + j] = (float)src[r];
        }
        return m;
    }

    /// <summary>
    /// A GTZAN table (the 57 <see cref="GtzanColumns.Features"/>) from extracted rows, in order
    /// (see <see cref="GtzanFeatureExtractor"/>).
    /// </summary>
    /// <exception cref="ArgumentException">A row does not have 57 values.</exception>
    public static FeatureTable FromVectors(IEnumerable<GtzanFeatureVector> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var builder = new FeatureTableBuilder();
        foreach (var r in rows) builder.Add(r.Filename, r.Length, r.Label, r.Values.ToArray());
        return builder.Build();
    }

    /// <summary>Reads a feature CSV in Kaggle's format; see <see cref="FeatureTableCsv.Read(string, bool)"/>.</summary>
    public static FeatureTable ReadCsv(string path, bool requireGtzanColumns = true) => FeatureTableCsv.Read(path, requireGtzanColumns);

    /// <summary>Writes the table as a CSV in Kaggle's format; see <see cref="FeatureTableCsv.Write(FeatureTable, string)"/>.</summary>
    public void WriteCsv(string path) => FeatureTableCsv.Write(this, path);

    /// <inheritdoc/>
    public override string ToString() =>
        $"FeatureTable({RowCount} rows, {ColumnCount} columns, {Genres.Count} genres: {Preview(Genres)})";

    internal int[] Indices(IReadOnlyList<string>? columns)
    {
        if (columns is null) return Enumerable.Range(0, ColumnCount).ToArray();
        var idx = new int[columns.Count];
        for (int j = 0; j < idx.Length; j++) idx[j] = ColumnIndex(columns[j]);
        return idx;
    }

    private static string Preview(IReadOnlyList<string> names) =>
        names.Count <= 8 ? string.Join(", ", names) : string.Join(", ", names.Take(8)) + ", ...";
}
