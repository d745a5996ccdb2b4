using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using GenreNotebooks.Datasets;

namespace GenreNotebooks.Segments;

/// <summary>
/// <see cref="SegmentExtraction"/> with a disk cache: each track's segments are stored once under
/// <c>datasets/cache/segments-&lt;settings hash&gt;/&lt;genre&gt;/</c> (the root <see cref="MelClipCache"/> uses), one file
/// per track keyed by the source file's full path, size and modification time, so changed audio or settings are
/// analysed again and everything else loads in milliseconds. A damaged cache file is analysed again and overwritten.
/// The key holds the sample rate and every <see cref="SegmentOptions"/> value; a custom
/// <see cref="SegmentExtractionOptions.Loader"/> is not part of it (give such runs their own <c>cacheRoot</c>).
/// File format (little-endian): "GNSEG001", int32 segments, int32 n_mfcc, int32 sample rate, float64 duration, then per
/// segment float64 start, duration, loudness_start, loudness_max, loudness_max_time, 12 float32 pitch, n_mfcc float32 MFCCs.
/// Taught in notebooks/08-timbre-and-pitch-sequences.
/// </summary>
public static class SegmentCache
{
    private static ReadOnlySpan<byte> Magic => "GNSEG001"u8;

    /// <summary>The folder holding the cache files for <paramref name="options"/> under <paramref name="cacheRoot"/> (default <c>datasets/cache/</c>).</summary>
    public static string FolderFor(SegmentExtractionOptions? options = null, string? cacheRoot = null)
    {
        options ??= new SegmentExtractionOptions();
        string key = $"v1;sr={options.SampleRate};" + JsonSerializer.Serialize(options.Segments);
        return Path.Combine(cacheRoot ?? MelClipCache.DefaultRoot(), "segments-" + Hash(key)[..16]);
    }

    /// <summary>
    /// The segments of <paramref name="tracks"/>, from the cache where it holds them, else analysed (in parallel, as
    /// <see cref="SegmentExtraction.Run"/>) and stored. Results come back in input order; tracks that cannot be read or
    /// analysed are reported in <see cref="SegmentExtractionReport.Failures"/> and not cached.
    /// </summary>
    /// <exception cref="ArgumentException">Two tracks share an id.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public static SegmentExtractionReport Run(IEnumerable<Track> tracks, SegmentExtractionOptions? options = null, string? cacheRoot = null,
        IProgress<SegmentExtractionProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(tracks);
        options ??= new SegmentExtractionOptions();
        options.Validate();
        var list = SegmentExtraction.WithUniqueIds(tracks);
        string folder = FolderFor(options, cacheRoot);
        var files = new string?[list.Length];
        var found = new TrackSegments?[list.Length];
        for (int i = 0; i < list.Length; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            files[i] = CacheFile(folder, list[i]);
            if (files[i] is { } f && File.Exists(f)) found[i] = TryRead(f, list[i], options.Segments);
        }
        var missing = Enumerable.Range(0, list.Length).Where(i => found[i] is null).ToArray();
        int cached = list.Length - missing.Length;
        var fresh = SegmentExtraction.Run(missing.Select(i => list[i]), options,
            progress is null ? null : new Offset(progress, cached, list.Length), cancellationToken);
        var byId = fresh.Tracks.ToDictionary(t => t.TrackId, StringComparer.Ordinal);
        foreach (int i in missing)
            if (byId.TryGetValue(list[i].Id, out var t))
            {
                found[i] = t;
                if (files[i] is { } f) Write(f, t);
            }
        return new SegmentExtractionReport(found.OfType<TrackSegments>().ToArray(), fresh.Failures);
    }

    private sealed class Offset(IProgress<SegmentExtractionProgress> inner, int done, int total) : IProgress<SegmentExtractionProgress>
    {
        public void Report(SegmentExtractionProgress value) => inner.Report(value with { Completed = value.Completed + done, Total = total });
    }

    private static string? CacheFile(string folder, Track track)
    {
        var info = new FileInfo(track.Path);
        if (!info.Exists) return null;     // the extraction reports the missing file
        string source = Hash($"{Path.GetFullPath(track.Path)}|{info.Length}|{info.LastWriteTimeUtc.Ticks}")[..16];
        return Path.Combine(folder, track.Genre, $"{track.Id}-{source}.seg");
    }

    private static void Write(string file, TrackSegments t)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        int nMfcc = t.MfccCount;
        var bytes = new byte[28 + t.Count * (40 + 4 * (12 + nMfcc))];
        var s = bytes.AsSpan();
        Magic.CopyTo(s);
        BinaryPrimitives.WriteInt32LittleEndian(s[8..], t.Count);
        BinaryPrimitives.WriteInt32LittleEndian(s[12..], nMfcc);
        BinaryPrimitives.WriteInt32LittleEndian(s[16..], t.SampleRate);
        BinaryPrimitives.WriteDoubleLittleEndian(s[20..], t.Duration);
        int o = 28;
        foreach (var seg in t.Segments)
        {
            foreach (double v in new[] { seg.Start, seg.Duration, seg.LoudnessStart, seg.LoudnessMax, seg.LoudnessMaxTime })
            {
                BinaryPrimitives.WriteDoubleLittleEndian(s[o..], v);
                o += 8;
            }
            foreach (float v in seg.Pitch.Concat(seg.Mfcc))
            {
                BinaryPrimitives.WriteSingleLittleEndian(s[o..], v);
                o += 4;
            }
        }
        string tmp = file + "." + Guid.NewGuid().ToString("N") + ".tmp";
        File.WriteAllBytes(tmp, bytes);
        File.Move(tmp, file, overwrite: true);
    }

    /// <summary>Reads a cache file; null (so the track is analysed again) when it is damaged or truncated.</summary>
    private static TrackSegments? TryRead(string file, Track track, SegmentOptions options)
    {
        byte[] bytes;
        try { bytes = File.ReadAllBytes(file); }
        catch (IOException) { return null; }
        if (bytes.Length < 28 || !bytes.AsSpan(0, 8).SequenceEqual(Magic)) return null;
        var s = bytes.AsSpan();
        int n = BinaryPrimitives.ReadInt32LittleEndian(s[8..]), nMfcc = BinaryPrimitives.ReadInt32LittleEndian(s[12..]);
        int rate = BinaryPrimitives.ReadInt32LittleEndian(s[16..]);
        double duration = BinaryPrimitives.ReadDoubleLittleEndian(s[20..]);
        if (n <= 0 || nMfcc <= 0 || rate <= 0 || bytes.Length != 28 + (long)n * (40 + 4 * (12 + nMfcc))) return null;
        var segments = new Segment[n];
        int o = 28;
        for (int i = 0; i < n; i++)
        {
            var d = new double[5];
            for (int k = 0; k < 5; k++, o += 8) d[k] = BinaryPrimitives.ReadDoubleLittleEndian(s[o..]);
            var pitch = new float[12];
            for (int k = 0; k < 12; k++, o += 4) pitch[k] = BinaryPrimitives.ReadSingleLittleEndian(s[o..]);
            var mfcc = new float[nMfcc];
            for (int k = 0; k < nMfcc; k++, o += 4) mfcc[k] = BinaryPrimitives.ReadSingleLittleEndian(s[o..]);
            segments[i] = new Segment(d[0], d[1], d[2], d[3], d[4], pitch, mfcc);
        }
        return new TrackSegments(track.Id, track.Genre, rate, duration, segments, options);
    }

    private static string Hash(string s) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(s)));
}
