namespace GenreNotebooks.Spectral;

/// <summary>
/// A mel filterbank kept as one contiguous non-zero bin range per band: projecting a spectrum frame costs the
/// triangles' total width (about 2 * bins) instead of n_mels * bins multiply-adds.
/// </summary>
internal sealed class SparseMelBank
{
    private SparseMelBank(int bins, int[] start, int[] count, double[][] weights)
    {
        Bins = bins;
        Start = start;
        Count = count;
        Weights = weights;
    }

    public int Bins { get; }

    public int Bands => Start.Length;

    public int[] Start { get; }

    public int[] Count { get; }

    public double[][] Weights { get; }

    public static SparseMelBank From(FloatMatrix dense)
    {
        int bands = dense.Rows;
        var start = new int[bands];
        var count = new int[bands];
        var weights = new double[bands][];
        for (int m = 0; m < bands; m++)
        {
            var row = dense.Row(m);
            int first = 0, last = row.Length - 1;
            while (first < row.Length && row[first] == 0f) first++;
            while (last >= first && row[last] == 0f) last--;
            int n = Math.Max(last - first + 1, 0);
            start[m] = n == 0 ? 0 : first;
            count[m] = n;
            weights[m] = new double[n];
            for (int i = 0; i < n; i++) weights[m][i] = row[first + i];
        }
        return new SparseMelBank(dense.Cols, start, count, weights);
    }

    /// <summary>out[m] = sum_k w[m, k] * spectrum[k], accumulated in float64.</summary>
    public void Project(ReadOnlySpan<double> spectrum, Span<double> output)
    {
        for (int m = 0; m < Start.Length; m++)
        {
            var w = Weights[m];
            var s = spectrum.Slice(Start[m], w.Length);
            double sum = 0;
            for (int i = 0; i < w.Length; i++) sum += w[i] * s[i];
            output[m] = sum;
        }
    }
}
