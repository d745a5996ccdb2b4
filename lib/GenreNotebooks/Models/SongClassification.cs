using System.Diagnostics;
using GenreNotebooks.Audio;
using GenreNotebooks.Datasets;
using GenreNotebooks.Evaluation;
using GenreNotebooks.Training;

namespace GenreNotebooks.Models;

/// <summary>How <see cref="SongClassifier"/> slices a song and batches its clips.</summary>
public sealed record SongClassificationOptions
{
    /// <summary>
    /// Seconds between clip starts; null (default) means the classifier's clip hop (<see cref="ClipOptions.HopSamples"/>
    /// of its settings: the clip length, i.e. adjacent clips, as in training).
    /// </summary>
    public double? HopSeconds { get; init; }

    /// <summary>
    /// What to do with a last partial clip; null (default) means the classifier's (<see cref="ClipOptions.Tail"/> of
    /// its settings). A song shorter than one clip is always padded to one.
    /// </summary>
    public TailPolicy? Tail { get; init; }

    /// <summary>Clips per forward pass (default 64).</summary>
    public int BatchSize { get; init; } = 64;
}

/// <summary>
/// Where the time of one <see cref="SongClassifier"/> call went, in seconds; a caller may pass one instance to
/// several calls to add them up. Used by <c>genre bench classify</c>.
/// </summary>
public sealed class SongClassificationTiming
{
    /// <summary>Reading and decoding the file and mixing it to mono.</summary>
    public double Decode { get; set; }

    /// <summary>Resampling to the model's rate.</summary>
    public double Resample { get; set; }

    /// <summary>Cutting clips and computing their log-mel spectrograms and the network input.</summary>
    public double Mels { get; set; }

    /// <summary>The network's forward passes and softmax.</summary>
    public double Inference { get; set; }

    /// <summary>The sum of the four parts.</summary>
    public double Total => Decode + Resample + Mels + Inference;
}

/// <summary>
/// The whole-song prediction of a <see cref="MelClassifier"/> for one song, with every clip's probabilities.
/// </summary>
/// <param name="Source">The file name (or id) of the song.</param>
/// <param name="Genres">Genre labels in output order.</param>
/// <param name="ClipProbabilities">Shape (clips, genres): each clip's softmax output, clips in time order.</param>
/// <param name="ClipStartSeconds">Start of each clip in the song, in seconds.</param>
/// <param name="MeanProbabilities">The mean of the clips' probabilities (BU's whole-song prediction), length genres.</param>
/// <param name="PredictedByMean">argmax of <paramref name="MeanProbabilities"/> (first on ties).</param>
/// <param name="PredictedByVote">The genre most clips predicted (ties by the higher mean, then the lower index).</param>
/// <param name="DurationSeconds">Length of the song.</param>
/// <param name="Padded">True when the song is shorter than one clip and was zero-padded to one clip.</param>
/// <param name="HopSeconds">Seconds between clip starts.</param>
public sealed record SongClassification(
    string Source, IReadOnlyList<string> Genres, FloatMatrix ClipProbabilities, IReadOnlyList<double> ClipStartSeconds,
    float[] MeanProbabilities, int PredictedByMean, int PredictedByVote, double DurationSeconds, bool Padded, double HopSeconds)
{
    /// <summary>Number of clips averaged.</summary>
    public int ClipCount => ClipProbabilities.Rows;

    /// <summary>The predicted genre (by mean probability).</summary>
    public string Genre => Genres[PredictedByMean];

    /// <summary>The genre of the majority vote over clips.</summary>
    public string Vote => Genres[PredictedByVote];

    /// <summary>Genre indices by decreasing mean probability (ties: lower index first), at most <paramref name="top"/> of them.</summary>
    public IReadOnlyList<int> Ranked(int? top = null) =>
        Enumerable.Range(0, Genres.Count).OrderByDescending(k => MeanProbabilities[k]).ThenBy(k => k).Take(top ?? Genres.Count).ToArray();

    /// <summary>The same prediction as the <see cref="SongPredictor"/> record used by the evaluation code.</summary>
    public SongPrediction ToSongPrediction() => new(Source, ClipCount, MeanProbabilities, PredictedByMean, PredictedByVote, null);
}

