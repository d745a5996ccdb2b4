namespace GenreNotebooks.Datasets;

/// <summary>One genre's line of a <see cref="ClassBalance"/> table.</summary>
/// <param name="Genre">Genre label.</param>
/// <param name="TracksBefore">Usable tracks before balancing.</param>
/// <param name="ClipsBefore">Their clips.</param>
/// <param name="TracksAfter">Tracks kept.</param>
/// <param name="ClipsAfter">Their clips.</param>
/// <param name="Weight">The class weight of the loss (1 unless <see cref="BalanceMode.ClassWeights"/>).</param>
public sealed record ClassBalanceRow(string Genre, int TracksBefore, int ClipsBefore, int TracksAfter, int ClipsAfter, float Weight);
