using GenreNotebooks.Nn.Modules;
using GenreNotebooks.Nn.Optim;

namespace GenreNotebooks.Nn.Tests.Training;

public class LearningTests
{
    /// <summary>Images [N, 1, 12, 12] whose class (0..2) is where a bright bar lies: rows, columns or the diagonal, plus noise.</summary>
    internal static (Tensor X, int[] Y) BarImages(int n, ulong seed)
    {
        var g = new Generator(seed);
        var data = new float[n * 144];
        var y = new int[n];
        for (int i = 0; i < n; i++)
        {
            y[i] = g.NextInt(3);
            int pos = 2 + g.NextInt(8);
            for (int r = 0; r < 12; r++)
                for (int c = 0; c < 12; c++)
                {
                    bool on = y[i] switch { 0 => r == pos, 1 => c == pos, _ => r == c };
                    data[i * 144 + r * 12 + c] = (on ? 1f : 0f) + 0.3f * (float)g.NextGaussian();
                }
        }
        return (new Tensor(data, n, 1, 12, 12), y);
    }

    internal static Sequential SmallCnn(ulong seed)
    {
        var g = new Generator(seed);
        return new Sequential(
            new Conv2d(1, 8, 3, padding: 1, generator: g), new BatchNorm2d(8), new ReLU(), new MaxPool2d(2),
            new Conv2d(8, 8, 3, padding: 1, generator: g), new BatchNorm2d(8), new ReLU(), new MaxPool2d(2),
            new Flatten(), new Dropout(0.2f, new Generator(seed + 1)), new Linear(8 * 3 * 3, 3, generator: g));
    }

    internal static float Accuracy(Module model, Tensor x, int[] y)
    {
        model.Eval();
        using var _ = Torch.NoGrad();
        var pred = model.Forward(x).Argmax(1);
        return pred.Zip(y).Count(p => p.First == p.Second) / (float)y.Length;
    }

    internal static void Train(Sequential model, Tensor x, int[] y, int epochs, ulong seed)
    {
        var opt = new Adam(model.Parameters(), 0.01f);
        var loss = new CrossEntropyLoss();
        var shuffle = new Generator(seed);
        int n = y.Length, batch = 32;
        for (int e = 0; e < epochs; e++)
        {
            model.Train();
            var order = shuffle.Permutation(n);
            for (int s = 0; s + batch <= n; s += batch)
            {
                using var scope = Torch.NewDisposeScope();
                var xb = new float[batch * 144];
                var yb = new int[batch];
                for (int i = 0; i < batch; i++)
                {
                    x.AsSpan().Slice(order[s + i] * 144, 144).CopyTo(xb.AsSpan(i * 144));
                    yb[i] = y[order[s + i]];
                }
                opt.ZeroGrad();
                var l = loss.Forward(model.Forward(new Tensor(xb, batch, 1, 12, 12)), yb);
                l.Backward();
                opt.Step();
            }
        }
    }

    [Fact]
    public void Small_cnn_learns_the_bar_task_above_95_percent_in_a_few_epochs()
    {
        var (x, y) = BarImages(384, 1);
        var (xt, yt) = BarImages(192, 2);
        var model = SmallCnn(3);
        float before = Accuracy(model, xt, yt);
        Train(model, x, y, epochs: 4, seed: 4);
        float after = Accuracy(model, xt, yt);
        Assert.True(after >= 0.95f, $"test accuracy {after:P1} (before training {before:P1})");
    }

    [Fact]
    public void Same_seed_gives_identical_weights_after_training()
    {
        var (x, y) = BarImages(96, 1);
        var a = SmallCnn(7);
        var b = SmallCnn(7);
        Train(a, x, y, 1, 9);
        Train(b, x, y, 1, 9);
        foreach (var ((name, pa), (_, pb)) in a.NamedParameters().Zip(b.NamedParameters()))
            Assert.True(pa.AsSpan().SequenceEqual(pb.AsSpan()), $"{name} differs");
    }

    [Fact]
    public void Save_then_load_gives_identical_predictions()
    {
        var (x, y) = BarImages(64, 1);
        var model = SmallCnn(11);
        Train(model, x, y, 1, 12);
        var path = Path.Combine(Path.GetTempPath(), $"nn-{Guid.NewGuid():N}.safetensors");
        try
        {
            model.Save(path);
            var copy = SmallCnn(99);
            copy.Load(path);
            model.Eval();
            copy.Eval();
            using var _ = Torch.NoGrad();
            Assert.Equal(model.Forward(x).ToArray(), copy.Forward(x).ToArray());
            Assert.Contains("0.weight", Serialization.Safetensors.Load(path).Keys);
            Assert.Contains("1.running_var", Serialization.Safetensors.Load(path).Keys);
        }
        finally { File.Delete(path); }
    }

