using GenreNotebooks.Nn.Modules;

namespace GenreNotebooks.Nn.Optim;

/// <summary>
/// Explicit weight penalties added to the loss (Keras <c>kernel_regularizer=l2(λ)</c>): only the weights of Linear and
/// Conv layers (not biases, not BatchNorm) of the chosen modules. The UCT paper's L2 0.002 and the BU paper's L2 variant.
/// Recipes use it through <c>TrainingRecipe.L2</c>.
/// </summary>
public static class Regularization
{
    /// <summary><c>λ · Σ w²</c> over the kernels of <paramref name="modules"/> (and their descendants), as a one-element tensor in the graph.</summary>
    public static Tensor L2(float lambda, params Module[] modules)
    {
        if (lambda < 0f) throw new ArgumentOutOfRangeException(nameof(lambda), $"L2: lambda must be >= 0, got {lambda}.");
        Tensor? total = null;
        foreach (var w in Kernels(modules))
        {
            var term = w.Pow(2f).Sum();
            total = total is null ? term : total + term;
        }
        return total is null ? Tensor.Scalar(0f) : total * lambda;
    }

    /// <summary>The kernel weights (Linear, Conv1d, Conv2d) of <paramref name="modules"/> and their descendants.</summary>
    public static IEnumerable<Tensor> Kernels(params Module[] modules) =>
        modules.SelectMany(m => m.Modules()).Distinct().Select(m => m switch
        {
            Linear l => l.Weight,
            Conv2d c => c.Weight,
            Conv1d c => c.Weight,
            _ => null,
        }).OfType<Tensor>();
}
