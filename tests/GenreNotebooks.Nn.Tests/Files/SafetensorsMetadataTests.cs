using System.Buffers.Binary;
using System.Text;
using System.Text.Json;
using GenreNotebooks.Nn.Serialization;

namespace GenreNotebooks.Nn.Tests.Files;

public class SafetensorsMetadataTests
{
    private static string TempPath() => Path.Combine(Path.GetTempPath(), $"nn-meta-{Guid.NewGuid():N}.safetensors");

    [Fact]
    public void Metadata_round_trips_in_order_beside_the_tensors_and_the_header_stays_aligned()
    {
        string path = TempPath();
        try
        {
            var tensors = new Dictionary<string, Tensor> { ["w"] = new Tensor([1f, 2f, 3f], 3), ["b"] = new Tensor([-4f], 1) };
            var meta = new Dictionary<string, string> { ["zeta"] = "1", ["alpha"] = "[\"a\", \"b\"]", ["unicode"] = "Rodríguez ♪" };
            Safetensors.Save(path, tensors, meta);

            var read = Safetensors.ReadMetadata(path);
            Assert.Equal(meta, read);
            var state = Safetensors.Load(path);
            Assert.Equal(["b", "w"], state.Keys.Order(StringComparer.Ordinal));
            Assert.Equal([1f, 2f, 3f], state["w"].AsSpan().ToArray());

            var bytes = File.ReadAllBytes(path);
            ulong headerLength = BinaryPrimitives.ReadUInt64LittleEndian(bytes);
            Assert.Equal(0UL, headerLength % 8);
            using var doc = JsonDocument.Parse(Encoding.UTF8.GetString(bytes, 8, (int)headerLength));
            Assert.Equal(Safetensors.MetadataKey, doc.RootElement.EnumerateObject().First().Name);  // first, as the reference writer puts it
            Assert.Equal(["zeta", "alpha", "unicode"], doc.RootElement.GetProperty("__metadata__").EnumerateObject().Select(p => p.Name));
        }
        finally { File.Delete(path); }
    }

    [Fact]
    public void A_file_without_metadata_reads_as_empty_and_null_or_empty_metadata_writes_none()
    {
        string path = TempPath();
        try
        {
            Safetensors.Save(path, new Dictionary<string, Tensor> { ["w"] = new Tensor([1f], 1) });
            Assert.Empty(Safetensors.ReadMetadata(path));
            Safetensors.Save(path, new Dictionary<string, Tensor> { ["w"] = new Tensor([1f], 1) }, new Dictionary<string, string>());
            Assert.DoesNotContain("__metadata__", File.ReadAllText(path));
        }
        finally { File.Delete(path); }
    }

    [Theory]
    [InlineData("""{"__metadata__": {"n": 3}, "w": {"dtype": "F32", "shape": [1], "data_offsets": [0, 4]}}""", "metadata key 'n' holds a Number")]
    [InlineData("""{"__metadata__": ["x"], "w": {"dtype": "F32", "shape": [1], "data_offsets": [0, 4]}}""", "not an object of strings")]
    [InlineData("""{"__metadata__": {"n": "3"}""", "invalid JSON header")]
    public void Metadata_that_is_not_text_pairs_is_refused_naming_the_file(string json, string expected)
    {
        string path = SafetensorsTests.WriteRaw(json, SafetensorsTests.Floats(1f));
        try
        {
            var e = Assert.Throws<InvalidDataException>(() => Safetensors.ReadMetadata(path));
            Assert.Contains(path, e.Message);
            Assert.Contains(expected, e.Message);
        }
        finally { File.Delete(path); }
    }

    [Fact]
    public void A_truncated_file_and_a_header_longer_than_the_file_are_refused()
    {
        string path = TempPath();
        try
        {
            File.WriteAllBytes(path, [1, 2, 3]);
            Assert.Contains("too short", Assert.Throws<InvalidDataException>(() => Safetensors.ReadMetadata(path)).Message);
            var bytes = new byte[16];
            BinaryPrimitives.WriteUInt64LittleEndian(bytes, 100);
            File.WriteAllBytes(path, bytes);
            Assert.Contains("100-byte header", Assert.Throws<InvalidDataException>(() => Safetensors.ReadMetadata(path)).Message);
        }
        finally { File.Delete(path); }
    }

    [Fact]
    public void A_tensor_named_like_the_metadata_entry_is_refused()
    {
        var e = Assert.Throws<ArgumentException>(() => Safetensors.Save(TempPath(), new Dictionary<string, Tensor> { ["__metadata__"] = new Tensor([1f], 1) }, null));
        Assert.Contains("__metadata__", e.Message);
    }
}
