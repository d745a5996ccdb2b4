namespace GenreNotebooks.Nn;

/// <summary>How a loss combines per-sample values (PyTorch's <c>reduction=</c>).</summary>
public enum Reduction
{
    /// <summary>Weighted mean: sum of weighted losses divided by the sum of the targets' class weights (PyTorch <c>'mean'</c>).</summary>
    Mean,

    /// <summary>Sum of the weighted losses (PyTorch <c>'sum'</c>).</summary>
    Sum,
}
