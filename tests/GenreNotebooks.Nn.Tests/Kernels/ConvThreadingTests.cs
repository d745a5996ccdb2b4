using GenreNotebooks.Nn.Tests.Support;

namespace GenreNotebooks.Nn.Tests.Kernels;

/// <summary>Grouped, batch-parallel convolution: deterministic per thread count, close across thread counts; profiler entries.</summary>
[Collection("Threads")]
public class ConvThreadingTests
{
    private static (float[] Y, float[] Gx, float[] Gw, float[] Gb) Run(int threads)
    {
        int previous = Threads.Count;
        Threads.Count = threads;
        try
        {
            // 8x8 planes: several samples share one GEMM, as in the last block of the 2-D CNN.
            var x = Tensor.Randn([6, 3, 8, 8], new Generator(61)).RequiresGrad_();
            var w = Tensor.Randn([5, 3, 5, 5], new Generator(62)).RequiresGrad_();
            var b = Tensor.Randn([5], new Generator(63)).RequiresGrad_();
            var y = Functional.Conv2d(x, w, b, 1, 1, 2, 2, 2, 2);
            y.Backward(Tensor.Randn([6, 5, 8, 8], new Generator(64)));
            return (y.ToArray(), x.Grad!.ToArray(), w.Grad!.ToArray(), b.Grad!.ToArray());
        }
        finally { Threads.Count = previous; }
    }

    [Fact]
    public void Conv2d_is_deterministic_for_a_thread_count_and_close_across_counts()
    {
        var one = Run(1);
        var two = Run(2);
        var twoAgain = Run(2);
        Assert.Equal(two.Y, twoAgain.Y);
        Assert.Equal(two.Gw, twoAgain.Gw);
        Assert.Equal(two.Gx, twoAgain.Gx);
        Close.All(one.Y, two.Y, 1e-5, 1e-5, "y");
        Close.All(one.Gx, two.Gx, 1e-5, 1e-5, "grad x");
        Close.All(one.Gw, two.Gw, 1e-4, 1e-4, "grad w");
        Close.All(one.Gb, two.Gb, 1e-4, 1e-4, "grad b");
    }

    [Fact]
    public void Profiler_records_conv_kernels_only_while_enabled()
    {
        Profiler.Reset();
        Run(1);
        Assert.Empty(Profiler.Snapshot());
        Profiler.Enabled = true;
        try { Run(1); }
        finally { Profiler.Enabled = false; }
        var names = Profiler.Snapshot().Select(e => e.Name).ToList();
        Assert.Contains("Conv2d 3->5 gemm.fwd", names);
        Assert.Contains("Conv2d 3->5 im2col", names);
        Assert.Contains("Conv2d 3->5 col2im", names);
        Assert.Contains("Conv2dBackward", names);
        Profiler.Reset();
    }
}