    [Fact]
    public void Loading_weights_of_another_architecture_names_every_mismatch()
    {
        var path = Path.Combine(Path.GetTempPath(), $"nn-{Guid.NewGuid():N}.safetensors");
        try
        {
            new Sequential(new Linear(4, 3), new ReLU(), new Linear(3, 2)).Save(path);
            var other = new Sequential(new Linear(4, 5), new ReLU(), new Linear(5, 2), new Linear(2, 2));
            var e = Assert.Throws<InvalidDataException>(() => other.Load(path));
            Assert.Contains(path, e.Message);
            Assert.Contains("size mismatch for '0.weight'", e.Message);
            Assert.Contains("[3, 4]", e.Message);
            Assert.Contains("missing key '3.weight'", e.Message);
            File.WriteAllBytes(path, [1, 2, 3]);
            e = Assert.Throws<InvalidDataException>(() => other.Load(path));
            Assert.Contains("too short", e.Message);
        }
        finally { File.Delete(path); }
    }

    [Fact]
    public void BatchNorm_and_dropout_behave_differently_in_train_and_eval()
    {
        var bn = new BatchNorm1d(2);
        var x = Tensor.FromArray([1f, 10f, 3f, 20f, 5f, 30f], 3, 2);
        var train = bn.Forward(x).ToArray();
        Assert.Equal(0f, train[0] + train[2] + train[4], 4); // batch-normalised: zero mean per channel
        Assert.Equal(0.3f, bn.RunningMean.AsSpan()[0], 5);    // 0.9 * 0 + 0.1 * 3
        Assert.Equal(0.9f + 0.1f * 4f, bn.RunningVar.AsSpan()[0], 5); // unbiased variance 4
        bn.Eval();
        var eval = bn.Forward(x).ToArray();
        Assert.Equal((1f - 0.3f) / MathF.Sqrt(1.3f + 1e-5f), eval[0], 5);

        var drop = new Dropout(0.5f, new Generator(1));
        var ones = Tensor.Ones(1000);
        var dropped = drop.Forward(ones).ToArray();
        Assert.All(dropped, v => Assert.True(v == 0f || v == 2f));
        Assert.InRange(dropped.Count(v => v == 0f), 400, 600);
        drop.Eval();
        Assert.Equal(ones.ToArray(), drop.Forward(ones).ToArray());
    }

    [Fact]
    public void Summary_lists_layers_output_shapes_and_parameter_counts()
    {
        var model = SmallCnn(1);
        var s = model.Summary(1, 12, 12);
        Assert.Equal([-1, 8, 12, 12], s.Rows[0].OutputShape);
        Assert.Equal(8 * 9 + 8, s.Rows[0].Parameters);
        Assert.Equal([-1, 3], s.Rows[^1].OutputShape);
        Assert.Equal(model.ParameterCount(), s.TrainableParameters);
        Assert.Equal(4 * 8, s.NonTrainableParameters); // two BatchNorm2d(8) running mean + var
        Assert.Contains("Total params", s.ToString());
        Assert.True(model.Training);
    }

    [Fact]
    public void L2_penalty_covers_only_kernels_and_adds_its_gradient()
    {
        var lin = new Linear(3, 2);
        var bn = new BatchNorm1d(2);
        var penalty = Regularization.L2(0.5f, lin, bn);
        float expected = 0.5f * lin.Weight.ToArray().Sum(v => v * v);
        Assert.Equal(expected, penalty.Item(), 5);
        penalty.Backward();
        Assert.Equal(lin.Weight.ToArray().Select(v => v).ToArray(), lin.Weight.Grad!.ToArray()); // d(0.5 w²)/dw = w
        Assert.Null(lin.Bias!.Grad);
    }

    [Fact]
    public void Dispose_scope_recycles_op_results_but_not_parameters()
    {
        var lin = new Linear(3, 2);
        Tensor y;
        using (Torch.NewDisposeScope())
        {
            y = lin.Forward(Tensor.Ones(4, 3));
            Assert.Equal(8, y.Numel);
        }
        Assert.Throws<ObjectDisposedException>(() => y.ToArray());
        Assert.Equal(6, lin.Weight.Numel);
    }
}
