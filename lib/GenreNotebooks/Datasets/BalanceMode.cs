namespace GenreNotebooks.Datasets;

/// <summary>How <see cref="ValidatedDataset.Balance"/> evens out genres of different sizes. Taught in notebooks/09-new-genres.</summary>
public enum BalanceMode
{
    /// <summary>Keep every track, no weights: the imbalance stays.</summary>
    None,
    /// <summary>Keep a seeded random choice of as many tracks per genre as the smallest genre has (the BU paper's way).</summary>
    UndersampleToSmallest,
    /// <summary>Keep every track and weigh the loss per class by clips: N / (C x clips of the class) (sklearn's "balanced").</summary>
    ClassWeights,
}
