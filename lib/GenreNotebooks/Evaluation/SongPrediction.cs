namespace GenreNotebooks.Evaluation;

/// <summary>
/// The prediction for one whole song, from its clips' probability rows (see <see cref="SongPredictor"/>).
/// </summary>
/// <param name="TrackId">The song's track id (the group the clips share).</param>
/// <param name="ClipCount">Number of clips averaged.</param>
/// <param name="MeanProbabilities">The mean of the clips' probability rows, length C.</param>
/// <param name="PredictedByMean">argmax of <paramref name="MeanProbabilities"/> (first on ties): the papers' whole-song prediction.</param>
/// <param name="PredictedByVote">The class most clips predicted (majority vote), for comparison.</param>
/// <param name="TrueLabel">The song's true class when clip labels were given, otherwise null.</param>
public sealed record SongPrediction(
    string TrackId, int ClipCount, float[] MeanProbabilities, int PredictedByMean, int PredictedByVote, int? TrueLabel);
