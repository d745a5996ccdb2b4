using System.Buffers.Binary;
using GenreNotebooks.Audio;

namespace GenreNotebooks.Tests.Datasets;

/// <summary>Builds fake dataset folders in a temp dir: tiny valid WAV/AU files, broken files, empty folders.</summary>
internal sealed class FakeTree : IDisposable
{
    public FakeTree() => Directory.CreateDirectory(Root);

    public string Root { get; } = Path.Combine(Path.GetTempPath(), "gn-tree-" + Guid.NewGuid().ToString("N"));

    public string Wav(string relative, int samples = 2205, float value = 0.25f)
    {
        var path = Path.Combine(Root, relative);
        WavWriter.Write(path, new AudioSignal(Enumerable.Repeat(value, samples).ToArray(), 22050));
        return path;
    }

    public string Au(string relative, int samples = 2205)
    {
        var path = Path.Combine(Root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var b = new byte[24 + 2 * samples];
        ".snd"u8.CopyTo(b);
        BinaryPrimitives.WriteUInt32BigEndian(b.AsSpan(4), 24);
        BinaryPrimitives.WriteUInt32BigEndian(b.AsSpan(8), (uint)(2 * samples));
        BinaryPrimitives.WriteUInt32BigEndian(b.AsSpan(12), 3);
        BinaryPrimitives.WriteUInt32BigEndian(b.AsSpan(16), 22050);
        BinaryPrimitives.WriteUInt32BigEndian(b.AsSpan(20), 1);
        for (int i = 0; i < samples; i++) BinaryPrimitives.WriteInt16BigEndian(b.AsSpan(24 + 2 * i), 8192);
        File.WriteAllBytes(path, b);
        return path;
    }

    public string Text(string relative, string content)
    {
        var path = Path.Combine(Root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
        return path;
    }

    public string Folder(string relative)
    {
        var path = Path.Combine(Root, relative);
        Directory.CreateDirectory(path);
        return path;
    }

    public void Dispose()
    {
        if (Directory.Exists(Root)) Directory.Delete(Root, true);
    }
}