/// <summary>
/// Classifies whole songs of any length, rate and channel count with a <see cref="MelClassifier"/>, as BU did:
/// 1) decode and mix down to mono (<see cref="AudioFile.Read"/>, <see cref="AudioData.ToMono"/>);
/// 2) resample to the model's rate (<see cref="Resampler"/>, as for training);
/// 3) slice into clips of the model's length every hop (<see cref="Slice"/>: the partial tail is dropped or padded
/// as the model's clip settings say, dropped by default as in training; a song shorter than one clip is zero-padded
/// to one clip);
/// 4) compute each clip's log-mel spectrogram (on <see cref="Nn.Threads.Count"/> threads) and scale it;
/// 5) run the network on batches of clips and take the softmax;
/// 6) average the clips' probabilities (the prediction) and count the clips' votes (for comparison).
/// </summary>
public static class SongClassifier
{
    /// <summary>
    /// The clip start samples for a song of <paramref name="songSamples"/> samples: 0, hop, 2 hop, ... while a whole
    /// clip fits, then, with <paramref name="tail"/> <see cref="TailPolicy.Pad"/>, one more clip for a partial tail
    /// (zero-padded when cut); when no whole clip fits (a song shorter than one clip), a single clip at 0 that is to
    /// be zero-padded (<c>Padded</c> true). An empty song has no clips. (<see cref="Clips.Plan"/> with a fallback for
    /// short songs.)
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">A length or the hop is not positive, or the song length is negative.</exception>
    public static (int[] Starts, bool Padded) Slice(int songSamples, int clipSamples, int hopSamples, TailPolicy tail = TailPolicy.Drop)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(songSamples);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(clipSamples);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(hopSamples);
        if (songSamples == 0) return ([], false);
        if (songSamples < clipSamples) return ([0], true);
        int count = (songSamples - clipSamples) / hopSamples + 1;
        bool partial = tail == TailPolicy.Pad && (long)count * hopSamples < songSamples;
        var starts = new int[count + (partial ? 1 : 0)];
        for (int i = 0; i < starts.Length; i++) starts[i] = i * hopSamples;
        return (starts, false);
    }

    /// <summary>
    /// Decodes the audio file <paramref name="path"/> (any format <see cref="AudioFile"/> reads) and classifies it.
    /// </summary>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="AudioFormatException">The file cannot be decoded (or needs ffmpeg, which is missing), or it holds no samples.</exception>
    public static SongClassification ClassifyFile(MelClassifier classifier, string path, SongClassificationOptions? options = null,
        SongClassificationTiming? timing = null)
    {
        ArgumentNullException.ThrowIfNull(classifier);
        ArgumentNullException.ThrowIfNull(path);
        long t0 = Stopwatch.GetTimestamp();
        var mono = AudioFile.Read(path).ToMono();
        if (timing is not null) timing.Decode += Stopwatch.GetElapsedTime(t0).TotalSeconds;
        if (mono.Length == 0) throw new AudioFormatException(path, "holds no samples");
        return Classify(classifier, mono, Path.GetFileName(path), options, timing);
    }

    /// <summary>
    /// Classifies <paramref name="signal"/> (mono, any rate: resampled to the model's first) as steps 2-6 above.
    /// </summary>
    /// <exception cref="ArgumentException">The signal has no samples, or the hop is not positive.</exception>
    public static SongClassification Classify(MelClassifier classifier, AudioSignal signal, string source = "song",
        SongClassificationOptions? options = null, SongClassificationTiming? timing = null)
    {
        ArgumentNullException.ThrowIfNull(classifier);
        ArgumentNullException.ThrowIfNull(signal);
        options ??= new SongClassificationOptions();
        if (signal.Length == 0) throw new ArgumentException($"'{source}' has no samples", nameof(signal));
        ArgumentOutOfRangeException.ThrowIfLessThan(options.BatchSize, 1);
        var s = classifier.Settings;
        int clip = s.Clips.LengthSamples;
        int hop = s.Clips.HopSamples;
        if (options.HopSeconds is { } hopSeconds)
        {
            if (!(hopSeconds > 0) || double.IsInfinity(hopSeconds)) throw new ArgumentException($"the hop must be a positive number of seconds, got {hopSeconds}", nameof(options));
            hop = Math.Max(1, (int)Math.Round(hopSeconds * s.SampleRate));
        }

        long t = Stopwatch.GetTimestamp();
        if (signal.SampleRate != s.SampleRate) signal = signal.Resample(s.SampleRate);
        if (timing is not null) timing.Resample += Stopwatch.GetElapsedTime(t).TotalSeconds;

        t = Stopwatch.GetTimestamp();
        var (starts, padded) = Slice(signal.Length, clip, hop, options.Tail ?? s.Clips.Tail);
        if (starts.Length == 0) throw new ArgumentException($"'{source}' has no samples at {s.SampleRate} Hz", nameof(signal));
        int rows = s.Mel.NMels, cols = s.Frames;
        var data = new float[(long)starts.Length * rows * cols];
        var samples = signal.Samples;
        Parallel.For(0, starts.Length, new ParallelOptions { MaxDegreeOfParallelism = Nn.Threads.Count }, () => new float[clip], (i, _, buffer) =>
        {
            int n = Math.Min(clip, samples.Length - starts[i]);
            samples.AsSpan(starts[i], n).CopyTo(buffer);
            buffer.AsSpan(n).Clear();
            var mel = MelClipCache.LogMel(buffer, s);
            mel.Data.CopyTo(data.AsSpan(i * rows * cols, rows * cols));
            return buffer;
        }, _ => { });
        var clips = starts.Select((start, k) => new Clip(source, classifier.Genres[0], k, start, clip)).ToArray();
        var set = new MelClipSet(clips, classifier.Genres, rows, cols, data, []);
        var input = MelInputs.ToTensor(set, classifier.Scaling, classifier.Pool);
        if (timing is not null) timing.Mels += Stopwatch.GetElapsedTime(t).TotalSeconds;

        t = Stopwatch.GetTimestamp();
        var probabilities = Predictions.Probabilities(classifier.Model, input, options.BatchSize);
        if (timing is not null) timing.Inference += Stopwatch.GetElapsedTime(t).TotalSeconds;

        var song = SongPredictor.Predict(probabilities, Enumerable.Repeat(source, starts.Length).ToArray())[0];
        return new SongClassification(source, classifier.Genres, probabilities, starts.Select(x => (double)x / s.SampleRate).ToArray(),
            song.MeanProbabilities, song.PredictedByMean, song.PredictedByVote, signal.DurationSeconds, padded, (double)hop / s.SampleRate);
    }
}
