namespace GenreNotebooks.Plots;

/// <summary>
/// Reduces data for display, as figures do under <see cref="DisplayLimits"/>: blocks of neighbouring indices,
/// pooling a matrix over row and column blocks, and the min/max envelope of a long line (what
/// librosa.display.waveshow and plotly-resampler draw).
/// </summary>
public static class Downsample
{
    /// <summary>
    /// Splits 0..<paramref name="count"/> into consecutive blocks of k = ceil(count / <paramref name="maxBlocks"/>)
    /// indices (the last may be shorter), so at most <paramref name="maxBlocks"/> blocks; one index per block when
    /// count &lt;= maxBlocks.
    /// </summary>
    public static Range[] UniformBlocks(int count, int maxBlocks)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxBlocks, 1);
        int k = count <= maxBlocks ? 1 : (count + maxBlocks - 1) / maxBlocks;
        var blocks = new Range[(count + k - 1) / k];
        for (int b = 0; b < blocks.Length; b++) blocks[b] = new Range(b * k, Math.Min(count, (b + 1) * k));
        return blocks;
    }

    /// <summary>
    /// Blocks of consecutive indices by their position on an axis (increasing <paramref name="positions"/>, e.g. the
    /// log of the bin frequencies for a log axis): a block grows while its positions span no more than
    /// 1/<paramref name="maxBlocks"/> of the whole axis, so sparse indices keep a block each and dense ones are
    /// pooled. At most about <paramref name="maxBlocks"/> blocks.
    /// </summary>
    /// <exception cref="ArgumentException">The positions are not finite and increasing.</exception>
    public static Range[] AxisBlocks(IReadOnlyList<double> positions, int maxBlocks)
    {
        ArgumentNullException.ThrowIfNull(positions);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxBlocks, 1);
        int n = positions.Count;
        for (int i = 0; i < n; i++)
            if (!double.IsFinite(positions[i]) || (i > 0 && positions[i] <= positions[i - 1]))
                throw new ArgumentException($"Axis positions must be finite and increasing; position {i} is {positions[i]}.", nameof(positions));
        if (n <= maxBlocks) return UniformBlocks(n, maxBlocks);
        // The tolerance keeps evenly spaced positions in equal blocks despite rounding.
        double span = (positions[n - 1] - positions[0]) / maxBlocks * (1 + 1e-9);
        var blocks = new List<Range>();
        int start = 0;
        for (int i = 1; i <= n; i++)
        {
            if (i < n && positions[i] - positions[start] <= span) continue;
            blocks.Add(new Range(start, i));
            start = i;
        }
        return [.. blocks];
    }

    /// <summary>
    /// The matrix pooled over <paramref name="rowBlocks"/> x <paramref name="colBlocks"/>: cell (i, j) of the result,
    /// shape (rowBlocks, colBlocks), is the max or mean of the source cells in row block i and column block j. NaN
    /// cells are skipped (a block of only NaN stays NaN).
    /// </summary>
    public static FloatMatrix Pool(FloatMatrix matrix, IReadOnlyList<Range> rowBlocks, IReadOnlyList<Range> colBlocks, DisplayPooling pooling)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        var result = new FloatMatrix(rowBlocks.Count, colBlocks.Count);
        for (int i = 0; i < rowBlocks.Count; i++)
        {
            var (r0, rn) = rowBlocks[i].GetOffsetAndLength(matrix.Rows);
            for (int j = 0; j < colBlocks.Count; j++)
            {
                var (c0, cn) = colBlocks[j].GetOffsetAndLength(matrix.Cols);
                double acc = pooling == DisplayPooling.Max ? double.NegativeInfinity : 0;
                int count = 0;
                for (int r = r0; r < r0 + rn; r++)
                {
                    var row = matrix.Row(r).Slice(c0, cn);
                    foreach (var v in row)
                    {
                        if (float.IsNaN(v)) continue;
                        acc = pooling == DisplayPooling.Max ? Math.Max(acc, v) : acc + v;
                        count++;
                    }
                }
                result[i, j] = count == 0 ? float.NaN : pooling == DisplayPooling.Max ? (float)acc : (float)(acc / count);
            }
        }
        return result;
    }

    /// <summary>The mean of <paramref name="values"/> over each block (the axis coordinate of a pooled cell).</summary>
    public static double[] BlockMeans(IReadOnlyList<double> values, IReadOnlyList<Range> blocks)
    {
        ArgumentNullException.ThrowIfNull(values);
        var means = new double[blocks.Count];
        for (int b = 0; b < blocks.Count; b++)
        {
            var (start, length) = blocks[b].GetOffsetAndLength(values.Count);
            double sum = 0;
            for (int i = start; i < start + length; i++) sum += values[i];
            means[b] = sum / length;
        }
        return means;
    }

    /// <summary>
    /// The indices a line keeps when it has more than <paramref name="maxPoints"/> points: split into maxPoints/2
    /// blocks, each block's minimum and maximum in their original order (the same index twice where they coincide,
    /// so the result has exactly maxPoints/2 pairs), so the drawn envelope is exact. All indices when the line is
    /// short enough.
    /// </summary>
    public static int[] MinMaxIndices(ReadOnlySpan<double> values, int maxPoints)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxPoints, 2);
        int n = values.Length;
        if (n <= maxPoints)
        {
            var all = new int[n];
            for (int i = 0; i < n; i++) all[i] = i;
            return all;
        }
        int blocks = maxPoints / 2;
        var kept = new List<int>(2 * blocks);
        for (int b = 0; b < blocks; b++)
        {
            int start = (int)((long)n * b / blocks), end = (int)((long)n * (b + 1) / blocks);
            int iMin = start, iMax = start;
            for (int i = start; i < end; i++)
            {
                if (values[i] < values[iMin]) iMin = i;
                if (values[i] > values[iMax]) iMax = i;
            }
            kept.Add(Math.Min(iMin, iMax));
            kept.Add(Math.Max(iMin, iMax));
        }
        return [.. kept];
    }

    /// <summary>The float overload of <see cref="MinMaxIndices(ReadOnlySpan{double}, int)"/> (audio samples).</summary>
    public static int[] MinMaxIndices(ReadOnlySpan<float> values, int maxPoints)
    {
        var wide = new double[values.Length];
        for (int i = 0; i < wide.Length; i++) wide[i] = values[i];
        return MinMaxIndices(wide, maxPoints);
    }

    /// <summary>
    /// <paramref name="indices"/> without the points inside runs of equal y (each run keeps its first and last point),
    /// when x is monotonic: the line drawn through the rest is the same. Unchanged when x goes back and forth.
    /// </summary>
    public static int[] WithoutFlatRunInteriors(IReadOnlyList<double> x, IReadOnlyList<double> y, int[] indices)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        ArgumentNullException.ThrowIfNull(indices);
        if (indices.Length < 3) return indices;
        bool up = true, down = true;
        for (int k = 1; k < indices.Length; k++)
        {
            double d = x[indices[k]] - x[indices[k - 1]];
            if (!(d >= 0)) up = false;
            if (!(d <= 0)) down = false;
        }
        if (!up && !down) return indices;
        var kept = new List<int>(indices.Length) { indices[0] };
        for (int k = 1; k < indices.Length - 1; k++)
            if (!(y[indices[k - 1]] == y[indices[k]] && y[indices[k]] == y[indices[k + 1]])) kept.Add(indices[k]);
        kept.Add(indices[^1]);
        return kept.Count == indices.Length ? indices : [.. kept];
    }
}
