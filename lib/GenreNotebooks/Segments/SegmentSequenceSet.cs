using GenreNotebooks.Nn;

namespace GenreNotebooks.Segments;

/// <summary>
/// The fixed-length timbre and pitch sequences of a list of tracks (one split), with their genre labels, as the
/// tensors the paper's networks read: timbre and pitch [N, 12, length] for the 1D CNNs (c1m1, c1m2), mixed
/// [N, 2, 12, length] for the 2D CNN (c2m1), and the mask [N, length] (1 for a real segment). Build the training set
/// and the test set with the same <see cref="SegmentTimbre"/>, fitted on the training tracks only.
/// Taught in notebooks/08-timbre-and-pitch-sequences.
/// </summary>
public sealed class SegmentSequenceSet
{
    private readonly float[] _timbre;
    private readonly float[] _pitch;
    private readonly float[] _mask;
    private float[]? _mixed;

    private SegmentSequenceSet(IReadOnlyList<string> trackIds, int[] labels, IReadOnlyList<string> genres, int[] segmentCounts,
        int length, SequencePadding padding, float[] timbre, float[] pitch, float[] mask)
    {
        TrackIds = trackIds;
        Labels = labels;
        Genres = genres;
        SegmentCounts = segmentCounts;
        Length = length;
        Padding = padding;
        _timbre = timbre;
        _pitch = pitch;
        _mask = mask;
        PaddedCount = segmentCounts.Count(c => c < length);
    }

    /// <summary>
    /// The sequences of <paramref name="tracks"/>, labelled by the index of each track's genre in <paramref name="genres"/>,
    /// timbre from <paramref name="timbre"/> (12 components).
    /// </summary>
    /// <exception cref="ArgumentException">A track has no genre or one not in <paramref name="genres"/>, or the timbre model does not fit the tracks.</exception>
    public static SegmentSequenceSet Create(IReadOnlyList<TrackSegments> tracks, SegmentTimbre timbre, IReadOnlyList<string> genres,
        int length = SegmentSequences.DefaultLength, SequencePadding padding = SequencePadding.Zeros)
    {
        ArgumentNullException.ThrowIfNull(tracks);
        ArgumentNullException.ThrowIfNull(timbre);
        ArgumentNullException.ThrowIfNull(genres);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(length);
        if (timbre.ComponentCount != 12)
            throw new ArgumentException($"segment sequences hold 12 timbre components; the model has {timbre.ComponentCount}", nameof(timbre));
        int n = tracks.Count, block = 12 * length;
        var timbreData = new float[(long)n * block];
        var pitchData = new float[(long)n * block];
        var mask = new float[(long)n * length];
        var labels = new int[n];
        var counts = new int[n];
        for (int i = 0; i < n; i++)
        {
            var t = tracks[i];
            int label = t.Genre is null ? -1 : IndexOf(genres, t.Genre);
            if (label < 0)
                throw new ArgumentException($"track '{t.TrackId}' has genre '{t.Genre ?? "(none)"}', not one of {string.Join(", ", genres)}", nameof(tracks));
            labels[i] = label;
            counts[i] = t.Count;
            SegmentSequences.Timbre(t, timbre, length, padding).Data.CopyTo(timbreData, (long)i * block);
            SegmentSequences.Pitch(t, length, padding).Data.CopyTo(pitchData, (long)i * block);
            for (int c = 0; c < Math.Min(t.Count, length); c++) mask[(long)i * length + c] = 1f;
        }
        return new SegmentSequenceSet(tracks.Select(t => t.TrackId).ToArray(), labels, genres.ToArray(), counts, length, padding,
            timbreData, pitchData, mask);
    }

    /// <summary>Number of tracks N.</summary>
    public int Count => Labels.Count;

    /// <summary>Segments per sequence.</summary>
    public int Length { get; }

    /// <summary>How shorter tracks were filled.</summary>
    public SequencePadding Padding { get; }

    /// <summary>The track ids, in order.</summary>
    public IReadOnlyList<string> TrackIds { get; }

    /// <summary>Class index of each track (its genre's index in <see cref="Genres"/>).</summary>
    public IReadOnlyList<int> Labels { get; }

    /// <summary>The class names.</summary>
    public IReadOnlyList<string> Genres { get; }

    /// <summary>Segments each track has before cutting or padding.</summary>
    public IReadOnlyList<int> SegmentCounts { get; }

    /// <summary>Tracks with fewer than <see cref="Length"/> segments, whose sequences were padded.</summary>
    public int PaddedCount { get; }

    /// <summary>The timbre sequences, [N, 12, length] (shares this set's buffer; do not modify).</summary>
    public Tensor Timbre() => new(_timbre, Count, 12, Length);

    /// <summary>The pitch sequences, [N, 12, length] (shares this set's buffer; do not modify).</summary>
    public Tensor Pitch() => new(_pitch, Count, 12, Length);

    /// <summary>Timbre and pitch as channels 0 and 1, [N, 2, 12, length].</summary>
    public Tensor Mixed()
    {
        if (_mixed is null)
        {
            int block = 12 * Length;
            var data = new float[(long)Count * 2 * block];
            for (int i = 0; i < Count; i++)
            {
                Array.Copy(_timbre, (long)i * block, data, (long)i * 2 * block, block);
                Array.Copy(_pitch, (long)i * block, data, (long)i * 2 * block + block, block);
            }
            _mixed = data;
        }
        return new Tensor(_mixed, Count, 2, 12, Length);
    }

    /// <summary>The input of the given kind (see <see cref="SegmentInput"/>).</summary>
    public Tensor Input(SegmentInput input) => input switch
    {
        SegmentInput.Timbre => Timbre(),
        SegmentInput.Pitch => Pitch(),
        SegmentInput.Mixed => Mixed(),
        _ => throw new ArgumentOutOfRangeException(nameof(input), input, "unknown segment input"),
    };

    /// <summary>1 where a column holds one of the track's own segments (its first pass), 0 where it is padding: [N, length].</summary>
    public Tensor Mask() => new(_mask, Count, Length);

    /// <summary>One line for a notebook: tracks, sequence length, how many were padded, segments per track.</summary>
    public string Summary()
    {
        var sorted = SegmentCounts.Order().ToArray();
        string median = sorted.Length == 0 ? "-" : (sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2.0).ToString(System.Globalization.CultureInfo.InvariantCulture);
        string how = Padding == SequencePadding.Zeros ? "zero-padded (masked)" : "filled by repeating their segments";
        return $"{Count} tracks, sequences of {Length} segments; {PaddedCount} of {Count} had fewer and were {how}; " +
            $"segments per track: median {median}" + (sorted.Length > 0 ? $", range {sorted[0]}-{sorted[^1]}" : "");
    }

    /// <inheritdoc/>
    public override string ToString() => Summary();

    private static int IndexOf(IReadOnlyList<string> genres, string genre)
    {
        for (int i = 0; i < genres.Count; i++) if (genres[i] == genre) return i;
        return -1;
    }
}
