using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using GenreNotebooks.Audio;
using GenreNotebooks.Spectral;

namespace GenreNotebooks.Datasets;

/// <summary>
/// Computes the log-mel spectrograms of every clip of every track once, in parallel, and caches them on disk under
/// <c>datasets/cache/mel-&lt;settings hash&gt;/</c>, one file per track keyed by the source file's path, size and
/// modification time, so changed audio or settings are recomputed and everything else loads fast. A track that
/// cannot be read is skipped and named in <see cref="MelClipSet.Warnings"/>.
/// File format (little-endian): "GNMEL001", int32 clips, rows, cols, then per clip int32 start and length, then
/// float32 values clip-major. Taught in notebooks/02-building-the-datasets.
/// </summary>
public static class MelClipCache
{
    private static ReadOnlySpan<byte> Magic => "GNMEL001"u8;

    /// <summary>The default cache root, <c>datasets/cache/</c>.</summary>
    public static string DefaultRoot() => Path.Combine(ProjectPaths.Datasets(), "cache");

    /// <summary>The folder holding the cache files for <paramref name="settings"/>.</summary>
    public static string FolderFor(MelClipSettings settings, string? cacheRoot = null) =>
        Path.Combine(cacheRoot ?? DefaultRoot(), "mel-" + Hash(settings.Key())[..16]);

    /// <summary>
    /// The log-mel spectrograms of all clips of <paramref name="tracks"/>, clips in track-id order then clip index.
    /// Labels index <paramref name="genres"/> (default: the tracks' genres, GTZAN order first).
    /// <paramref name="loader"/> defaults to <see cref="AudioFile.Load"/> at the settings' rate.
    /// </summary>
    public static MelClipSet Compute(IReadOnlyList<Track> tracks, MelClipSettings? settings = null, IReadOnlyList<string>? genres = null,
        string? cacheRoot = null, TrackAudioLoader? loader = null, IProgress<int>? progress = null, int maxParallelism = -1)
    {
        ArgumentNullException.ThrowIfNull(tracks);
        settings ??= MelClipSettings.Default;
        loader ??= new TrackAudioLoader(sampleRate: settings.SampleRate);
        genres ??= new GenreDataset(DatasetSource.Custom, "", tracks).Genres;
        string folder = FolderFor(settings, cacheRoot);
        Directory.CreateDirectory(folder);
        var ordered = tracks.OrderBy(t => t.Id, StringComparer.Ordinal).ToArray();
        var results = new (Clip[] Clips, float[] Data)?[ordered.Length];
        var warnings = new List<string>();
        int done = 0;
        int rows = settings.Mel.NMels, cols = settings.Frames;
        Parallel.For(0, ordered.Length, new ParallelOptions { MaxDegreeOfParallelism = maxParallelism > 0 ? maxParallelism : Environment.ProcessorCount }, i =>
        {
            var track = ordered[i];
            try
            {
                string file = CacheFile(folder, track);
                results[i] = (File.Exists(file) ? TryRead(file, track, rows, cols) : null) ?? ComputeAndStore(track, settings, loader, file, rows, cols, warnings);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException)
            {
                lock (warnings) warnings.Add($"skipped '{track.Path}' (track {track.Id}): {e.Message}");
            }
            progress?.Report(Interlocked.Increment(ref done));
        });
        var clips = new List<Clip>();
        long total = results.Where(r => r is not null).Sum(r => (long)r!.Value.Data.Length);
        var data = new float[total];
        long offset = 0;
        foreach (var r in results)
        {
            if (r is null) continue;
            clips.AddRange(r.Value.Clips);
            r.Value.Data.CopyTo(data.AsSpan((int)offset));
            offset += r.Value.Data.Length;
        }
        warnings.Sort(StringComparer.Ordinal);
        return new MelClipSet(clips, genres, rows, cols, data, warnings);
    }

    /// <summary>The log-mel spectrogram (dB) of one clip signal with <paramref name="settings"/>: shape (n_mels, frames).</summary>
    public static FloatMatrix LogMel(ReadOnlySpan<float> clip, MelClipSettings settings)
    {
        var mel = MelSpectrogram.Compute(clip, settings.SampleRate, settings.Mel, settings.Stft);
        return settings.ReferenceMax ? Decibels.PowerToDbRefMax(mel, topDb: settings.TopDb) : Decibels.PowerToDb(mel, topDb: settings.TopDb);
    }

