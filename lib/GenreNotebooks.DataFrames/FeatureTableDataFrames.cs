using GenreNotebooks.Features;
using Microsoft.Data.Analysis;

namespace GenreNotebooks.DataFrames;

/// <summary>
/// <see cref="FeatureTable"/> as a Microsoft.Data.Analysis <see cref="DataFrame"/> and back, exact to the last digit:
/// the columns of Kaggle's feature CSVs in their order, <c>filename</c> (string), <c>length</c> (int64, as pandas
/// reads it), every numeric feature as float64 (<see cref="DoubleDataFrameColumn"/>), <c>label</c> (string). The
/// DataFrame is for looking at the data the way pandas users do (<c>Head</c>, <c>Filter</c>, <c>GroupBy</c>,
/// <c>Description</c>); the library computes with <see cref="FeatureTable"/>. Taught in notebooks/03-exploring-the-features.
/// </summary>
public static class FeatureTableDataFrames
{
    /// <summary>
    /// A DataFrame with one row per table row and the columns filename, length, the numeric columns, label (pandas'
    /// <c>pd.read_csv("features_30_sec.csv")</c>). Values are copied.
    /// </summary>
    public static DataFrame ToDataFrame(this FeatureTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        var columns = new List<DataFrameColumn>
        {
            new StringDataFrameColumn(GtzanColumns.Filename, table.Filenames),
            new Int64DataFrameColumn(GtzanColumns.Length, table.Lengths.Select(l => (long)l)),
        };
        for (int c = 0; c < table.ColumnCount; c++)
            columns.Add(new DoubleDataFrameColumn(table.Columns[c], table.Column(c).ToArray()));
        columns.Add(new StringDataFrameColumn(GtzanColumns.Label, table.Labels));
        return new DataFrame(columns);
    }

    /// <summary>
    /// The feature table of <paramref name="frame"/>: it needs string columns <c>filename</c> and <c>label</c>; an
    /// integer <c>length</c> column is optional (0 when absent); every other column must be float64, and a missing
    /// value in one becomes NaN (as pandas reads an empty field).
    /// </summary>
    /// <exception cref="ArgumentException">
    /// A required column is missing or of another type, a filename or label is missing, a length is not a whole
    /// number, or a numeric column is not float64 (a float32 column, what <c>DataFrame.LoadCsv</c>
    /// guesses without types, has lost digits: read with <see cref="ReadCsv"/> instead).
    /// </exception>
    public static FeatureTable FromDataFrame(DataFrame frame)
    {
        ArgumentNullException.ThrowIfNull(frame);
        if (frame.Rows.Count > int.MaxValue) throw new ArgumentException($"the DataFrame has {frame.Rows.Count} rows, more than a feature table holds", nameof(frame));
        int rows = (int)frame.Rows.Count;
        var filenames = Strings(frame, GtzanColumns.Filename, rows);
        var labels = Strings(frame, GtzanColumns.Label, rows);
        var lengths = new int[rows];
        var names = new List<string>();
        var values = new List<double[]>();
        foreach (var column in frame.Columns)
        {
            if (column.Name is GtzanColumns.Filename or GtzanColumns.Label) continue;
            if (column.Name == GtzanColumns.Length)
            {
                for (int r = 0; r < rows; r++) lengths[r] = WholeNumber(column, r);
                continue;
            }
            if (column is not DoubleDataFrameColumn doubles)
                throw new ArgumentException(
                    $"column '{column.Name}' is {column.DataType.Name}, not Double: feature columns must be float64 to stay exact " +
                    "(DataFrame.LoadCsv guesses Single unless given dataTypes; FeatureTableDataFrames.ReadCsv gives them)", nameof(frame));
            var v = new double[rows];
            for (int r = 0; r < rows; r++) v[r] = doubles[r] ?? double.NaN;
            names.Add(column.Name);
            values.Add(v);
        }
        return new FeatureTable(names, values, filenames, labels, lengths);
    }

    /// <summary>
    /// Reads a Kaggle-format feature CSV into a DataFrame with exact types (filename and label string, length int64,
    /// every other column float64), as pandas reads it: <c>DataFrame.LoadCsv</c> with the types given, because it
    /// guesses float32 otherwise.
    /// </summary>
    /// <exception cref="FileNotFoundException">No such file.</exception>
    /// <exception cref="InvalidDataException">The file has no header line.</exception>
    public static DataFrame ReadCsv(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path)) throw new FileNotFoundException($"feature CSV '{path}' does not exist", path);
        string? header;
        using (var reader = new StreamReader(path)) header = reader.ReadLine();
        if (string.IsNullOrWhiteSpace(header)) throw new InvalidDataException($"feature CSV '{path}' has no header line");
        var names = header.TrimStart('\uFEFF').Split(',').Select(n => n.Trim()).ToArray();
        var types = names.Select(n => n switch
        {
            GtzanColumns.Filename or GtzanColumns.Label => typeof(string),
            GtzanColumns.Length => typeof(long),
            _ => typeof(double),
        }).ToArray();
        return DataFrame.LoadCsv(path, header: true, columnNames: names, dataTypes: types,
            cultureInfo: System.Globalization.CultureInfo.InvariantCulture);
    }

    private static string[] Strings(DataFrame frame, string name, int rows)
    {
        var column = frame.Columns.FirstOrDefault(c => c.Name == name)
                     ?? throw new ArgumentException($"the DataFrame has no '{name}' column (columns: {string.Join(", ", frame.Columns.Select(c => c.Name))})", nameof(frame));
        if (column is not StringDataFrameColumn strings)
            throw new ArgumentException($"column '{name}' is {column.DataType.Name}, not String", nameof(frame));
        var result = new string[rows];
        for (int r = 0; r < rows; r++)
            result[r] = strings[r] ?? throw new ArgumentException($"row {r} has no {name}", nameof(frame));
        return result;
    }

    private static int WholeNumber(DataFrameColumn column, int row)
    {
        var value = column[row] ?? throw new ArgumentException($"row {row} has no {column.Name}", nameof(column));
        double d = Convert.ToDouble(value, System.Globalization.CultureInfo.InvariantCulture);
        if (d != Math.Floor(d) || d < int.MinValue || d > int.MaxValue)
            throw new ArgumentException($"row {row}: {column.Name} {value} is not a whole number of samples", nameof(column));
        return (int)d;
    }
}
