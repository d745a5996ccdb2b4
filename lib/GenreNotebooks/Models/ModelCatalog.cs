using GenreNotebooks.Nn.Modules;
using GenreNotebooks.Nn.Optim;
using GenreNotebooks.Training;

namespace GenreNotebooks.Models;

/// <summary>
/// The source papers' networks as named factories, each with its paper's training recipe:
/// <list type="bullet">
/// <item><c>bu-baseline</c>, <c>bu-fewer-filters</c>, <c>bu-fewer-layers</c>, <c>bu-inverted</c>, <c>bu-5x5</c>,
/// <c>bu-l2</c>, <c>bu-bn</c>, <c>bu-bn-5x5</c>, <c>bu-final</c>: Rodríguez &amp; Alizadeh-Shabdiz (BU), section 3
/// "Model Building" (the variant list, Tables 1-2, the Optuna result and Fig. 16).</item>
/// <item><c>uct-feedforward</c>, <c>uct-cnn4</c>, <c>uct-final</c>: Shaikh, Tohab &amp; Basson (UCT), the baseline,
/// CNN and "Layers and batch normalisation" ... "L1 and L2 regularization" sections and 11.2 "Hyperparameters".</item>
/// <item><c>dtu-mlp</c>: Kuldiloke &amp; Jaiswal (DTU), section 3 and Figure 5 (the Keras summary).</item>
/// <item><c>features-1d-cnn</c>: the GTZAN CNN study on the Kaggle features, "Methods" (model and training paragraphs).</item>
/// <item><c>gottingen-1d-cnn</c>: Buchmüller &amp; Gerloff (Göttingen), "Model" section, Table 1 and the early-stopping paragraph.</item>
/// <item><c>gottingen-2d-cnn</c>: the same paper's mixed model c2m1 (section 2.3's 4D input, 2D convolutions and poolings).</item>
/// </list>
/// Every factory takes the input shape (without batch), so sizes adapt to the data; outputs are logits (PyTorch style;
/// the papers' final softmax is applied by the loss and by prediction code). Where a paper is silent, each entry's
/// <see cref="ModelSpec.Description"/> and <see cref="TrainingRecipe.Notes"/> state the choice made.
/// The notebooks write these networks as code in their cells; the catalogue is where those definitions are saved
/// for the CLI and later notebooks, and a test checks that both have the same parameter names and shapes.
/// Taught in notebooks/04-feature-networks-and-cross-validation and notebooks/05-cnn-on-mel-spectrograms.
/// </summary>
public static class ModelCatalog
{
    private const string Bu = "Rodríguez & Alizadeh-Shabdiz (BU), section 3 Model Building";
    private const string Uct = "Shaikh, Tohab & Basson (UCT)";
    private static readonly int[] Mel3s = [1, 128, 130];
    private static readonly int[] Mel30s = [1, 128, 1292];

    private static readonly Dictionary<string, ModelSpec> Specs = Create().ToDictionary(s => s.Name, StringComparer.Ordinal);

    /// <summary>All catalog names, in the order above.</summary>
    public static IReadOnlyList<string> Names { get; } = Create().Select(s => s.Name).ToArray();

    /// <summary>The entry called <paramref name="name"/>.</summary>
    /// <exception cref="ArgumentException">Unknown name; the message lists the known ones.</exception>
    public static ModelSpec Get(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return Specs.TryGetValue(name, out var spec)
            ? spec
            : throw new ArgumentException($"unknown model '{name}'; known models: {string.Join(", ", Names)}", nameof(name));
    }

    /// <summary>Builds the network <paramref name="name"/> for inputs of <paramref name="inputShape"/> (without batch) and <paramref name="classCount"/> classes.</summary>
    public static Module Build(string name, IReadOnlyList<int> inputShape, int classCount, ulong seed = 0) =>
        Get(name).Build(inputShape, classCount, seed);

