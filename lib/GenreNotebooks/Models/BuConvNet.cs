using GenreNotebooks.Nn;
using GenreNotebooks.Nn.Modules;

namespace GenreNotebooks.Models;

/// <summary>
/// Builds the BU paper's Conv2D network (Rodríguez &amp; Alizadeh-Shabdiz, section 3, Fig. 16 "Keras Summary of our
/// CNN"): per block Conv2d(k x k) → [BatchNorm2d] → ReLU → MaxPool2d(2); then Dropout → Flatten → Linear(classes).
/// Input (channels, mel bands, frames), NCHW as PyTorch; the Flatten size follows from the input shape.
/// With padding "valid", input (3, 515, 389), filters 8..128, 5x5, BN and 14 classes this is the paper's final
/// network with its 445,886 parameters. Written as code (<c>BuNet</c>) in notebooks/05-cnn-on-mel-spectrograms.
/// </summary>
public static class BuConvNet
{
    /// <summary>The network for inputs of shape (C, H, W) and <paramref name="classCount"/> output logits.</summary>
    /// <exception cref="ArgumentException">Bad options, an input shape that is not (C, H, W), or one too small for the blocks.</exception>
    public static Sequential Create(BuConvNetOptions options, IReadOnlyList<int> inputShape, int classCount, ulong seed = 0, string name = "bu-conv-net")
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(inputShape);
        options.Validate();
        if (inputShape.Count != 3) throw new ArgumentException($"model '{name}' takes (channels, height, width), got rank {inputShape.Count}", nameof(inputShape));
        ArgumentOutOfRangeException.ThrowIfLessThan(classCount, 2);
        var g = new Generator(seed);
        bool same = options.Padding == "same";
        int c = inputShape[0], h = inputShape[1], w = inputShape[2];
        var net = new Sequential();
        foreach (int f in options.Filters)
        {
            net.Add(new Conv2d(c, f, options.KernelSize, options.Padding, generator: g));
            h = ShapeMath.Conv(name, h, options.KernelSize, same);
            w = ShapeMath.Conv(name, w, options.KernelSize, same);
            if (options.BatchNorm) net.Add(new BatchNorm2d(f));
            net.Add(new ReLU());
            net.Add(new MaxPool2d(2));
            h = ShapeMath.Pool(name, h);
            w = ShapeMath.Pool(name, w);
            c = f;
        }
        net.Add(new Dropout(options.Dropout, g));
        net.Add(new Flatten());
        net.Add(new Linear(c * h * w, classCount, generator: g));
        return net;
    }
}
