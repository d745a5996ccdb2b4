namespace GenreNotebooks.Datasets;

/// <summary>
/// Cheap sanity check of an audio file's first bytes, so a reader can flag a broken file without decoding it.
/// </summary>
public static class AudioHeader
{
    /// <summary>
    /// Null when the file looks like what its extension says (WAV: <c>RIFF/RF64 ... WAVE</c>; AU: <c>.snd</c>; other
    /// extensions: non-empty), otherwise a short description of the problem.
    /// </summary>
    public static string? Problem(string path)
    {
        try
        {
            var info = new FileInfo(path);
            if (!info.Exists) return "file not found";
            if (info.Length == 0) return "empty file";
            var ext = info.Extension.ToLowerInvariant();
            if (ext is not (".wav" or ".au" or ".snd")) return null;
            Span<byte> head = stackalloc byte[12];
            using var s = File.OpenRead(path);
            int n = s.ReadAtLeast(head, 12, throwOnEndOfStream: false);
            if (ext == ".wav")
            {
                if (n < 12) return $"too short for a WAV header ({info.Length} bytes)";
                bool riff = head[..4].SequenceEqual("RIFF"u8) || head[..4].SequenceEqual("RF64"u8);
                if (!riff || !head[8..12].SequenceEqual("WAVE"u8))
                    return $"not a WAV file (starts with bytes {Convert.ToHexString(head[..Math.Min(n, 12)])})";
                return null;
            }
            if (n < 4 || !head[..4].SequenceEqual(".snd"u8))
                return $"not an AU file (starts with bytes {Convert.ToHexString(head[..Math.Min(n, 4)])})";
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return $"cannot read: {e.Message}";
        }
    }
}
