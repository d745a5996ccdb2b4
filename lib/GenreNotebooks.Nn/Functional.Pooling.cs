using GenreNotebooks.Nn.Autograd;
using GenreNotebooks.Nn.Kernels;

namespace GenreNotebooks.Nn;

public static partial class Functional
{
    /// <summary>
    /// 2-D max pooling (<c>F.max_pool2d</c>, no padding, dilation 1, floor mode): input [N, C, H, W], result
    /// [N, C, (H - kh) / sh + 1, (W - kw) / sw + 1]. The gradient goes to the first maximum of each window
    /// (row-major), as in PyTorch.
    /// </summary>
    public static Tensor MaxPool2d(Tensor input, int kernelH, int kernelW, int strideH, int strideW)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (input.Rank != 4) throw new ArgumentException($"MaxPool2d: input must be [N, C, H, W], got {Tensor.ShapeString(input.Shape)}.");
        return MaxPoolCore("MaxPool2d", input, input.Size(2), input.Size(3), kernelH, kernelW, strideH, strideW, is1d: false);
    }

    /// <summary>
    /// 1-D max pooling (<c>F.max_pool1d</c>, no padding, floor mode): input [N, C, L], result [N, C, (L - k) / s + 1];
    /// gradient to the first maximum of each window.
    /// </summary>
    public static Tensor MaxPool1d(Tensor input, int kernel, int stride)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (input.Rank != 3) throw new ArgumentException($"MaxPool1d: input must be [N, C, L], got {Tensor.ShapeString(input.Shape)}.");
        return MaxPoolCore("MaxPool1d", input, 1, input.Size(2), 1, kernel, 1, stride, is1d: true);
    }

    private static Tensor MaxPoolCore(string op, Tensor input, int h, int w, int kh, int kw, int sh, int sw, bool is1d)
    {
        if (kh < 1 || kw < 1 || sh < 1 || sw < 1) throw new ArgumentException($"{op}: kernel and stride must be >= 1.");
        if (h < kh || w < kw)
            throw new ArgumentException($"{op}: kernel ({kh}x{kw}) is larger than the input {Tensor.ShapeString(input.Shape)}.");
        int n = input.Size(0), c = input.Size(1);
        int oh = (h - kh) / sh + 1, ow = (w - kw) / sw + 1, planes = n * c;
        int inPlane = h * w, outPlane = oh * ow;
        var y = Tensor.Empty(is1d ? [n, c, ow] : [n, c, oh, ow]);
        float[] x = input.Buffer, yv = y.Buffer;
        bool is2x2 = kh == 2 && kw == 2 && sh == 2 && sw == 2;
        ParallelRange.For(planes, (p0, p1) =>
        {
            for (int p = p0; p < p1; p++)
            {
                var xs = x.AsSpan(p * inPlane, inPlane);
                var ys = yv.AsSpan(p * outPlane, outPlane);
                if (is2x2) Pool2x2Plane(xs, w, oh, ow, ys);
                else
                    for (int i = 0; i < oh; i++)
                        for (int j = 0; j < ow; j++) ys[i * ow + j] = xs[ArgMaxWindow(xs, w, i * sh, j * sw, kh, kw)];
            }
        }, minItemsPerWorker: Math.Max(1, 8192 / Math.Max(1, inPlane)));
        return y.Record(op + "Backward", [input], new PoolAttributes(kh, kw, sh, sw), g =>
        {
            var gx = input.GradArray();
            ParallelRange.For(planes, (p0, p1) =>
            {
                for (int p = p0; p < p1; p++)
                {
                    var xs = x.AsSpan(p * inPlane, inPlane);
                    var gxs = gx.AsSpan(p * inPlane, inPlane);
                    var gs = g.AsSpan(p * outPlane, outPlane);
                    if (is2x2)
                    {
                        Pool2x2PlaneBackward(xs, w, yv.AsSpan(p * outPlane, outPlane), gs, oh, ow, gxs);
                        continue;
                    }
                    for (int i = 0; i < oh; i++)
                        for (int j = 0; j < ow; j++) gxs[ArgMaxWindow(xs, w, i * sh, j * sw, kh, kw)] += gs[i * ow + j];
                }
            }, minItemsPerWorker: Math.Max(1, 8192 / Math.Max(1, inPlane)));
        });
    }

    private static int ArgMaxWindow(ReadOnlySpan<float> plane, int width, int top, int left, int kh, int kw)
    {
        int best = top * width + left;
        float bestValue = plane[best];
        for (int a = 0; a < kh; a++)
        {
            int rowStart = (top + a) * width + left;
            for (int b = 0; b < kw; b++)
            {
                float v = plane[rowStart + b];
                // Strict '>' keeps the first maximum; NaN propagates like PyTorch.
                if (v > bestValue || (float.IsNaN(v) && !float.IsNaN(bestValue))) { bestValue = v; best = rowStart + b; }
            }
        }
        return best;
    }

    private static unsafe void Pool2x2Plane(ReadOnlySpan<float> xs, int w, int oh, int ow, Span<float> ys)
    {
        fixed (float* px = xs, py = ys) Kernels.Pool2x2.Forward(px, w, oh, ow, py);
    }

    private static unsafe void Pool2x2PlaneBackward(ReadOnlySpan<float> xs, int w, ReadOnlySpan<float> ys, ReadOnlySpan<float> gs, int oh, int ow, Span<float> gxs)
    {
        fixed (float* px = xs, py = ys, pg = gs, pgx = gxs) Kernels.Pool2x2.Backward(px, w, py, pg, oh, ow, pgx);
    }
}
