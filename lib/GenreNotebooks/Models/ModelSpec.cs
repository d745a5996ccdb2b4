using GenreNotebooks.Nn.Modules;

namespace GenreNotebooks.Models;

/// <summary>
/// A network as a named factory with its typical input shape and training recipe: what a <see cref="ModelCatalog"/>
/// entry is, and what a reader builds from a network of their own to hand it to code that takes a spec.
/// <code>var mine = new ModelSpec("my-cnn", "notebook 05", "BU baseline with 6 blocks", [1, 128, 130], recipe,
///     (shape, classes, seed) =&gt; BuConvNet.Create(new BuConvNetOptions { Filters = [8, 16, 32, 64, 128, 256] }, shape, classes, seed));</code>
/// </summary>
public sealed class ModelSpec
{
    private readonly Func<int[], int, ulong, Module> _build;

    /// <summary>A spec called <paramref name="name"/> whose networks come from <paramref name="build"/>(input shape without batch, classes, seed).</summary>
    /// <exception cref="ArgumentException">An empty name or input shape, or a non-positive input size.</exception>
    public ModelSpec(string name, string source, string description, IReadOnlyList<int> typicalInputShape, TrainingRecipe recipe,
        Func<int[], int, ulong, Module> build)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(description);
        ArgumentNullException.ThrowIfNull(typicalInputShape);
        ArgumentNullException.ThrowIfNull(recipe);
        ArgumentNullException.ThrowIfNull(build);
        if (typicalInputShape.Count == 0 || typicalInputShape.Any(d => d < 1))
            throw new ArgumentException($"model '{name}': typical input shape ({string.Join(", ", typicalInputShape)}) must have positive sizes", nameof(typicalInputShape));
        Name = name;
        Source = source;
        Description = description;
        TypicalInputShape = typicalInputShape.ToArray();
        Recipe = recipe;
        _build = build;
    }

    /// <summary>The catalog name, e.g. <c>bu-final</c>.</summary>
    public string Name { get; }

    /// <summary>The paper and section the architecture comes from.</summary>
    public string Source { get; }

    /// <summary>The layers in words, with the choices made where the paper is silent.</summary>
    public string Description { get; }

    /// <summary>The input shape (without batch) the network is meant for, e.g. (1, 128, 130) for a 3-s mel spectrogram.</summary>
    public IReadOnlyList<int> TypicalInputShape { get; }

    /// <summary>The paper's optimizer, scheduler, epochs and regularisation (dropout is in the network).</summary>
    public TrainingRecipe Recipe { get; }

    /// <summary>
    /// Builds a fresh network for inputs of shape <paramref name="inputShape"/> (without the batch dimension) and
    /// <paramref name="classCount"/> outputs (logits; apply softmax for probabilities). Weights and dropout masks are
    /// drawn from a generator seeded with <paramref name="seed"/>: same seed, same network.
    /// </summary>
    /// <exception cref="ArgumentException">The input shape has the wrong rank or is too small for the network's poolings.</exception>
    public Module Build(IReadOnlyList<int> inputShape, int classCount, ulong seed = 0)
    {
        ArgumentNullException.ThrowIfNull(inputShape);
        ArgumentOutOfRangeException.ThrowIfLessThan(classCount, 2);
        if (inputShape.Count != TypicalInputShape.Count)
            throw new ArgumentException(
                $"model '{Name}' takes inputs of rank {TypicalInputShape.Count} such as ({string.Join(", ", TypicalInputShape)}), got ({string.Join(", ", inputShape)})",
                nameof(inputShape));
        foreach (int d in inputShape)
            if (d < 1) throw new ArgumentException($"model '{Name}': input shape ({string.Join(", ", inputShape)}) has a non-positive size", nameof(inputShape));
        return _build(inputShape.ToArray(), classCount, seed) ?? throw new InvalidOperationException($"model '{Name}': the factory returned null");
    }

    /// <summary>Builds the network for its <see cref="TypicalInputShape"/>.</summary>
    public Module Build(int classCount, ulong seed = 0) => Build(TypicalInputShape, classCount, seed);

    /// <inheritdoc />
    public override string ToString() => $"{Name}: {Description} [{Source}]";
}
