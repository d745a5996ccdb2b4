using GenreNotebooks.Nn;
using GenreNotebooks.Nn.Modules;

namespace GenreNotebooks.Models;

/// <summary>
/// The networks on the 57 Kaggle features, saved here from notebook 04 where they are written as code: DTU's MLP
/// (Kuldiloke &amp; Jaiswal, section 3, Figure 5) and the GTZAN CNN study's 1D CNN ("Methods"). Outputs logits.
/// The catalogue's <c>dtu-mlp</c> and <c>features-1d-cnn</c> entries build these.
/// Taught in notebooks/04-feature-networks-and-cross-validation.
/// </summary>
public static class FeatureNetworks
{
    /// <summary>
    /// DTU's MLP on inputs of shape (features): Dense 1024 → 512 → 256 → 128 → 64 → 32, each ReLU and Dropout, then
    /// Dense(classes). The paper does not name the hidden activation: ReLU.
    /// </summary>
    /// <param name="features">Input width (57 Kaggle features, fewer after a filter).</param>
    /// <param name="classes">Number of genres.</param>
    /// <param name="seed">Seed of the weights and dropout masks.</param>
    /// <param name="dropout">Dropout after every hidden layer (the paper's 0.3).</param>
    public static Sequential DtuMlp(int features, int classes, ulong seed = 0, float dropout = 0.3f)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(features, 1);
        var g = new Generator(seed);
        var net = new Sequential();
        int n = features;
        foreach (int width in new[] { 1024, 512, 256, 128, 64, 32 })
        {
            net.Add(new Linear(n, width, generator: g));
            net.Add(new ReLU());
            net.Add(new Dropout(dropout, g));
            n = width;
        }
        net.Add(new Linear(n, classes, generator: g));
        return net;
    }

    /// <summary>
    /// The features study's 1D CNN on inputs of shape (1, features): Conv1d 32 k3 'same' → ReLU → MaxPool1d(2) →
    /// Conv1d 64 k3 'same' → ReLU → MaxPool1d(2) → Flatten → Dense 64 (ReLU) → Dropout → Dense(classes). The study
    /// gives "2 conv + 2 max-pool + 2 dense" without sizes: these are choices.
    /// </summary>
    /// <exception cref="ArgumentException">Fewer than 4 features (two poolings by 2 need at least 4).</exception>
    public static Sequential Features1dCnn(int features, int classes, ulong seed = 0, float dropout = 0.3f)
    {
        const string name = "features-1d-cnn";
        var g = new Generator(seed);
        int len = ShapeMath.Pool(name, ShapeMath.Pool(name, features));
        return new Sequential(
            new Conv1d(1, 32, 3, "same", generator: g), new ReLU(), new MaxPool1d(2),
            new Conv1d(32, 64, 3, "same", generator: g), new ReLU(), new MaxPool1d(2),
            new Flatten(),
            new Linear(64 * len, 64, generator: g), new ReLU(),
            new Dropout(dropout, g),
            new Linear(64, classes, generator: g));
    }
}
