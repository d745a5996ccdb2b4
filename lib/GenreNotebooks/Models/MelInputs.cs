using GenreNotebooks.Datasets;
using GenreNotebooks.Nn;

namespace GenreNotebooks.Models;

/// <summary>
/// Clip log-mel spectrograms as the CNN's input tensor [N, 1, n_mels, frames] (NCHW, PyTorch's layout; a 3-s clip is
/// 1 x 128 x 130), scaled by a <see cref="MelScaling"/> and optionally average-pooled by <c>pool</c> x <c>pool</c>
/// (PyTorch <c>F.avg_pool2d(x, pool)</c>: trailing rows/columns that do not fill a block are dropped), which makes
/// a 128 x 130 clip 64 x 65 with pool 2: a quarter of the cost for the wide UCT networks.
/// Used by <see cref="MelNetworkTraining"/>.
/// Taught in notebooks/06-architecture-sweep-and-tuning.
/// </summary>
public static class MelInputs
{
    /// <summary>The tensor of all clips of <paramref name="set"/>, shape [N, 1, Rows / pool, Cols / pool].</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="pool"/> below 1 or larger than a clip.</exception>
    public static Tensor ToTensor(MelClipSet set, MelScaling scaling, int pool = 1)
    {
        ArgumentNullException.ThrowIfNull(set);
        ArgumentNullException.ThrowIfNull(scaling);
        var (h, w) = PooledShape(set.Rows, set.Cols, pool);
        var data = new float[(long)set.Count * h * w];
        for (int i = 0; i < set.Count; i++)
            Fill(set.Span(i), set.Cols, scaling, pool, data.AsSpan(i * h * w, h * w), h, w);
        return new Tensor(data, set.Count, 1, h, w);
    }

    /// <summary>One clip (n_mels x frames, row-major) as a tensor [1, 1, rows / pool, cols / pool].</summary>
    public static Tensor ToTensor(FloatMatrix clip, MelScaling scaling, int pool = 1)
    {
        ArgumentNullException.ThrowIfNull(clip);
        ArgumentNullException.ThrowIfNull(scaling);
        var (h, w) = PooledShape(clip.Rows, clip.Cols, pool);
        var data = new float[h * w];
        Fill(clip.Data, clip.Cols, scaling, pool, data, h, w);
        return new Tensor(data, 1, 1, h, w);
    }

    /// <summary>The (height, width) of a rows x cols spectrogram after <paramref name="pool"/> x <paramref name="pool"/> average pooling.</summary>
    public static (int Height, int Width) PooledShape(int rows, int cols, int pool)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(pool, 1);
        if (pool > rows || pool > cols)
            throw new ArgumentOutOfRangeException(nameof(pool), pool, $"pooling {pool} x {pool} does not fit a {rows} x {cols} spectrogram");
        return (rows / pool, cols / pool);
    }

    private static void Fill(ReadOnlySpan<float> src, int cols, MelScaling s, int pool, Span<float> dst, int h, int w)
    {
        float inv = 1f / s.Std;
        if (pool == 1)
        {
            for (int i = 0; i < dst.Length; i++) dst[i] = (src[i] - s.Mean) * inv;
            return;
        }
        float area = pool * pool;
        for (int r = 0; r < h; r++)
            for (int c = 0; c < w; c++)
            {
                float sum = 0;
                for (int dr = 0; dr < pool; dr++)
                {
                    var row = src.Slice((r * pool + dr) * cols + c * pool, pool);
                    foreach (float v in row) sum += v;
                }
                dst[r * w + c] = (sum / area - s.Mean) * inv;
            }
    }
}
