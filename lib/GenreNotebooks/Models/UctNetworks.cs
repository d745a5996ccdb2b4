using GenreNotebooks.Nn;
using GenreNotebooks.Nn.Modules;

namespace GenreNotebooks.Models;

/// <summary>
/// The UCT paper's spectrogram networks (Shaikh, Tohab &amp; Basson), saved here from notebook 05 where they are
/// written as code: the feed-forward baseline and the CNN family (4 blocks with Adam or SGD; 5 blocks with batch
/// normalisation for the final network). Input (channels, mel bands, frames), NCHW; outputs logits.
/// The catalogue's <c>uct-feedforward</c>, <c>uct-cnn4</c> and <c>uct-final</c> entries build these.
/// Taught in notebooks/05-cnn-on-mel-spectrograms.
/// </summary>
public static class UctNetworks
{
    /// <summary>
    /// Section "Baseline model": Flatten → Dense 32 → 64 → 128 → 512 (each ReLU) → Dropout → Dense(classes).
    /// </summary>
    /// <param name="input">The input shape without batch, e.g. (1, 128, 130).</param>
    /// <param name="classes">Number of genres.</param>
    /// <param name="seed">Seed of the weights and dropout masks.</param>
    /// <param name="dropout">Dropout before the output layer (the paper's 0.5).</param>
    public static Sequential FeedForward(IReadOnlyList<int> input, int classes, ulong seed = 0, float dropout = 0.5f)
    {
        ArgumentNullException.ThrowIfNull(input);
        var g = new Generator(seed);
        int n = input.Aggregate(1, (a, b) => checked(a * b));
        return new Sequential(
            new Flatten(),
            new Linear(n, 32, generator: g), new ReLU(),
            new Linear(32, 64, generator: g), new ReLU(),
            new Linear(64, 128, generator: g), new ReLU(),
            new Linear(128, 512, generator: g), new ReLU(),
            new Dropout(dropout, g),
            new Linear(512, classes, generator: g));
    }

    /// <summary>
    /// The CNNs: per block Conv2d 3x3 'same' → [BatchNorm2d] → ReLU → MaxPool2d(2); then Flatten → Dense
    /// <paramref name="hidden"/> (ReLU) → Dropout → Dense(classes). UCT's 4-layer CNN has filters 32-64-64-128 without
    /// BN, the final network 32-64-64-128-128 with BN.
    /// </summary>
    /// <exception cref="ArgumentException">The input is not (C, H, W) or too small for the poolings.</exception>
    public static Sequential Cnn(IReadOnlyList<int> input, int classes, IReadOnlyList<int> filters, bool batchNorm, ulong seed = 0,
        float dropout = 0.5f, int hidden = 128, string name = "uct-cnn")
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(filters);
        if (input.Count != 3) throw new ArgumentException($"model '{name}' takes (channels, height, width), got rank {input.Count}", nameof(input));
        var g = new Generator(seed);
        int c = input[0], h = input[1], w = input[2];
        var net = new Sequential();
        foreach (int f in filters)
        {
            net.Add(new Conv2d(c, f, 3, "same", generator: g));
            if (batchNorm) net.Add(new BatchNorm2d(f));
            net.Add(new ReLU());
            net.Add(new MaxPool2d(2));
            h = ShapeMath.Pool(name, h);
            w = ShapeMath.Pool(name, w);
            c = f;
        }
        net.Add(new Flatten());
        net.Add(new Linear(c * h * w, hidden, generator: g));
        net.Add(new ReLU());
        net.Add(new Dropout(dropout, g));
        net.Add(new Linear(hidden, classes, generator: g));
        return net;
    }
}
