using GenreNotebooks.Nn.Autograd;

namespace GenreNotebooks.Nn;

public static partial class Functional
{
    /// <summary>log(softmax(x)) along <paramref name="dim"/>, computed stably (<c>F.log_softmax</c>).</summary>
    public static Tensor LogSoftmax(Tensor input, int dim = -1)
    {
        ArgumentNullException.ThrowIfNull(input);
        int d = Tensor.NormalizeDim(dim, input.Rank, "LogSoftmax");
        var (outer, len, inner) = input.Split(d);
        var y = Tensor.Empty(input.ShapeArray.ToArray());
        float[] x = input.Buffer, yv = y.Buffer;
        for (int o = 0; o < outer; o++)
            for (int i = 0; i < inner; i++)
            {
                int baseIdx = o * len * inner + i;
                float max = float.NegativeInfinity;
                for (int k = 0; k < len; k++) max = MathF.Max(max, x[baseIdx + k * inner]);
                double s = 0;
                for (int k = 0; k < len; k++) s += Math.Exp(x[baseIdx + k * inner] - max);
                float lse = max + (float)Math.Log(s);
                for (int k = 0; k < len; k++) yv[baseIdx + k * inner] = x[baseIdx + k * inner] - lse;
            }
        return y.Record("LogSoftmaxBackward", [input], new SoftmaxAttributes(d), g =>
        {
            var gx = input.GradArray();
            for (int o = 0; o < outer; o++)
                for (int i = 0; i < inner; i++)
                {
                    int baseIdx = o * len * inner + i;
                    double s = 0;
                    for (int k = 0; k < len; k++) s += g[baseIdx + k * inner];
                    for (int k = 0; k < len; k++)
                    {
                        int idx = baseIdx + k * inner;
                        gx[idx] += g[idx] - MathF.Exp(yv[idx]) * (float)s;
                    }
                }
        });
    }

    /// <summary>exp(x) / sum(exp(x)) along <paramref name="dim"/> (<c>F.softmax</c>): class probabilities from logits.</summary>
    public static Tensor Softmax(Tensor input, int dim = -1)
    {
        ArgumentNullException.ThrowIfNull(input);
        int d = Tensor.NormalizeDim(dim, input.Rank, "Softmax");
        var (outer, len, inner) = input.Split(d);
        var y = Tensor.Empty(input.ShapeArray.ToArray());
        float[] x = input.Buffer, yv = y.Buffer;
        for (int o = 0; o < outer; o++)
            for (int i = 0; i < inner; i++)
            {
                int baseIdx = o * len * inner + i;
                float max = float.NegativeInfinity;
                for (int k = 0; k < len; k++) max = MathF.Max(max, x[baseIdx + k * inner]);
                double s = 0;
                for (int k = 0; k < len; k++) s += yv[baseIdx + k * inner] = MathF.Exp(x[baseIdx + k * inner] - max);
                float inv = (float)(1.0 / s);
                for (int k = 0; k < len; k++) yv[baseIdx + k * inner] *= inv;
            }
        return y.Record("SoftmaxBackward", [input], new SoftmaxAttributes(d), g =>
        {
            var gx = input.GradArray();
            for (int o = 0; o < outer; o++)
                for (int i = 0; i < inner; i++)
                {
                    int baseIdx = o * len * inner + i;
                    double dot = 0;
                    for (int k = 0; k < len; k++) dot += g[baseIdx + k * inner] * yv[baseIdx + k * inner];
                    for (int k = 0; k < len; k++)
                    {
                        int idx = baseIdx + k * inner;
                        gx[idx] += yv[idx] * (g[idx] - (float)dot);
                    }
                }
        });
    }
}
