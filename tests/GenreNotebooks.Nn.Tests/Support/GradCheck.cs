namespace GenreNotebooks.Nn.Tests.Support;

/// <summary>
/// Compares autograd gradients with central finite differences of L = Σ f(x)·R (R a fixed random tensor), the
/// projection and differences accumulated in double.
/// </summary>
public static class GradCheck
{
    public static void Check(Func<Tensor[], Tensor> f, Tensor[] inputs, double eps = 1e-2, double rtol = 2e-2, double atol = 2e-3, ulong seed = 7)
    {
        foreach (var t in inputs) { t.RequiresGrad = true; t.Grad = null; }
        var y = f(inputs);
        var r = Tensor.Randn(y.Shape.ToArray(), new Generator(seed));
        y.Backward(r);
        var rv = r.ToArray();
        double Loss()
        {
            using var _ = Torch.NoGrad();
            var o = f(inputs).AsSpan();
            double s = 0;
            for (int i = 0; i < o.Length; i++) s += (double)o[i] * rv[i];
            return s;
        }
        for (int k = 0; k < inputs.Length; k++)
        {
            var x = inputs[k].AsSpan();
            var analytic = inputs[k].Grad!.ToArray();
            for (int i = 0; i < x.Length; i++)
            {
                float orig = x[i];
                x = inputs[k].AsSpan();
                x[i] = (float)(orig + eps);
                double plus = Loss();
                x[i] = (float)(orig - eps);
                double minus = Loss();
                x[i] = orig;
                double numeric = (plus - minus) / (2 * eps);
                Assert.True(Math.Abs(analytic[i] - numeric) <= atol + rtol * Math.Abs(numeric),
                    $"input {k} element {i}: autograd {analytic[i]:G7}, finite difference {numeric:G7}");
            }
        }
    }

    public static Tensor Rand(ulong seed, params int[] shape) => Tensor.Randn(shape, new Generator(seed));
}
