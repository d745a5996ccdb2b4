namespace GenreNotebooks.Models;

/// <summary>The optimizer a <see cref="TrainingRecipe"/> asks for (PyTorch <c>torch.optim</c> names).</summary>
public enum OptimizerKind
{
    /// <summary><c>torch.optim.Adam</c> (Keras <c>Adam</c>), betas 0.9/0.999.</summary>
    Adam,

    /// <summary><c>torch.optim.SGD</c> with optional momentum.</summary>
    Sgd,

    /// <summary><c>torch.optim.AdamW</c> (decoupled weight decay).</summary>
    AdamW,
}