    private static ModelSpec BuSpec(string name, string description, BuConvNetOptions options, TrainingRecipe? recipe = null)
    {
        recipe ??= new TrainingRecipe
        {
            Optimizer = OptimizerKind.Adam,
            LearningRate = 0.001,
            Epochs = 10,
            Scheduler = opt => ReduceLROnPlateau.Keras(opt, 0.8f, 1),
            Notes = "BU section 3: Adam lr 0.001, ReduceLROnPlateau patience 1 factor 0.8 (Keras counting), dropout 0.3; " +
                    "variants compared after 10 and 20 epochs. Batch size not stated: Keras' default 32.",
        };
        return new ModelSpec(name, Bu, description + " Blocks Conv2d → [BN] → ReLU → MaxPool2d(2), then Dropout → Flatten → Linear; " +
            "padding 'same' (the paper's 'valid' does not fit five 5x5 blocks on 128x130).", Mel3s, recipe,
            (shape, classes, seed) => BuConvNet.Create(options, shape, classes, seed, name));
    }

    private static IEnumerable<ModelSpec> Create()
    {
        int[] up8 = [8, 16, 32, 64, 128], up4 = [4, 8, 16, 32, 64];
        yield return BuSpec("bu-baseline", "Baseline: 5 blocks of 3x3 convolutions, filters 8-16-32-64-128, dropout 0.3.",
            new BuConvNetOptions { Filters = up8 });
        yield return BuSpec("bu-fewer-filters", "Less filters: 5 blocks, filters 4-8-16-32-64.",
            new BuConvNetOptions { Filters = up4 });
        yield return BuSpec("bu-fewer-layers", "Less layers: 4 blocks, filters 8-16-32-64.",
            new BuConvNetOptions { Filters = [8, 16, 32, 64] });
        yield return BuSpec("bu-inverted", "Inverted pyramid: 5 blocks, filters 128-64-32-16-8.",
            new BuConvNetOptions { Filters = [128, 64, 32, 16, 8] });
        yield return BuSpec("bu-5x5", "5x5 kernel: 5 blocks of 5x5 convolutions, filters 4-8-16-32-64 (as the paper lists it).",
            new BuConvNetOptions { Filters = up4, KernelSize = 5 });
        yield return BuSpec("bu-l2", "L2 regularization: 5 blocks, filters 4-8-16-32-64, L2 on the weights.",
            new BuConvNetOptions { Filters = up4 },
            new TrainingRecipe
            {
                Optimizer = OptimizerKind.Adam,
                LearningRate = 0.001,
                L2 = 0.01,
                Epochs = 10,
                Scheduler = opt => ReduceLROnPlateau.Keras(opt, 0.8f, 1),
                Notes = "BU section 3. The paper gives no L2 factor: Keras' default l2(0.01) on the convolution and dense kernels.",
            });
        yield return BuSpec("bu-bn", "Batch normalization: 5 blocks, filters 4-8-16-32-64, BN after each convolution.",
            new BuConvNetOptions { Filters = up4, BatchNorm = true });
        yield return BuSpec("bu-bn-5x5", "BN + 5x5 kernel: 5 blocks of 5x5 convolutions with BN, filters 4-8-16-32-64.",
            new BuConvNetOptions { Filters = up4, KernelSize = 5, BatchNorm = true });
        yield return BuSpec("bu-final", "Final (Fig. 16): 5 blocks of 5x5 convolutions with BN, filters 8-16-32-64-128, dropout 0.2.",
            new BuConvNetOptions { Filters = up8, KernelSize = 5, BatchNorm = true, Dropout = 0.2f },
            new TrainingRecipe
            {
                Optimizer = OptimizerKind.Adam,
                LearningRate = 0.0015,
                Epochs = 100,
                Scheduler = opt => ReduceLROnPlateau.Keras(opt, 0.8f, 1),
                EarlyStopping = () => new EarlyStopping(MonitoredMetric.ValLoss, patience: 5, restoreBestWeights: true),
                Notes = "BU section 3: Optuna's dropout 0.2 and lr 0.0015, 100 epochs with early stopping (it stopped at 40). " +
                        "The paper gives no early-stopping settings: val loss, patience 5, restore best weights. " +
                        "The plateau schedule of the baseline is kept (the paper does not say it was removed).",
            });

        yield return new ModelSpec("uct-feedforward", Uct + ", section Baseline model",
            "Flatten → Dense 32 → 64 → 128 → 512 (ReLU) → Dropout 0.5 → Dense(classes).", Mel30s,
            new TrainingRecipe
            {
                Optimizer = OptimizerKind.Adam, LearningRate = 0.001, Epochs = 50,
                Notes = "UCT baseline (test accuracy 10%). Optimizer not stated for the baseline: Adam 0.001 (Keras default).",
            },
            (s, c, seed) => UctNetworks.FeedForward(s, c, seed));
        yield return new ModelSpec("uct-cnn4", Uct + ", section CNN",
            "4 blocks Conv2d 3x3 → ReLU → MaxPool2d(2), filters 32-64-64-128, then Flatten → Dense 128 (ReLU) → Dropout 0.5 → Dense(classes). " +
            "The paper's \"3 more Conv2D layers that have 46 and 128 nodes\" is read as 64, 64, 128; the hidden dense width is not stated (128 chosen); padding 'same'.",
            Mel30s,
            new TrainingRecipe
            {
                Optimizer = OptimizerKind.Adam, LearningRate = 0.001, Epochs = 50,
                Notes = "UCT CNN: Adam 46%, SGD 48% test accuracy; learning rate and batch size not stated (Adam 0.001, batch 32).",
            },
            (s, c, seed) => UctNetworks.Cnn(s, c, [32, 64, 64, 128], batchNorm: false, seed, name: "uct-cnn4"));
        yield return new ModelSpec("uct-final", Uct + ", sections Layers and batch normalisation, Learning rate, L1 and L2 regularization, 11.2 Hyperparameters",
            "5 blocks Conv2d 3x3 → BN → ReLU → MaxPool2d(2), filters 32-64-64-128-128 (a fifth layer added to uct-cnn4; widths not stated), " +
            "then Flatten → Dense 128 (ReLU) → Dropout 0.5 → Dense(classes); padding 'same'.",
            Mel30s,
            new TrainingRecipe
            {
                Optimizer = OptimizerKind.Sgd, LearningRate = 0.0007, Momentum = 0.9, WeightDecay = 0.002, Epochs = 50,
                Scheduler = opt => new StepLR(opt, 10, 0.1f),
                Notes = "UCT final (72% test): SGD lr 0.0007 momentum 0.9, StepLR(10, 0.1), L2 lambda 0.002 as weight_decay (their code is PyTorch), " +
                        "dropout 0.5, 50 epochs. Section 11.2 writes gamma 0.01, the 'Momentum and gamma' section keeps 0.1: 0.1 is used. Batch size not stated: 32.",
            },
            (s, c, seed) => UctNetworks.Cnn(s, c, [32, 64, 64, 128, 128], batchNorm: true, seed, name: "uct-final"));

        yield return new ModelSpec("dtu-mlp", "Kuldiloke & Jaiswal (DTU), section 3 and Figure 5",
            "Dense 1024 → 512 → 256 → 128 → 64 → 32, each ReLU and Dropout 0.3, then Dense(classes). Hidden activations not stated: ReLU.",
            [57],
            new TrainingRecipe
            {
                Optimizer = OptimizerKind.Adam, LearningRate = 0.001, BatchSize = 32, Epochs = 150,
                Notes = "DTU: 150 epochs, batch 32, dropout 0.3 (val 57% on 30-s features). Optimizer not stated: Adam 0.001. " +
                        "The paper fed 40 columns; the typical input here is the 57 numeric Kaggle features.",
            },
            (s, c, seed) => FeatureNetworks.DtuMlp(s[0], c, seed));

        yield return new ModelSpec("features-1d-cnn", "GTZAN CNN study on the Kaggle features, Methods",
            "Input (1, features). Conv1d 32 k3 → ReLU → MaxPool1d(2) → Conv1d 64 k3 → ReLU → MaxPool1d(2) → Flatten → Dense 64 (ReLU) → Dropout 0.3 → Dense(classes). " +
            "Filter counts, kernel sizes, dense width and dropout are not stated: these are choices (padding 'same').",
            [1, 57],
            new TrainingRecipe
            {
                Optimizer = OptimizerKind.Adam, LearningRate = 0.001, Epochs = 50,
                Scheduler = opt => StepLR.HalveEvery(opt, 10),
                Notes = "Features paper: Adam, learning rate halved every 10 epochs, 50 epochs, 5-fold CV (mean 71.7%). " +
                        "Initial rate and batch size not stated: 0.001 and 32 (Keras defaults).",
            },
            (s, c, seed) => s[0] == 1
                ? FeatureNetworks.Features1dCnn(s[1], c, seed)
                : throw new ArgumentException($"model 'features-1d-cnn' takes (1, features), got ({string.Join(", ", s)})"));

        yield return new ModelSpec("gottingen-1d-cnn", "Buchmüller & Gerloff (Göttingen), Model section and Table 1",
            "Input (12, 512): 12 timbre or pitch values (channels) over 512 segments. Conv1d 48 k5 → ReLU → MaxPool1d(2) → Dropout, " +
            "Conv1d 64 k2 → ReLU → MaxPool1d(2) → Dropout, twice; Flatten → Dropout → Dense 64 (ReLU) → Dense(classes); dropout 0.25. " +
            "Kernel sizes follow the text (5, 2, 2) with 'valid' padding; the parameter counts of Table 1 imply 5-wide 'same' kernels in layers 2 and 3 " +
            "(SequenceNetworks.Gottingen1dCnn(..., table1: true) gives Table 1's 297,528 parameters; this one has 271,928 for 8 genres).",
            [12, 512],
            new TrainingRecipe
            {
                Optimizer = OptimizerKind.Adam, LearningRate = 0.001, BatchSize = 32, Epochs = 100,
                EarlyStopping = () => EarlyStopping.Gottingen(),
                Notes = "Göttingen: Adam 0.001 (betas 0.9/0.999), batch 32, dropout 0.25 for balanced samples (0.3-0.5 unbalanced), " +
                        "early stopping unless val accuracy gains 1% within 8 epochs. Maximum epochs not stated: 100.",
            },
            (s, c, seed) => SequenceNetworks.Gottingen1dCnn(s, c, seed));

        yield return new ModelSpec("gottingen-2d-cnn", "Buchmüller & Gerloff (Göttingen), sections 2.3-2.4 (the mixed model c2m1)",
            "Input (2, 12, 512): timbre and pitch as two channels over 12 rows and 512 segments. Conv2d 48 5x5 → ReLU → MaxPool2d(2) → Dropout, " +
            "Conv2d 64 2x2 → ReLU → MaxPool2d(2) → Dropout, twice; Flatten → Dropout → Dense 64 (ReLU) → Dense(classes); dropout 0.3. " +
            "The paper gives only \"2D convolution layers and 2D max-pooling\": filters and kernels are the 1D network's, padding 'same' " +
            "(three 2x2 poolings on 12 rows leave 1 x 64).",
            [2, 12, 512],
            new TrainingRecipe
            {
                Optimizer = OptimizerKind.Adam, LearningRate = 0.001, BatchSize = 32, Epochs = 100,
                EarlyStopping = () => EarlyStopping.Gottingen(),
                Notes = "Göttingen: Adam 0.001, batch 32, dropout 0.3-0.4 for the mixed input (0.3 here), early stopping unless val accuracy " +
                        "gains 1% within 8 epochs; the mixed model peaks 5-10 epochs later than timbre. Maximum epochs not stated: 100.",
            },
            (s, c, seed) => SequenceNetworks.Gottingen2dCnn(s, c, seed));
    }
}
