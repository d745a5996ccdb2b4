using System.Globalization;

namespace GenreNotebooks.Features;

/// <summary>
/// The track a feature row belongs to and, for a row computed on a slice, the slice's index: <c>blues.00000.wav</c>
/// is track <c>blues.00000</c> (whole track, <see cref="Segment"/> null); Kaggle's 3-s row <c>blues.00000.3.wav</c>
/// is track <c>blues.00000</c>, segment 3. Rows of one track must stay on one side of a split.
/// </summary>
/// <param name="Track">The track name: the file name without folder, extension and segment index.</param>
/// <param name="Segment">The slice index, or null for a row computed on the whole track.</param>
public readonly record struct TrackId(string Track, int? Segment)
{
    /// <summary>
    /// Parses a row's filename. The folder and the extension (<c>.wav</c>, <c>.au</c>, ...) are dropped; the last
    /// dot-separated part is a segment index when it is all digits and either the name has three or more parts
    /// (<c>blues.00000.3</c>, <c>song.v2.12</c>) or the part has fewer than five digits (<c>song.3</c>); so
    /// <c>blues.00000</c> (GTZAN's five-digit track number) is a whole track.
    /// </summary>
    /// <exception cref="ArgumentException">The filename is empty or only an extension.</exception>
    public static TrackId FromFilename(string filename)
    {
        ArgumentNullException.ThrowIfNull(filename);
        var name = Path.GetFileName(filename.Trim());
        var stem = Path.GetExtension(name).Length > 0 && !IsDigits(Path.GetExtension(name).AsSpan(1))
            ? Path.GetFileNameWithoutExtension(name)
            : name;
        if (stem.Length == 0) throw new ArgumentException($"filename '{filename}' has no track name", nameof(filename));

        int lastDot = stem.LastIndexOf('.');
        if (lastDot <= 0 || lastDot == stem.Length - 1) return new TrackId(stem, null);
        var last = stem.AsSpan(lastDot + 1);
        if (!IsDigits(last)) return new TrackId(stem, null);
        bool threeParts = stem.AsSpan(0, lastDot).Contains('.');
        if (!threeParts && last.Length >= 5) return new TrackId(stem, null);
        if (!int.TryParse(last, NumberStyles.None, CultureInfo.InvariantCulture, out int segment))
            return new TrackId(stem, null);
        return new TrackId(stem[..lastDot], segment);
    }

    /// <inheritdoc/>
    public override string ToString() => Segment is int s ? $"{Track} [{s}]" : Track;

    private static bool IsDigits(ReadOnlySpan<char> s)
    {
        if (s.IsEmpty) return false;
        foreach (var c in s)
            if (c < '0' || c > '9') return false;
        return true;
    }
}
