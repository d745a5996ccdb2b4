namespace GenreNotebooks.Nn.Modules;

/// <summary>
/// Merges dimensions StartDim..EndDim (default 1..-1: [N, C, H, W] → [N, C·H·W]) (<c>torch.nn.Flatten</c>); a view, no copy.
/// </summary>
public sealed class Flatten(int startDim = 1, int endDim = -1) : Module
{
    /// <summary>First merged dimension.</summary>
    public int StartDim { get; } = startDim;

    /// <summary>Last merged dimension.</summary>
    public int EndDim { get; } = endDim;

    /// <inheritdoc/>
    public override Tensor Forward(Tensor input) => input.Flatten(StartDim, EndDim);

    /// <inheritdoc/>
    protected override string ExtraRepr() => $"start_dim={StartDim}, end_dim={EndDim}";
}
