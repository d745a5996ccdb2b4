namespace GenreNotebooks.Tests.Datasets;

/// <summary>The simplest classifier: standardise features on the training set, predict the genre with the nearest mean.</summary>
internal static class NearestCentroid
{
    public static double Accuracy(IReadOnlyList<(float[] X, string Y)> train, IReadOnlyList<(float[] X, string Y)> test)
    {
        int d = train[0].X.Length;
        var mean = new double[d];
        var std = new double[d];
        foreach (var (x, _) in train) for (int j = 0; j < d; j++) mean[j] += x[j] / (double)train.Count;
        foreach (var (x, _) in train) for (int j = 0; j < d; j++) std[j] += (x[j] - mean[j]) * (x[j] - mean[j]) / train.Count;
        for (int j = 0; j < d; j++) std[j] = Math.Sqrt(std[j]) + 1e-9;
        double[] Z(float[] x) => x.Select((v, j) => (v - mean[j]) / std[j]).ToArray();
        var centroids = train.GroupBy(t => t.Y).ToDictionary(g => g.Key,
            g => Enumerable.Range(0, d).Select(j => g.Average(t => Z(t.X)[j])).ToArray());
        int correct = 0;
        foreach (var (x, y) in test)
        {
            var z = Z(x);
            var best = centroids.MinBy(c => c.Value.Select((m, j) => (m - z[j]) * (m - z[j])).Sum()).Key;
            if (best == y) correct++;
        }
        return correct / (double)test.Count;
    }
}
