using System.Diagnostics;
using GenreNotebooks.Audio;
using GenreNotebooks.Spectral;

namespace GenreNotebooks.Segments;

/// <summary>
/// Cuts a track into segments and describes each as an Echo Nest / Spotify audio-analysis segment does (start,
/// duration, loudness, pitch, timbre), computed from the audio with librosa 0.10.2's building blocks, for the
/// timbre and pitch sequences of Buchmüller and Gerloff (Göttingen), whose Spotify endpoint is closed to new apps.
/// <para>Steps, all on one STFT (n_fft 2048, hop 512, Hann, centred):</para>
/// <list type="number">
/// <item>Onset envelope: <c>librosa.onset.onset_strength(y)</c>, the mean over 128 mel bands of the positive
/// log-mel increase from the previous frame (<see cref="Spectral.OnsetStrength"/>).</item>
/// <item>Onsets: <c>librosa.onset.onset_detect</c>'s peak picking (<see cref="OnsetDetection"/>), then backtracked
/// to the preceding minimum of the energy, the RMS of the hop-length block just before each frame's time
/// (<c>np.pad(librosa.feature.rms(y=y, frame_length=hop, hop_length=hop, center=False)[0], (1, 0))</c>). The
/// onset envelope dates an attack to the first frame whose window reaches it, shifted by n_fft/2; an energy measured
/// over the block before each frame time has the same alignment, so the boundary lands within one hop before the attack.
/// librosa's examples backtrack on <c>rms(S=S)</c> with 2048-sample frames instead, whose minimum before a click in
/// silence lies two to three hops before it (both are tested).</item>
/// <item>Boundaries: frame 0 and the backtracked onsets, merged and split so every segment lasts between
/// <see cref="SegmentOptions.MinSeconds"/> and <see cref="SegmentOptions.MaxSeconds"/> (<see cref="SegmentBoundaries"/>).
/// As in librosa, the envelope is scaled to [0, 1] per track, so a signal without any attack (a steady tone) has its
/// ripple picked as onsets; music always has attacks that set the scale.</item>
/// <item>Loudness: dB of the block RMS relative to full scale (<c>20 log10(max(rms, 10^(floor/20)))</c>, floor -60 dB):
/// <c>loudness_start</c> is the segment's first block, <c>loudness_max</c> its loudest, <c>loudness_max_time</c>
/// the offset of that block.</item>
/// <item>Pitch: the mean over the segment's frames of <c>chroma_stft</c> (each frame already divided by its maximum),
/// divided by its maximum, so the strongest class is 1: a pure tone gives one 1 and the rest near 0, noise gives all
/// values near 1, as the paper describes Echo Nest's pitches. Measured on test tones: under 0.05 away from the tone's
/// class, but 0.2-0.5 in the two classes next to it, because librosa's chroma filters are about a semitone wide and
/// a 2048-point frame cannot resolve much finer below 300 Hz; white noise gives 0.74-1.</item>
/// <item>Timbre input: the mean over the segment's frames of the 20 MFCCs (<c>librosa.feature.mfcc</c>: DCT-II of the
/// log-mel), computed as the DCT of the mean log-mel, which is the same by linearity. <see cref="SegmentTimbre"/>
/// projects it on 12 principal components fitted on training tracks.</item>
/// </list>
/// <para>What differs from Echo Nest's analyser, whose algorithms are not published:</para>
/// <list type="bullet">
/// <item>Segmentation: Echo Nest segments are "sound entities relatively uniform in timbre and harmony" from a
/// proprietary onset detector working to the sample; ours start at spectral-flux onsets on a 23-ms frame grid.</item>
/// <item>Loudness: Echo Nest uses a psychoacoustic loudness model (frequency weighting, temporal integration); ours is
/// unweighted RMS in dBFS over 23-ms blocks, so a bass-heavy and a treble-heavy segment of equal energy read the same.</item>
/// <item>Timbre: Echo Nest projects each segment's spectro-temporal surface on 12 fixed basis functions of its own
/// (loudness, brightness, flatness, attack, ...), the same for every track; ours projects the segment's mean MFCCs
/// (a spectral shape without its time course inside the segment) on principal components fitted on the training
/// tracks, so its basis depends on the training data and must be saved with a classifier.</item>
/// <item>Pitch: Echo Nest's chroma comes from its own spectral analysis; ours is librosa's <c>chroma_stft</c>
/// (Gaussian pitch-class filters over FFT bins, per-track tuning estimate), averaged with equal weight per frame.</item>
/// </list>
/// No librosa is available to the tests: the onset envelope and chroma are checked against librosa's outputs
/// stored in the test data, the peak picking, backtracking and segment features by their properties.
/// </summary>
public static class SegmentAnalyzer
{
    /// <summary>
    /// The segments of <paramref name="y"/> (mono, any rate; GTZAN's is 22050 Hz).
    /// </summary>
    /// <param name="y">The signal.</param>
    /// <param name="sampleRate">Its sample rate in Hz.</param>
    /// <param name="options">Settings; null means the defaults.</param>
    /// <param name="trackId">Id stored with the segments.</param>
    /// <param name="genre">Genre label stored with the segments, or null.</param>
    /// <param name="timings">Receives the time of each stage, or null.</param>
    /// <exception cref="ArgumentException">The signal is empty, shorter than <see cref="SegmentOptions.MinimumSamples"/>, or holds a NaN or infinite sample.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    public static TrackSegments Analyze(ReadOnlySpan<float> y, int sampleRate, SegmentOptions? options = null, string trackId = "track",
        string? genre = null, SegmentTimings? timings = null) =>
        Run(y, sampleRate, options, trackId, genre, timings, detailed: false).Segments;

    /// <summary>The segments of <paramref name="signal"/> (see <see cref="Analyze(ReadOnlySpan{float}, int, SegmentOptions?, string, string?, SegmentTimings?)"/>).</summary>
    public static TrackSegments Analyze(AudioSignal signal, SegmentOptions? options = null, string trackId = "track", string? genre = null)
    {
        ArgumentNullException.ThrowIfNull(signal);
        return Analyze(signal.Samples, signal.SampleRate, options, trackId, genre);
    }

    /// <summary>The segments of <paramref name="y"/> with the onset envelope, onsets, energy, log-mel and chroma they came from.</summary>
    /// <exception cref="ArgumentException">The signal is empty, too short, or not finite.</exception>
    public static SegmentAnalysis AnalyzeDetailed(ReadOnlySpan<float> y, int sampleRate, SegmentOptions? options = null, string trackId = "track",
        string? genre = null) =>
        Run(y, sampleRate, options, trackId, genre, null, detailed: true);

    private static SegmentAnalysis Run(ReadOnlySpan<float> y, int sampleRate, SegmentOptions? options, string trackId, string? genre,
        SegmentTimings? timings, bool detailed)
    {
        ArgumentNullException.ThrowIfNull(trackId);
        options ??= new SegmentOptions();
        options.Validate(sampleRate);
        CheckSignal(y, sampleRate, options, trackId);
        int hop = options.HopLength;

        // 1) One STFT pass: power spectrum and mel projection per frame.
        long t0 = Stopwatch.GetTimestamp();
        var (power, melPower) = SegmentSpectra.Compute(y, sampleRate, options);
        int frames = power.Cols;
        timings?.AddSpectrogram(t0);

        // 2) Log-mel and onset strength (librosa onset_strength's defaults: lag 1, no max filter, mean over bands).
        t0 = Stopwatch.GetTimestamp();
        var logMel = Decibels.PowerToDb(melPower);
        var envelope = OnsetStrength.FromMelDb(logMel, OnsetAggregate.Mean, 1, options.NFft, hop);
        timings?.AddOnsetStrength(t0);

        // 3) Energy, onsets, backtracking, boundaries.
        t0 = Stopwatch.GetTimestamp();
        var blocks = SegmentSpectra.BlockRms(y, hop);
        var energy = new float[frames];
        for (int t = 1; t < frames; t++) energy[t] = blocks[t - 1];
        var peakPick = options.EffectivePeakPick(sampleRate);
        var onsets = OnsetDetection.Detect(envelope, sampleRate, hop, peakPick);
        var backtracked = options.Backtrack && onsets.Length > 0 ? OnsetDetection.Backtrack(onsets, energy) : onsets;
        var starts = SegmentBoundaries.FromOnsets(backtracked, y.Length, sampleRate, hop, options.MinSeconds, options.MaxSeconds);
        timings?.AddPeakPicking(t0);

        // 4) Chroma with the tuning chroma_stft would estimate.
        t0 = Stopwatch.GetTimestamp();
        double tuning = options.Tuning ?? Spectral.Tuning.Estimate(power, sampleRate, options.NFft);
        var chroma = Spectral.Chroma.FromPower(power, sampleRate, tuning);
        timings?.AddChroma(t0);

        // 5) Mean MFCCs: DCT-II (ortho) of each segment's mean log-mel.
        t0 = Stopwatch.GetTimestamp();
        var mfcc = SegmentMeans(logMel, starts, frames);
        mfcc = Dct.AlongRows(mfcc, options.NMfcc);
        timings?.AddMfcc(t0);

        // 6) Pitch, loudness and the records.
        t0 = Stopwatch.GetTimestamp();
        var pitch = SegmentMeans(chroma, starts, frames);
        double floor = Math.Pow(10.0, options.LoudnessFloorDb / 20.0);
        var segments = new Segment[starts.Length];
        for (int k = 0; k < starts.Length; k++)
        {
            var (startSample, endSample) = SegmentBoundaries.SampleRange(starts, k, y.Length, hop);
            int firstBlock = starts[k];
            int endBlock = (int)Math.Min(blocks.Length, (endSample + hop - 1) / hop);
            int loudest = firstBlock;
            for (int b = firstBlock + 1; b < endBlock; b++) if (blocks[b] > blocks[loudest]) loudest = b;
            segments[k] = new Segment(
                Start: (double)startSample / sampleRate,
                Duration: (double)(endSample - startSample) / sampleRate,
                LoudnessStart: Db(blocks[firstBlock], floor),
                LoudnessMax: Db(blocks[loudest], floor),
                LoudnessMaxTime: (double)(loudest - firstBlock) * hop / sampleRate,
                Pitch: NormalisedColumn(pitch, k),
                Mfcc: mfcc.Column(k));
        }
        var track = new TrackSegments(trackId, genre, sampleRate, (double)y.Length / sampleRate, segments, options);
        timings?.AddAggregation(t0);

        if (!detailed) return new SegmentAnalysis(track, [], [], [], [], starts, new FloatMatrix(0, 0), new FloatMatrix(0, 0), tuning, hop);
        return new SegmentAnalysis(track, envelope, onsets, backtracked, energy, starts, logMel, chroma, tuning, hop);
    }

    private static void CheckSignal(ReadOnlySpan<float> y, int sampleRate, SegmentOptions options, string trackId)
    {
        if (y.Length == 0) throw new ArgumentException($"{trackId}: cannot segment an empty signal", nameof(y));
        int need = options.MinimumSamples(sampleRate);
        if (y.Length < need)
            throw new ArgumentException($"{trackId}: {y.Length} samples ({(double)y.Length / sampleRate:0.###} s) is too short to segment: " +
                $"need at least {need} samples ({(double)need / sampleRate:0.###} s at {sampleRate} Hz)", nameof(y));
        for (int i = 0; i < y.Length; i++)
            if (!float.IsFinite(y[i]))
                throw new ArgumentException($"{trackId}: sample {i} ({(double)i / sampleRate:0.###} s) is {y[i]}; the signal must be finite", nameof(y));
    }

    /// <summary>Per segment, the mean over its frames of each row of <paramref name="m"/>: shape (rows, segments).</summary>
    private static FloatMatrix SegmentMeans(FloatMatrix m, int[] starts, int frames)
    {
        var result = new FloatMatrix(m.Rows, starts.Length);
        for (int r = 0; r < m.Rows; r++)
        {
            var row = m.Row(r);
            var dst = result.Row(r);
            for (int k = 0; k < starts.Length; k++)
            {
                int a = starts[k], b = k + 1 < starts.Length ? starts[k + 1] : frames;
                double s = 0;
                for (int t = a; t < b; t++) s += row[t];
                dst[k] = (float)(s / (b - a));
            }
        }
        return result;
    }

    /// <summary>Column k divided by its largest absolute value (<c>librosa.util.normalize(norm=np.inf)</c>: a column below float32 tiny stays as it is).</summary>
    private static float[] NormalisedColumn(FloatMatrix m, int k)
    {
        var v = m.Column(k);
        float max = 0f;
        foreach (float x in v) max = Math.Max(max, Math.Abs(x));
        if (max < Spectral.Chroma.FloatTiny) return v;
        for (int i = 0; i < v.Length; i++) v[i] /= max;
        return v;
    }

    private static double Db(float rms, double floor) => 20.0 * Math.Log10(Math.Max(rms, floor));
}
