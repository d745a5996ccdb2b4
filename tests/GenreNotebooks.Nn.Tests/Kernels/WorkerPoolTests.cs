using GenreNotebooks.Nn.Kernels;
using GenreNotebooks.Nn.Modules;
using GenreNotebooks.Nn.Optim;
using GenreNotebooks.Nn.Tests.Support;

namespace GenreNotebooks.Nn.Tests.Kernels;

/// <summary>The engine's worker pool: every item once, errors surface, nesting runs inline, training deterministic per thread count.</summary>
[Collection("Threads")]
public class WorkerPoolTests
{
    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 2)]
    [InlineData(37, 2)]
    [InlineData(1000, 4)]
    public void Every_item_runs_exactly_once(int items, int threads)
    {
        var hits = new int[items];
        for (int round = 0; round < 20; round++)
            WorkerPool.Run(items, threads, i => Interlocked.Increment(ref hits[i]));
        Assert.All(hits, h => Assert.Equal(20, h));
    }

    [Fact]
    public void An_item_exception_reaches_the_caller_and_the_pool_keeps_working()
    {
        var e = Assert.Throws<InvalidOperationException>(() => WorkerPool.Run(8, 2, i => { if (i == 5) throw new InvalidOperationException("item 5"); }));
        Assert.Equal("item 5", e.Message);
        int sum = 0;
        WorkerPool.Run(8, 2, i => Interlocked.Add(ref sum, i));
        Assert.Equal(28, sum);
    }

    [Fact]
    public void Nested_runs_execute_inline_inside_an_item()
    {
        var nestedInside = new bool[4];
        WorkerPool.Run(4, 2, i =>
        {
            Assert.True(WorkerPool.InsideItem);
            Assert.Equal(1, ParallelRange.AvailableThreads);
            int inner = 0;
            WorkerPool.Run(3, 2, _ => inner++);
            nestedInside[i] = inner == 3;
        });
        Assert.All(nestedInside, Assert.True);
        Assert.False(WorkerPool.InsideItem);
    }

    private static (float[] Logits, float[] Weights) Train(int threads)
    {
        int previous = Threads.Count;
        Threads.Count = threads;
        try
        {
            var g = new Generator(3);
            var model = new Sequential(
                new Conv2d(1, 4, 5, padding: 2, generator: g), new BatchNorm2d(4), new ReLU(), new MaxPool2d(2),
                new Conv2d(4, 8, 5, padding: 2, generator: g), new BatchNorm2d(8), new ReLU(), new MaxPool2d(2),
                new Flatten(), new Linear(8 * 4 * 4, 3, generator: g));
            var opt = new Adam(model.Parameters(), 1e-2f);
            var x = Tensor.Randn([12, 1, 16, 17], new Generator(4));
            int[] y = [0, 1, 2, 0, 1, 2, 0, 1, 2, 0, 1, 2];
            var loss = new CrossEntropyLoss();
            for (int step = 0; step < 3; step++)
            {
                using var scope = Torch.NewDisposeScope();
                opt.ZeroGrad();
                loss.Forward(model.Forward(x), y).Backward();
                opt.Step();
            }
            model.Eval();
            using var noGrad = Torch.NoGrad();
            return (model.Forward(x).ToArray(), model.Parameters().SelectMany(p => p.ToArray()).ToArray());
        }
        finally { Threads.Count = previous; }
    }

    [Fact]
    public void Training_is_bit_identical_for_a_thread_count_and_close_across_counts()
    {
        var one = Train(1);
        var oneAgain = Train(1);
        var two = Train(2);
        var twoAgain = Train(2);
        Assert.Equal(one.Weights, oneAgain.Weights);
        Assert.Equal(one.Logits, oneAgain.Logits);
        Assert.Equal(two.Weights, twoAgain.Weights);
        Assert.Equal(two.Logits, twoAgain.Logits);
        Close.All(one.Weights, two.Weights, 1e-3, 1e-4, "weights");
        Close.All(one.Logits, two.Logits, 1e-3, 1e-3, "logits");
    }
}
