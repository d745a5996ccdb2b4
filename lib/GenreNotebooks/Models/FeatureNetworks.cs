using GenreNotebooks.Nn;
using GenreNotebooks.Nn.Modules;

namespace GenreNotebooks.Models;

/// <summary>The non-BU networks of the catalog (UCT, DTU, features paper, Göttingen); see <see cref="ModelCatalog"/> for sources.</summary>
internal static class FeatureNetworks
{
    // UCT section "Baseline model": Flatten, Dense 32-64-128-512 (ReLU), Dropout 0.5, Dense(classes).
    public static Module UctFeedForward(int[] input, int classes, ulong seed)
    {
        var g = new Generator(seed);
        int n = input.Aggregate(1, (a, b) => checked(a * b));
        return new Sequential(
            new Flatten(),
            new Linear(n, 32, generator: g), new ReLU(),
            new Linear(32, 64, generator: g), new ReLU(),
            new Linear(64, 128, generator: g), new ReLU(),
            new Linear(128, 512, generator: g), new ReLU(),
            new Dropout(0.5f, g),
            new Linear(512, classes, generator: g));
    }

    // UCT CNNs: blocks Conv2d 3x3 "same" → [BN] → ReLU → MaxPool2d(2); Flatten → Linear(128) → ReLU → Dropout 0.5 → Linear(classes).
    public static Module UctCnn(string name, int[] input, int classes, ulong seed, int[] filters, bool batchNorm)
    {
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
        net.Add(new Linear(c * h * w, 128, generator: g));
        net.Add(new ReLU());
        net.Add(new Dropout(0.5f, g));
        net.Add(new Linear(128, classes, generator: g));
        return net;
    }

    // DTU section 3.1 / Figure 5: Dense 1024-512-256-128-64-32, each ReLU + Dropout 0.3, Dense(classes).
    public static Module DtuMlp(int[] input, int classes, ulong seed)
    {
        var g = new Generator(seed);
        var net = new Sequential();
        int n = input[0];
        foreach (int width in new[] { 1024, 512, 256, 128, 64, 32 })
        {
            net.Add(new Linear(n, width, generator: g));
            net.Add(new ReLU());
            net.Add(new Dropout(0.3f, g));
            n = width;
        }
        net.Add(new Linear(n, classes, generator: g));
        return net;
    }

    // Features paper, "Methods": 2 Conv1d (ReLU) each followed by MaxPool1d(2), Flatten, 2 dense layers.
    public static Module Features1dCnn(int[] input, int classes, ulong seed)
    {
        const string name = "features-1d-cnn";
        var g = new Generator(seed);
        int c = input[0], len = input[1];
        len = ShapeMath.Pool(name, len);
        len = ShapeMath.Pool(name, len);
        return new Sequential(
            new Conv1d(c, 32, 3, "same", generator: g), new ReLU(), new MaxPool1d(2),
            new Conv1d(32, 64, 3, "same", generator: g), new ReLU(), new MaxPool1d(2),
            new Flatten(),
            new Linear(64 * len, 64, generator: g), new ReLU(),
            new Dropout(0.3f, g),
            new Linear(64, classes, generator: g));
    }

    // Göttingen, section "Model" and Table 1: Conv1d 48 k5 → pool → dropout; Conv1d 64 k2 → pool → dropout (x2);
    // Flatten → Dropout → Dense 64 (ReLU) → Dense(classes).
    public static Module Gottingen1dCnn(int[] input, int classes, ulong seed)
    {
        const string name = "gottingen-1d-cnn";
        var g = new Generator(seed);
        int c = input[0], len = input[1];
        const float p = 0.25f;
        var net = new Sequential();
        foreach (var (filters, k) in new[] { (48, 5), (64, 2), (64, 2) })
        {
            net.Add(new Conv1d(c, filters, k, generator: g));
            net.Add(new ReLU());
            net.Add(new MaxPool1d(2));
            net.Add(new Dropout(p, g));
            len = ShapeMath.Pool(name, ShapeMath.Conv(name, len, k, same: false));
            c = filters;
        }
        net.Add(new Flatten());
        net.Add(new Dropout(p, g));
        net.Add(new Linear(c * len, 64, generator: g));
        net.Add(new ReLU());
        net.Add(new Linear(64, classes, generator: g));
        return net;
    }
}
