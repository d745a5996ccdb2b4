using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace GenreNotebooks.Nn.Optim;

/// <summary>
/// Adam (<c>torch.optim.Adam(params, lr, betas, eps, weight_decay)</c>): <c>g += wd·p</c> (L2 added to the gradient, as
/// PyTorch's Adam), <c>m = β1·m + (1-β1)·g</c>, <c>v = β2·v + (1-β2)·g²</c>,
/// <c>p -= lr / (1-β1^t) · m / (√v / √(1-β2^t) + eps)</c>, where t counts the steps that updated this parameter (a
/// parameter without a gradient at a step keeps its t, as PyTorch's per-parameter <c>state['step']</c>).
/// Taught in notebooks/04-feature-networks-and-cross-validation.
/// </summary>
public class Adam : Optimizer
{
    private readonly float[][] _m, _v;
    private readonly int[] _steps;

    /// <summary>Creates the optimizer with PyTorch's defaults (lr 1e-3, betas 0.9/0.999, eps 1e-8).</summary>
    public Adam(IEnumerable<Tensor> parameters, float lr = 1e-3f, float beta1 = 0.9f, float beta2 = 0.999f, float eps = 1e-8f, float weightDecay = 0f)
        : base(parameters, lr)
    {
        if (beta1 < 0f || beta1 >= 1f) throw new ArgumentOutOfRangeException(nameof(beta1), $"{GetType().Name}: invalid beta1 {beta1}.");
        if (beta2 < 0f || beta2 >= 1f) throw new ArgumentOutOfRangeException(nameof(beta2), $"{GetType().Name}: invalid beta2 {beta2}.");
        if (eps < 0f) throw new ArgumentOutOfRangeException(nameof(eps), $"{GetType().Name}: invalid eps {eps}.");
        if (weightDecay < 0f) throw new ArgumentOutOfRangeException(nameof(weightDecay), $"{GetType().Name}: invalid weight_decay {weightDecay}.");
        Beta1 = beta1;
        Beta2 = beta2;
        Eps = eps;
        WeightDecay = weightDecay;
        _m = Params.Select(p => new float[p.Numel]).ToArray();
        _v = Params.Select(p => new float[p.Numel]).ToArray();
        _steps = new int[Params.Count];
    }

    /// <summary>First-moment decay β1.</summary>
    public float Beta1 { get; }

    /// <summary>Second-moment decay β2.</summary>
    public float Beta2 { get; }

    /// <summary>Denominator term.</summary>
    public float Eps { get; }

    /// <summary>Weight decay (see the class summary for how it is applied).</summary>
    public float WeightDecay { get; }

    /// <summary>True for AdamW's decoupled decay, false for Adam's L2-in-gradient.</summary>
    protected virtual bool DecoupledWeightDecay => false;

    /// <inheritdoc/>
    protected override void Update(int index, Span<float> param, ReadOnlySpan<float> grad)
    {
        float[] m = _m[index], v = _v[index];
        // Per parameter, not the optimizer's StepCount: a layer that joins training later (unfrozen) starts its bias
        // correction at t = 1 instead of taking steps of about 3·lr from an uncorrected first moment.
        int t = ++_steps[index];
        float lr = LearningRate;
        double bc1 = 1 - Math.Pow(Beta1, t), bc2 = 1 - Math.Pow(Beta2, t);
        float stepSize = (float)(lr / bc1), bc2Sqrt = (float)Math.Sqrt(bc2);
        float decay = DecoupledWeightDecay ? 1f - lr * WeightDecay : 1f;
        float l2 = DecoupledWeightDecay ? 0f : WeightDecay;
        int i = 0;
        // Same operations lane by lane as the scalar loop below (no fused multiply-adds), so results are identical.
        var vb1 = Vector256.Create(Beta1);
        var vb1c = Vector256.Create(1 - Beta1);
        var vb2 = Vector256.Create(Beta2);
        var vb2c = Vector256.Create(1 - Beta2);
        var vdecay = Vector256.Create(decay);
        var vl2 = Vector256.Create(l2);
        var vbc2 = Vector256.Create(bc2Sqrt);
        var veps = Vector256.Create(Eps);
        var vstep = Vector256.Create(stepSize);
        ref float rp = ref MemoryMarshal.GetReference(param);
        ref float rg = ref MemoryMarshal.GetReference(grad);
        for (; i + 8 <= param.Length; i += 8)
        {
            var p0 = Vector256.LoadUnsafe(ref rp, (nuint)i);
            var p = p0 * vdecay;
            var g = Vector256.LoadUnsafe(ref rg, (nuint)i) + vl2 * p0;
            var mv = vb1 * Vector256.LoadUnsafe(ref m[0], (nuint)i) + vb1c * g;
            var vv = vb2 * Vector256.LoadUnsafe(ref v[0], (nuint)i) + vb2c * g * g;
            mv.StoreUnsafe(ref m[0], (nuint)i);
            vv.StoreUnsafe(ref v[0], (nuint)i);
            var denom = Vector256.Sqrt(vv) / vbc2 + veps;
            (p - vstep * mv / denom).StoreUnsafe(ref rp, (nuint)i);
        }
        for (; i < param.Length; i++)
        {
            float p = param[i] * decay;
            float g = grad[i] + l2 * param[i];
            m[i] = Beta1 * m[i] + (1 - Beta1) * g;
            v[i] = Beta2 * v[i] + (1 - Beta2) * g * g;
            float denom = MathF.Sqrt(v[i]) / bc2Sqrt + Eps;
            param[i] = p - stepSize * m[i] / denom;
        }
    }
}
