namespace GenreNotebooks.Nn;

public static partial class Functional
{
    /// <summary>
    /// Cross-entropy from logits (<c>F.cross_entropy</c>): logits [N, C], class indices <paramref name="target"/> [N].
    /// With class weights w [C] and label smoothing ε, as PyTorch:
    /// <c>(1 - ε) * Σ_i w[y_i] (-log p[i, y_i]) / Σ_i w[y_i] + ε / C * Σ_i Σ_c w[c] (-log p[i, c]) / Σ_i w[y_i]</c>
    /// for the mean (the divisor is dropped for <see cref="Reduction.Sum"/>). Returns a one-element tensor. Targets are
    /// class indices only (no probability targets, no <c>ignore_index</c>); no gradient flows to <paramref name="weight"/>.
    /// </summary>
    public static Tensor CrossEntropy(Tensor logits, ReadOnlySpan<int> target, Tensor? weight = null, float labelSmoothing = 0f,
        Reduction reduction = Reduction.Mean) =>
        NllCore("CrossEntropy", logits, target.ToArray(), weight, labelSmoothing, reduction, fromLogits: true);

    /// <summary>
    /// Negative log-likelihood (<c>F.nll_loss</c>): log-probabilities [N, C], class indices [N], optional class weights
    /// [C]; mean = <c>Σ_i -w[y_i] logp[i, y_i] / Σ_i w[y_i]</c>. Returns a one-element tensor.
    /// </summary>
    public static Tensor NllLoss(Tensor logProbs, ReadOnlySpan<int> target, Tensor? weight = null, Reduction reduction = Reduction.Mean) =>
        NllCore("NllLoss", logProbs, target.ToArray(), weight, 0f, reduction, fromLogits: false);

    private static Tensor NllCore(string op, Tensor input, int[] target, Tensor? weight, float eps, Reduction reduction, bool fromLogits)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (input.Rank != 2) throw new ArgumentException($"{op}: input must be [N, C], got {Tensor.ShapeString(input.Shape)}.");
        int n = input.Size(0), c = input.Size(1);
        if (target.Length != n) throw new ArgumentException($"{op}: {target.Length} targets for input {Tensor.ShapeString(input.Shape)} ({n} samples).");
        for (int i = 0; i < n; i++)
            if ((uint)target[i] >= (uint)c) throw new ArgumentOutOfRangeException(nameof(target), $"{op}: target {target[i]} at position {i} is out of bounds for {c} classes.");
        if (weight is not null && weight.Numel != c) throw new ArgumentException($"{op}: weight has {weight.Numel} values for {c} classes.");
        if (eps < 0f || eps > 1f) throw new ArgumentOutOfRangeException(nameof(eps), $"{op}: label_smoothing must be in [0, 1], got {eps}.");

        float[] x = input.Buffer;
        float[] w = weight?.Buffer ?? Enumerable.Repeat(1f, c).ToArray();
        // Log-probabilities (for logits) in a scope-owned scratch tensor that lives until backward.
        float[] logp = fromLogits ? Tensor.Empty([n, c]).Buffer : x;
        if (fromLogits)
        {
            for (int i = 0; i < n; i++)
            {
                float max = float.NegativeInfinity;
                for (int k = 0; k < c; k++) max = MathF.Max(max, x[i * c + k]);
                double s = 0;
                for (int k = 0; k < c; k++) s += Math.Exp(x[i * c + k] - max);
                float lse = max + (float)Math.Log(s);
                for (int k = 0; k < c; k++) logp[i * c + k] = x[i * c + k] - lse;
            }
        }
        double weightSum = 0, nll = 0, smooth = 0;
        for (int i = 0; i < n; i++)
        {
            weightSum += w[target[i]];
            nll -= w[target[i]] * logp[i * c + target[i]];
            if (eps > 0f)
                for (int k = 0; k < c; k++) smooth -= w[k] * logp[i * c + k];
        }
        double divisor = reduction == Reduction.Mean ? weightSum : 1.0;
        var y = Tensor.Empty([]);
        y.Buffer[0] = (float)(((1 - eps) * nll + eps / c * smooth) / divisor);
        Tensor[] inputs = weight is null ? [input] : [input, weight];
        return y.Record(op + "Backward", inputs, g =>
        {
            if (!input.RequiresGrad) return;
            var gx = input.GradArray();
            float scale = (float)(g[0] / divisor);
            var dl = new float[c];
            for (int i = 0; i < n; i++)
            {
                // d loss / d logp[i, k]
                var row = gx.AsSpan(i * c, c);
                if (fromLogits)
                {
                    double total = 0;
                    for (int k = 0; k < c; k++)
                    {
                        dl[k] = -scale * (eps / c * w[k] + (k == target[i] ? (1 - eps) * w[k] : 0f));
                        total += dl[k];
                    }
                    for (int k = 0; k < c; k++) row[k] += dl[k] - MathF.Exp(logp[i * c + k]) * (float)total;
                }
                else
                {
                    for (int k = 0; k < c; k++) row[k] -= scale * (eps / c * w[k]);
                    row[target[i]] -= scale * (1 - eps) * w[target[i]];
                }
            }
        });
    }
}
