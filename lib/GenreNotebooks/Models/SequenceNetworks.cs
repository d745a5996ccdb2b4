using GenreNotebooks.Nn;
using GenreNotebooks.Nn.Modules;

namespace GenreNotebooks.Models;

/// <summary>
/// The Göttingen paper's networks on segment sequences (Buchmüller &amp; Gerloff, section "Model" and Table 1).
/// Outputs logits. The catalogue's <c>gottingen-1d-cnn</c> entry builds <see cref="Gottingen1dCnn"/>.
/// </summary>
public static class SequenceNetworks
{
    /// <summary>
    /// Input (12, 512): 12 timbre or pitch values (channels) over 512 segments. Conv1d 48 k5 → ReLU → MaxPool1d(2) →
    /// Dropout, then Conv1d 64 k2 → ReLU → MaxPool1d(2) → Dropout, twice; Flatten → Dropout → Dense 64 (ReLU) →
    /// Dense(classes); 'valid' padding as the text's kernel sizes (5, 2, 2).
    /// </summary>
    /// <param name="input">(channels, length), e.g. (12, 512).</param>
    /// <param name="classes">Number of genres.</param>
    /// <param name="seed">Seed of the weights and dropout masks.</param>
    /// <param name="dropout">The paper's 0.25 for balanced samples (0.3-0.5 unbalanced).</param>
    public static Sequential Gottingen1dCnn(IReadOnlyList<int> input, int classes, ulong seed = 0, float dropout = 0.25f)
    {
        ArgumentNullException.ThrowIfNull(input);
        const string name = "gottingen-1d-cnn";
        if (input.Count != 2) throw new ArgumentException($"model '{name}' takes (channels, length), got rank {input.Count}", nameof(input));
        var g = new Generator(seed);
        int c = input[0], len = input[1];
        var net = new Sequential();
        foreach (var (filters, k) in new[] { (48, 5), (64, 2), (64, 2) })
        {
            net.Add(new Conv1d(c, filters, k, generator: g));
            net.Add(new ReLU());
            net.Add(new MaxPool1d(2));
            net.Add(new Dropout(dropout, g));
            len = ShapeMath.Pool(name, ShapeMath.Conv(name, len, k, same: false));
            c = filters;
        }
        net.Add(new Flatten());
        net.Add(new Dropout(dropout, g));
        net.Add(new Linear(c * len, 64, generator: g));
        net.Add(new ReLU());
        net.Add(new Linear(64, classes, generator: g));
        return net;
    }
}
