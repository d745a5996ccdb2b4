using GenreNotebooks.Nn.Optim;

namespace GenreNotebooks.Nn.Tests.Optim;

public class AdamStepCountTests
{
    [Fact]
    public void A_parameter_first_given_a_gradient_later_gets_a_first_step_bias_correction()
    {
        // PyTorch keeps Adam's step per parameter: b has no grad at step 1 (skipped), so its first update at step 2 is
        // the t = 1 update lr · g / (|g| + eps) ≈ lr · sign(g), not the t = 2 one (≈ 0.74 · lr).
        var a = Tensor.Zeros(3).RequiresGrad_();
        var b = Tensor.Zeros(3).RequiresGrad_();
        const float lr = 0.01f;
        var opt = new Adam([a, b], lr);
        a.Grad = new Tensor([1f, -2f, 0.5f], 3);
        opt.Step();
        Assert.Equal(new float[3], b.ToArray());
        b.Grad = new Tensor([4f, -0.25f, 1f], 3);
        a.Grad = new Tensor([1f, -2f, 0.5f], 3);
        opt.Step();
        float[] expected = [-lr, lr, -lr];
        Assert.All(b.ToArray().Zip(expected), p => Assert.Equal(p.Second, p.First, 1e-6f));
        Assert.Equal(2, opt.StepCount);
    }

    [Fact]
    public void AdamW_keeps_decoupled_decay_with_the_per_parameter_step()
    {
        var b = Tensor.Full(2f, 2).RequiresGrad_();
        var other = Tensor.Zeros(1).RequiresGrad_();
        const float lr = 0.1f, wd = 0.5f;
        var opt = new AdamW([other, b], lr, weightDecay: wd);
        other.Grad = Tensor.Ones(1);
        opt.Step();
        b.Grad = new Tensor([3f, -3f], 2);
        opt.Step();
        // p·(1 - lr·wd) - lr·sign(g) at t = 1.
        Assert.Equal(2f * (1 - lr * wd) - lr, b.ToArray()[0], 1e-6f);
        Assert.Equal(2f * (1 - lr * wd) + lr, b.ToArray()[1], 1e-6f);
    }
}
