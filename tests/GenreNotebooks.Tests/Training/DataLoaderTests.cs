using GenreNotebooks.Nn;
using GenreNotebooks.Training;

namespace GenreNotebooks.Tests.Training;

public class DataLoaderTests
{
    private static (Tensor X, int[] Y) Numbered(int n, int width = 3)
    {
        var data = new float[n * width];
        for (int i = 0; i < n; i++)
            for (int j = 0; j < width; j++) data[i * width + j] = i;
        return (new Tensor(data, n, width), Enumerable.Range(0, n).Select(i => i % 4).ToArray());
    }

    [Fact]
    public void A_pass_yields_every_sample_once_with_its_label_and_keeps_the_last_partial_batch()
    {
        var (x, y) = Numbered(10);
        var loader = new DataLoader(x, y, batchSize: 4, shuffle: true, seed: 3);
        Assert.Equal(3, loader.BatchCount);
        var batches = loader.ToList();
        Assert.Equal([4, 4, 2], batches.Select(b => b.Y.Length));
        Assert.Equal([4, 3], batches[0].X.Shape);
        var seen = batches.SelectMany(b => Enumerable.Range(0, b.Y.Length).Select(i => ((int)b.X.AsSpan()[i * 3], b.Y[i]))).ToList();
        Assert.Equal(Enumerable.Range(0, 10), seen.Select(s => s.Item1).Order());
        Assert.All(seen, s => Assert.Equal(s.Item1 % 4, s.Item2));   // each row travels with its own label
    }

    [Fact]
    public void Shuffling_is_seeded_new_every_pass_and_off_by_default()
    {
        var (x, y) = Numbered(20);
        static int[] Order(DataLoader l) => l.SelectMany(b => Enumerable.Range(0, b.Y.Length).Select(i => (int)b.X.AsSpan()[i * 3])).ToArray();
        var a = new DataLoader(x, y, 8, shuffle: true, seed: 5);
        var b = new DataLoader(x, y, 8, shuffle: true, seed: 5);
        var a1 = Order(a);
        Assert.Equal(a1, Order(b));
        Assert.NotEqual(a1, Order(a));                       // the second epoch is a new permutation
        Assert.NotEqual(a1, Order(new DataLoader(x, y, 8, shuffle: true, seed: 6)));
        Assert.Equal(Enumerable.Range(0, 20), Order(new DataLoader(x, y, 8)));
    }

    [Fact]
    public void Bad_inputs_are_refused()
    {
        var (x, y) = Numbered(5);
        Assert.Throws<ArgumentException>(() => new DataLoader(x, y.Take(4).ToArray()));
        Assert.Throws<ArgumentOutOfRangeException>(() => new DataLoader(x, y, batchSize: 0));
        Assert.Throws<ArgumentException>(() => new DataLoader(x, [0, 1, -1, 2, 3]));
        Assert.Throws<ArgumentException>(() => new DataLoader(new Tensor(new float[3], 3), [0, 1, 2]));
    }
}
