using GenreNotebooks.Nn.Modules;

namespace GenreNotebooks.Models;

/// <summary>
/// One entry of the <see cref="ModelCatalog"/>: a paper's network as a named factory, with its typical input shape
/// and the paper's training recipe.
/// </summary>
public sealed class ModelSpec
{
    private readonly Func<int[], int, ulong, Module> _build;

    internal ModelSpec(string name, string source, string description, int[] typicalInputShape, TrainingRecipe recipe, Func<int[], int, ulong, Module> build)
    {
        Name = name;
        Source = source;
        Description = description;
        TypicalInputShape = typicalInputShape;
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

    /// <summary>The paper's optimizer, schedule and regularisation.</summary>
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
        return _build(inputShape.ToArray(), classCount, seed);
    }

    /// <summary>Builds the network for its <see cref="TypicalInputShape"/>.</summary>
    public Module Build(int classCount, ulong seed = 0) => Build(TypicalInputShape, classCount, seed);

    /// <inheritdoc />
    public override string ToString() => $"{Name}: {Description} [{Source}]";
}
