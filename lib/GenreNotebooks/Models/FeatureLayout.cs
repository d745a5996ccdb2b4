namespace GenreNotebooks.Models;

/// <summary>How a row of F features is shaped for a network (<see cref="FeatureRunOptions.Layout"/>).</summary>
public enum FeatureLayout
{
    /// <summary>A vector: the batch is (N, F), for an MLP (<c>nn.Linear(F, ...)</c> first).</summary>
    Vector,

    /// <summary>A one-channel sequence: the batch is (N, 1, F), for a 1D CNN (<c>nn.Conv1d(1, ...)</c> first).</summary>
    Sequence,
}
