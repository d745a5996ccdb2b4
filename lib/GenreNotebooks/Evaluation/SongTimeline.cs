using GenreNotebooks.Audio;
using GenreNotebooks.Datasets;
using GenreNotebooks.Models;
using GenreNotebooks.Nn.Modules;
using GenreNotebooks.Training;

namespace GenreNotebooks.Evaluation;

/// <summary>
/// A song's genre over time: the probabilities of every clip of the song, shape (clips, genres), with each clip's
/// start time, and the whole-song prediction they give (the mean of the rows, BU's method, and the majority vote).
/// Built by cutting the song into clips of the settings' length every <c>hop</c> seconds (hop = clip length: side by
/// side, as BU did; shorter: overlapping clips, a finer timeline), computing every clip's log-mel spectrogram, and
/// running the network once per batch of clips. With hop = clip length and the settings' tail policy its mean is
/// <see cref="MelClassifier.Classify(AudioSignal, string)"/>'s probabilities.
/// Draw it with <see cref="Plots.Figure.GenreOverTime"/>.
/// Taught in notebooks/07-whole-songs-and-remixes.
/// </summary>
public sealed class SongTimeline
{
    private SongTimeline(string id, IReadOnlyList<string> genres, FloatMatrix probabilities, IReadOnlyList<Clip> clips,
        int sampleRate, int songSamples)
    {
        Id = id;
        Genres = genres;
        Probabilities = probabilities;
        SampleRate = sampleRate;
        ClipSeconds = (double)clips[0].Length / sampleRate;
        StartSeconds = clips.Select(c => (double)c.Start / sampleRate).ToArray();
        DurationSeconds = (double)songSamples / sampleRate;
        PaddedClips = clips.Count(c => c.Start + (long)c.Length > songSamples);
        Song = SongPredictor.Predict(probabilities, clips.Select(_ => id).ToArray())[0];
    }

    /// <summary>The song's name.</summary>
    public string Id { get; }

    /// <summary>Genre names in the network's output order.</summary>
    public IReadOnlyList<string> Genres { get; }

    /// <summary>Shape (clips, genres): the softmax output of each clip, in time order; each row sums to 1.</summary>
    public FloatMatrix Probabilities { get; }

    /// <summary>Number of clips (rows of <see cref="Probabilities"/>).</summary>
    public int ClipCount => Probabilities.Rows;

    /// <summary>Start of each clip in seconds, length <see cref="ClipCount"/>.</summary>
    public IReadOnlyList<double> StartSeconds { get; }

    /// <summary>Length of one clip in seconds (3 for BU's clips).</summary>
    public double ClipSeconds { get; }

    /// <summary>Length of the song in seconds (after resampling to the settings' rate).</summary>
    public double DurationSeconds { get; }

    /// <summary>The sample rate the clips were cut at.</summary>
    public int SampleRate { get; }

    /// <summary>How many clips run past the end of the song and were padded with silence (0 or 1).</summary>
    public int PaddedClips { get; }

    /// <summary>The whole-song prediction: mean probabilities (BU's), the argmax of the mean and the majority vote.</summary>
    public SongPrediction Song { get; }

    /// <summary>The mean of the clip probabilities, length <see cref="Genres"/>.Count (<see cref="Song"/>'s).</summary>
    public float[] Mean => Song.MeanProbabilities;

    /// <summary>Each clip's most probable genre (argmax of its row), length <see cref="ClipCount"/>.</summary>
    public int[] ClipPredictions => Enumerable.Range(0, ClipCount).Select(i => Metrics.Argmax(Probabilities.Row(i))).ToArray();

    /// <summary>
    /// How sure the song's prediction is: the mean probability of the predicted genre (1 when every clip is certain
    /// of the same genre, 1 / genres when the network knows nothing).
    /// </summary>
    public float Confidence => Mean[Song.PredictedByMean];

    /// <summary>The gap between the two most probable genres of the mean: small when the song sits between two genres.</summary>
    public float Margin
    {
        get
        {
            var sorted = Mean.OrderDescending().ToArray();
            return sorted.Length > 1 ? sorted[0] - sorted[1] : sorted[0];
        }
    }

    /// <summary>The share of clips whose own prediction is the song's predicted genre (how unanimous the clips are).</summary>
    public double Agreement => ClipPredictions.Count(p => p == Song.PredictedByMean) / (double)ClipCount;

    /// <summary>The mean probability of <paramref name="genre"/>, or NaN when the network has no such genre.</summary>
    public double this[string genre]
    {
        get
        {
            int k = Genres.ToList().FindIndex(g => string.Equals(g, genre, StringComparison.OrdinalIgnoreCase));
            return k < 0 ? double.NaN : Mean[k];
        }
    }

