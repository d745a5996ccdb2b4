namespace GenreNotebooks.Models;

/// <summary>
/// Settings of the BU paper's Conv2D family (Rodríguez &amp; Alizadeh-Shabdiz, section 3 "Model Building"): a stack
/// of blocks Conv2d → [BatchNorm2d] → ReLU → MaxPool2d(2), then Dropout → Flatten → Linear. The catalog's
/// <c>bu-*</c> entries are presets.
/// </summary>
public sealed record BuConvNetOptions
{
    /// <summary>Output channels of each block; the number of entries is the number of blocks. Default 8, 16, 32, 64, 128 (the baseline).</summary>
    public IReadOnlyList<int> Filters { get; init; } = [8, 16, 32, 64, 128];

    /// <summary>Square kernel size: 3 (baseline) or 5 (the 5x5 variants).</summary>
    public int KernelSize { get; init; } = 3;

    /// <summary>Batch normalisation after every convolution (the BN variants).</summary>
    public bool BatchNorm { get; init; }

    /// <summary>Dropout probability before the classifier: 0.3 (baseline), 0.2 (final, after the Optuna search).</summary>
    public float Dropout { get; init; } = 0.3f;

    /// <summary>
    /// Convolution padding, "same" (default) or "valid". The paper's Keras summary uses "valid" on 515x389 RGB
    /// spectrogram images; on a 128x130 mel spectrogram five 5x5 "valid" blocks do not fit, so the default is "same",
    /// which keeps every size and lets the five 2x2 poolings reduce 128x130 to 4x4.
    /// </summary>
    public string Padding { get; init; } = "same";

    /// <summary>Checks the settings.</summary>
    /// <exception cref="ArgumentException">Empty or non-positive filters, a kernel below 1, dropout outside [0, 1), or an unknown padding.</exception>
    public void Validate()
    {
        if (Filters is null || Filters.Count == 0 || Filters.Any(f => f < 1))
            throw new ArgumentException("Filters must list at least one positive channel count");
        if (KernelSize < 1) throw new ArgumentException($"KernelSize must be >= 1, got {KernelSize}");
        if (!(Dropout >= 0 && Dropout < 1)) throw new ArgumentException($"Dropout must be in [0, 1), got {Dropout}");
        if (Padding is not ("same" or "valid")) throw new ArgumentException($"Padding must be \"same\" or \"valid\", got \"{Padding}\"");
    }
}