    private static (Clip[], float[])? ComputeAndStore(Track track, MelClipSettings settings, TrackAudioLoader loader, string file, int rows, int cols, List<string> warnings)
    {
        if (!loader.TryLoad(track, out var signal, out var problem))
        {
            lock (warnings) warnings.Add(problem!);
            return null;
        }
        var clips = Clips.Plan(track, signal!.Length, settings.Clips).ToArray();
        if (clips.Length == 0)
        {
            lock (warnings) warnings.Add($"track {track.Id} ('{track.Path}') is {signal.DurationSeconds:F2} s, shorter than one clip; no clips");
            return null;
        }
        var data = new float[(long)clips.Length * rows * cols];
        for (int k = 0; k < clips.Length; k++)
        {
            var m = LogMel(Datasets.Clips.Cut(signal, clips[k]).Samples, settings);
            if (m.Rows != rows || m.Cols != cols) throw new InvalidDataException($"clip {clips[k].Id}: mel shape ({m.Rows}, {m.Cols}), expected ({rows}, {cols})");
            m.Data.CopyTo(data.AsSpan(k * rows * cols));
        }
        Write(file, clips, rows, cols, data);
        return (clips, data);
    }

    private static string CacheFile(string folder, Track track)
    {
        var info = new FileInfo(track.Path);
        if (!info.Exists) throw new IOException($"file not found");
        string source = Hash($"{Path.GetFullPath(track.Path)}|{info.Length}|{info.LastWriteTimeUtc.Ticks}")[..16];
        return Path.Combine(folder, track.Genre, $"{track.Id}-{source}.mel");
    }

    private static void Write(string file, Clip[] clips, int rows, int cols, float[] data)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        string tmp = file + "." + Guid.NewGuid().ToString("N") + ".tmp";
        using (var s = File.Create(tmp))
        {
            Span<byte> head = stackalloc byte[20];
            Magic.CopyTo(head);
            BinaryPrimitives.WriteInt32LittleEndian(head[8..], clips.Length);
            BinaryPrimitives.WriteInt32LittleEndian(head[12..], rows);
            BinaryPrimitives.WriteInt32LittleEndian(head[16..], cols);
            s.Write(head);
            Span<byte> pair = stackalloc byte[8];
            foreach (var c in clips)
            {
                BinaryPrimitives.WriteInt32LittleEndian(pair, c.Start);
                BinaryPrimitives.WriteInt32LittleEndian(pair[4..], c.Length);
                s.Write(pair);
            }
            if (BitConverter.IsLittleEndian) s.Write(System.Runtime.InteropServices.MemoryMarshal.AsBytes(data.AsSpan()));
            else
            {
                Span<byte> b = stackalloc byte[4];
                foreach (var v in data) { BinaryPrimitives.WriteSingleLittleEndian(b, v); s.Write(b); }
            }
        }
        File.Move(tmp, file, overwrite: true);
    }

    /// <summary>Reads a cache file; null (so it is recomputed) when it is damaged or has another shape.</summary>
    private static (Clip[], float[])? TryRead(string file, Track track, int rows, int cols)
    {
        var bytes = File.ReadAllBytes(file);
        if (bytes.Length < 20 || !bytes.AsSpan(0, 8).SequenceEqual(Magic)) return null;
        int n = BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(8));
        if (BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(12)) != rows || BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(16)) != cols) return null;
        long expected = 20 + 8L * n + 4L * n * rows * cols;
        if (n <= 0 || bytes.Length != expected) return null;
        var clips = new Clip[n];
        for (int k = 0; k < n; k++)
            clips[k] = new Clip(track.Id, track.Genre, k, BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(20 + 8 * k)), BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(24 + 8 * k)));
        var data = new float[(long)n * rows * cols];
        var src = bytes.AsSpan(20 + 8 * n);
        if (BitConverter.IsLittleEndian) System.Runtime.InteropServices.MemoryMarshal.Cast<byte, float>(src).CopyTo(data);
        else for (int i = 0; i < data.Length; i++) data[i] = BinaryPrimitives.ReadSingleLittleEndian(src[(4 * i)..]);
        return (clips, data);
    }

    private static string Hash(string s) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(s)));
}
