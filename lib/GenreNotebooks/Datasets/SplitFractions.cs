namespace GenreNotebooks.Datasets;

/// <summary>
/// Fractions of a train/validation/test split; each in [0, 1], summing to 1 (default 80/10/10 as the papers).
/// </summary>
public sealed record SplitFractions
{
    /// <summary>The papers' 80/10/10.</summary>
    public static readonly SplitFractions Default = new(0.8, 0.1, 0.1);

    /// <summary>Creates fractions; they must be non-negative and sum to 1 (within 1e-9).</summary>
    /// <exception cref="ArgumentException">A negative fraction or a sum other than 1.</exception>
    public SplitFractions(double train, double validation, double test)
    {
        if (train < 0 || validation < 0 || test < 0 || Math.Abs(train + validation + test - 1) > 1e-9)
            throw new ArgumentException($"split fractions must be non-negative and sum to 1, got {train}/{validation}/{test}");
        Train = train;
        Validation = validation;
        Test = test;
    }

    /// <summary>Training fraction.</summary>
    public double Train { get; }

    /// <summary>Validation fraction.</summary>
    public double Validation { get; }

    /// <summary>Test fraction.</summary>
    public double Test { get; }
}