    /// <summary>
    /// The timeline of <paramref name="signal"/> for a trained network: <paramref name="model"/> (logits out) takes
    /// clips' log-mels made with <paramref name="settings"/>, scaled by <paramref name="scaling"/>, pooled
    /// <paramref name="pool"/> x <paramref name="pool"/>.
    /// </summary>
    /// <param name="model">The network; its outputs are in the order of <paramref name="genres"/>.</param>
    /// <param name="scaling">The input scaling fitted on the training clips.</param>
    /// <param name="settings">How clips and log-mels are made (the clip length, tail policy and mel options).</param>
    /// <param name="genres">Genre names in output order.</param>
    /// <param name="signal">The song, any sample rate (resampled to the settings' rate), mono.</param>
    /// <param name="hopSeconds">Seconds between clip starts; null: the clip length (no overlap).</param>
    /// <param name="tail">What to do with the last partial clip; null: the settings' (drop). A song shorter than one clip is always padded to one.</param>
    /// <param name="pool">The input's average pooling.</param>
    /// <param name="batchSize">Clips per forward pass.</param>
    /// <param name="id">The song's name.</param>
    /// <exception cref="ArgumentException">An empty signal, fewer than two genres, or a network whose outputs are not one per genre.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A hop that is not positive, a pool or batch size below 1.</exception>
    public static SongTimeline Compute(Module model, MelScaling scaling, MelClipSettings settings, IReadOnlyList<string> genres,
        AudioSignal signal, double? hopSeconds = null, TailPolicy? tail = null, int pool = 1, int batchSize = 64, string id = "song")
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(scaling);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(genres);
        ArgumentNullException.ThrowIfNull(signal);
        ArgumentOutOfRangeException.ThrowIfLessThan(pool, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        if (genres.Count < 2) throw new ArgumentException("a timeline needs at least two genres", nameof(genres));
        if (signal.Length == 0) throw new ArgumentException($"'{id}' has no samples", nameof(signal));
        if (hopSeconds is { } h && !(h > 0 && double.IsFinite(h)))
            throw new ArgumentOutOfRangeException(nameof(hopSeconds), hopSeconds, "the hop must be a positive number of seconds");
        if (signal.SampleRate != settings.SampleRate) signal = signal.Resample(settings.SampleRate);

        // 1) Slice: clips of the settings' length every hop samples; the tail dropped or padded.
        var options = settings.Clips with
        {
            HopSamples = hopSeconds is { } hop ? Math.Max(1, (int)Math.Round(hop * settings.SampleRate)) : settings.Clips.HopSamples,
            Tail = tail ?? settings.Clips.Tail,
            MaxClipsPerTrack = null,
        };
        var track = new Track(id, "unknown", id);
        var clips = Clips.Plan(track, signal.Length, options);
        if (clips.Count == 0) clips = Clips.Plan(track, signal.Length, options with { Tail = TailPolicy.Pad });

        // 2) Log-mel of every clip (the clips are independent: on all cores).
        var mels = new FloatMatrix[clips.Count];
        Parallel.For(0, clips.Count, k => mels[k] = MelClipCache.LogMel(Clips.Cut(signal, clips[k]).Samples, settings));
        int rows = mels[0].Rows, cols = mels[0].Cols;
        var data = new float[(long)clips.Count * rows * cols];
        for (int k = 0; k < clips.Count; k++) mels[k].Data.CopyTo(data, (long)k * rows * cols);
        var set = new MelClipSet(clips.Select(c => c with { Genre = genres[0] }).ToArray(), genres, rows, cols, data, []);

        // 3) One forward pass per batch of clips, softmax of the logits.
        var probabilities = Predictions.Probabilities(model, MelInputs.ToTensor(set, scaling, pool), batchSize);
        if (probabilities.Cols != genres.Count)
            throw new ArgumentException($"the network gives {probabilities.Cols} outputs for {genres.Count} genres", nameof(genres));
        return new SongTimeline(id, genres.ToArray(), probabilities, clips, settings.SampleRate, signal.Length);
    }

    /// <summary>The timeline of <paramref name="signal"/> for a packaged classifier (its network, scaling, pooling, settings and genres).</summary>
    public static SongTimeline Compute(MelClassifier classifier, AudioSignal signal, double? hopSeconds = null, TailPolicy? tail = null,
        int batchSize = 64, string id = "song")
    {
        ArgumentNullException.ThrowIfNull(classifier);
        return Compute(classifier.Model, classifier.Scaling, classifier.Settings, classifier.Genres, signal, hopSeconds, tail,
            classifier.Pool, batchSize, id);
    }

    /// <inheritdoc/>
    public override string ToString() =>
        $"{Id}: {ClipCount} clips of {ClipSeconds:0.##} s over {DurationSeconds:0.#} s; {Genres[Song.PredictedByMean]} ({Confidence:P0})" +
        (Song.PredictedByVote != Song.PredictedByMean ? $", majority vote {Genres[Song.PredictedByVote]}" : "");
}
