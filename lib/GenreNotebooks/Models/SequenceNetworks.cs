using GenreNotebooks.Nn;
using GenreNotebooks.Nn.Modules;

namespace GenreNotebooks.Models;

/// <summary>
/// The Göttingen paper's networks on segment sequences (Buchmüller &amp; Gerloff, section 2.4 "Model architecture" and
/// Table 1): c1m1 (timbre) and c1m2 (pitch) are <see cref="Gottingen1dCnn"/>, c2m1 (timbre and pitch mixed) is
/// <see cref="Gottingen2dCnn"/>. Outputs logits. The catalogue's <c>gottingen-1d-cnn</c> and <c>gottingen-2d-cnn</c>
/// entries build them.
/// <para>
/// Table 1 against the text, layer by layer (input 512 segments x 12, 8 genres; Keras counts weights + biases):
/// conv1d_7 2928 = 12 x 5 x 48 + 48 and output length 508 ('valid', kernel 5: text and table agree);
/// conv1d_8 15424 = 48 x 5 x 64 + 64 with output 254, conv1d_9 20544 = 64 x 5 x 64 + 64 with output 127: kernels of 5
/// with 'same' padding, where the text says "64 filters and filter size 2" (which would give 6208 and 8256); flatten
/// 4032 = 63 x 64, dense 258112 = 4032 x 64 + 64, output 520 = 64 x 8 + 8. Total 297,528. So the paper is inconsistent
/// in the kernel size (and the padding) of the second and third convolutions: the table is internally consistent and
/// is what Keras printed, the text is what the authors wrote. <see cref="Gottingen1dCnn"/> follows the text by default
/// (271,928 parameters for 8 genres) and Table 1 with <c>table1: true</c> (297,528, every row equal to the table).
/// </para>
/// Taught in notebooks/08-timbre-and-pitch-sequences.
/// </summary>
public static class SequenceNetworks
{
    /// <summary>
    /// c1m1 / c1m2. Input (12, 512): 12 timbre or pitch values (channels) over 512 segments. Conv1d 48 k5 → ReLU →
    /// MaxPool1d(2) → Dropout, then Conv1d 64 → ReLU → MaxPool1d(2) → Dropout, twice; Flatten → Dropout → Dense 64
    /// (ReLU) → Dense(classes). The second and third kernels are the text's 2 with 'valid' padding
    /// (512 → 508 → 254 → 253 → 126 → 125 → 62, flatten 3968), or with <paramref name="table1"/> Table 1's 5 with
    /// 'same' padding (512 → 508 → 254 → 254 → 127 → 127 → 63, flatten 4032).
    /// </summary>
    /// <param name="input">(channels, length), e.g. (12, 512).</param>
    /// <param name="classes">Number of genres.</param>
    /// <param name="seed">Seed of the weights and dropout masks.</param>
    /// <param name="dropout">The paper's 0.25 for balanced samples (0.3-0.5 unbalanced).</param>
    /// <param name="table1">Kernels 5, 5, 5 ('valid', 'same', 'same') as Table 1's parameter counts imply, instead of the text's 5, 2, 2.</param>
    /// <exception cref="ArgumentException">The input is not (channels, length) or too short for three poolings.</exception>
    public static Sequential Gottingen1dCnn(IReadOnlyList<int> input, int classes, ulong seed = 0, float dropout = 0.25f, bool table1 = false)
    {
        ArgumentNullException.ThrowIfNull(input);
        const string name = "gottingen-1d-cnn";
        if (input.Count != 2) throw new ArgumentException($"model '{name}' takes (channels, length), got rank {input.Count}", nameof(input));
        var g = new Generator(seed);
        int c = input[0], len = input[1];
        var net = new Sequential();
        int later = table1 ? 5 : 2;
        foreach (var (filters, k, same) in new[] { (48, 5, false), (64, later, table1), (64, later, table1) })
        {
            net.Add(same ? new Conv1d(c, filters, k, "same", generator: g) : new Conv1d(c, filters, k, generator: g));
            net.Add(new ReLU());
            net.Add(new MaxPool1d(2));
            net.Add(new Dropout(dropout, g));
            len = ShapeMath.Pool(name, ShapeMath.Conv(name, len, k, same));
            c = filters;
        }
        net.Add(new Flatten());
        net.Add(new Dropout(dropout, g));
        net.Add(new Linear(c * len, 64, generator: g));
        net.Add(new ReLU());
        net.Add(new Linear(64, classes, generator: g));
        return net;
    }

    /// <summary>
    /// c2m1, the 2D counterpart of <see cref="Gottingen1dCnn"/> on the mixed input. Input (2, 12, 512): timbre and
    /// pitch as two channels of a 12 x 512 image (the paper's Keras array (512, 12, 2), channels first).
    /// Conv2d 48 5x5 → ReLU → MaxPool2d(2) → Dropout, then Conv2d 64 2x2 → ReLU → MaxPool2d(2) → Dropout, twice;
    /// Flatten → Dropout → Dense 64 (ReLU) → Dense(classes). The paper gives no table for it, only "2D convolution
    /// layers and 2D max-pooling": the filters and kernels are the 1D network's (text), and every convolution is
    /// 'same' (a 2x2 kernel pads one row/column after, as Keras and PyTorch do), because 'valid' kernels do not fit
    /// three 2x2 poolings on 12 rows: (12, 512) → (6, 256) → (3, 128) → (1, 64), flatten 4096.
    /// 293,976 parameters for 8 genres (2448 + 12352 + 16448 + 262208 + 520), close to the 1D network's.
    /// </summary>
    /// <param name="input">(2, rows, length), e.g. (2, 12, 512).</param>
    /// <param name="classes">Number of genres.</param>
    /// <param name="seed">Seed of the weights and dropout masks.</param>
    /// <param name="dropout">The paper's 0.3-0.4 for the mixed input (0.3 by default).</param>
    /// <exception cref="ArgumentException">The input is not (channels, rows, length) or too small for three 2x2 poolings.</exception>
    public static Sequential Gottingen2dCnn(IReadOnlyList<int> input, int classes, ulong seed = 0, float dropout = 0.3f)
    {
        ArgumentNullException.ThrowIfNull(input);
        const string name = "gottingen-2d-cnn";
        if (input.Count != 3) throw new ArgumentException($"model '{name}' takes (channels, rows, length), got rank {input.Count}", nameof(input));
        var g = new Generator(seed);
        int c = input[0], h = input[1], w = input[2];
        var net = new Sequential();
        foreach (var (filters, k) in new[] { (48, 5), (64, 2), (64, 2) })
        {
            net.Add(new Conv2d(c, filters, k, "same", generator: g));
            net.Add(new ReLU());
            net.Add(new MaxPool2d(2));
            net.Add(new Dropout(dropout, g));
            h = ShapeMath.Pool(name, h);
            w = ShapeMath.Pool(name, w);
            c = filters;
        }
        net.Add(new Flatten());
        net.Add(new Dropout(dropout, g));
        net.Add(new Linear(c * h * w, 64, generator: g));
        net.Add(new ReLU());
        net.Add(new Linear(64, classes, generator: g));
        return net;
    }
}
