using GenreNotebooks.Nn;
using GenreNotebooks.Nn.Modules;
using GenreNotebooks.Training;

namespace GenreNotebooks.Evaluation;

/// <summary>
/// A trained model scored on held-out samples: clip probabilities, predictions, accuracy, per-genre accuracy, the
/// confusion matrix and sklearn's classification report, and, when the samples' track ids are known, whole-song
/// predictions by averaging each song's clip probabilities (<see cref="SongPredictor"/>).
/// </summary>
public sealed class TestEvaluation
{
    private TestEvaluation(IReadOnlyList<string> genres, int[] truth, FloatMatrix probabilities, IReadOnlyList<SongPrediction>? songs)
    {
        Genres = genres;
        TrueLabels = truth;
        Probabilities = probabilities;
        Predicted = Metrics.ArgmaxRows(probabilities);
        Confusion = ConfusionMatrix.Compute(truth, Predicted, genres);
        Report = ClassificationReport.FromConfusionMatrix(Confusion);
        Songs = songs;
    }

    /// <summary>Class names; labels index this list.</summary>
    public IReadOnlyList<string> Genres { get; }

    /// <summary>True class of each sample.</summary>
    public IReadOnlyList<int> TrueLabels { get; }

    /// <summary>Softmax probabilities, shape (samples, classes).</summary>
    public FloatMatrix Probabilities { get; }

    /// <summary>Predicted class of each sample (argmax of its probabilities).</summary>
    public IReadOnlyList<int> Predicted { get; }

    /// <summary>Fraction of samples predicted correctly.</summary>
    public double Accuracy => Confusion.Accuracy;

    /// <summary>Per-genre accuracy (recall), in <see cref="Genres"/> order; NaN for a genre without samples.</summary>
    public double[] PerGenreAccuracy => Confusion.PerClassAccuracy();

    /// <summary>The confusion matrix (rows true, columns predicted).</summary>
    public ConfusionMatrix Confusion { get; }

    /// <summary>Precision, recall, F1 per genre (sklearn <c>classification_report</c>).</summary>
    public ClassificationReport Report { get; }

    /// <summary>Whole-song predictions (mean of each song's clip probabilities), or null when no track ids were given.</summary>
    public IReadOnlyList<SongPrediction>? Songs { get; }

    /// <summary>Fraction of songs whose averaged probabilities pick the right genre, or null without track ids.</summary>
    public double? SongAccuracy => Songs is null ? null : SongPredictor.Accuracy(Songs);

    /// <summary>
    /// Scores <paramref name="model"/> (eval mode, no gradients) on inputs <paramref name="x"/> of shape (N, ...)
    /// with true classes <paramref name="labels"/>; <paramref name="trackIds"/> (one per sample) adds whole-song results.
    /// </summary>
    /// <exception cref="ArgumentException">Counts differ, or a label is outside the genre list.</exception>
    public static TestEvaluation Evaluate(Module model, Tensor x, IReadOnlyList<int> labels, IReadOnlyList<string> genres,
        IReadOnlyList<string>? trackIds = null, int batchSize = 256)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(genres);
        if (x.Rank < 1 || x.Shape[0] != labels.Count)
            throw new ArgumentException($"x has {(x.Rank < 1 ? 0 : x.Shape[0])} samples but there are {labels.Count} labels", nameof(labels));
        if (trackIds is not null && trackIds.Count != labels.Count)
            throw new ArgumentException($"{trackIds.Count} track ids for {labels.Count} samples", nameof(trackIds));
        var probabilities = Predictions.Probabilities(model, x, batchSize);
        if (probabilities.Cols != genres.Count)
            throw new ArgumentException($"the model outputs {probabilities.Cols} classes but {genres.Count} genres were given", nameof(genres));
        var truth = labels.ToArray();
        var songs = trackIds is null ? null : SongPredictor.Predict(probabilities, trackIds, truth);
        return new TestEvaluation(genres, truth, probabilities, songs);
    }

    /// <summary>One line: accuracy, and song accuracy when known.</summary>
    public override string ToString() =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"test accuracy {Accuracy:P1} on {TrueLabels.Count} samples") +
        (SongAccuracy is double s ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $"; whole songs {s:P1} on {Songs!.Count} songs") : "");
}
