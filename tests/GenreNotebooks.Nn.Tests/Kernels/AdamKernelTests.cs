using GenreNotebooks.Nn.Optim;

namespace GenreNotebooks.Nn.Tests.Kernels;

/// <summary>The vectorised Adam update against the scalar formula, element for element.</summary>
public class AdamKernelTests
{
    [Theory]
    [InlineData(19, 0f)]
    [InlineData(8, 0.01f)]
    [InlineData(3, 0.1f)]
    public void Adam_update_is_bit_identical_to_the_scalar_formula_over_three_steps(int length, float weightDecay)
    {
        var p = Tensor.Randn([length], new Generator(7)).RequiresGrad_();
        var expected = p.ToArray();
        var m = new float[length];
        var v = new float[length];
        var opt = new Adam([p], lr: 0.01f, weightDecay: weightDecay);
        const float b1 = 0.9f, b2 = 0.999f, eps = 1e-8f, lr = 0.01f;
        for (int t = 1; t <= 3; t++)
        {
            opt.ZeroGrad();
            var grad = Tensor.Randn([length], new Generator((ulong)(10 + t)));
            (p * grad).Sum().Backward();
            opt.Step();
            var gv = grad.ToArray();
            double bc1 = 1 - Math.Pow(b1, t), bc2 = 1 - Math.Pow(b2, t);
            float stepSize = (float)(lr / bc1), bc2Sqrt = (float)Math.Sqrt(bc2);
            for (int i = 0; i < length; i++)
            {
                float g = gv[i] + weightDecay * expected[i];
                m[i] = b1 * m[i] + (1 - b1) * g;
                v[i] = b2 * v[i] + (1 - b2) * g * g;
                expected[i] = expected[i] - stepSize * m[i] / (MathF.Sqrt(v[i]) / bc2Sqrt + eps);
            }
            Assert.Equal(expected, p.ToArray());
        }
    }
}
