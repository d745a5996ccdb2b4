using System.Buffers.Binary;
using System.Text;
using GenreNotebooks.Nn.Serialization;

namespace GenreNotebooks.Nn.Tests.Files;

public class SafetensorsTests
{
    /// <summary>Writes a safetensors file from a raw JSON header and raw data bytes, as another writer might produce.</summary>
    internal static string WriteRaw(string json, byte[] data)
    {
        string path = Path.Combine(Path.GetTempPath(), $"nn-safetensors-{Guid.NewGuid():N}.safetensors");
        var header = Encoding.UTF8.GetBytes(json);
        var bytes = new byte[8 + header.Length + data.Length];
        BinaryPrimitives.WriteUInt64LittleEndian(bytes, (ulong)header.Length);
        header.CopyTo(bytes, 8);
        data.CopyTo(bytes, 8 + header.Length);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    internal static byte[] Floats(params float[] values)
    {
        var bytes = new byte[values.Length * 4];
        for (int i = 0; i < values.Length; i++) BinaryPrimitives.WriteSingleLittleEndian(bytes.AsSpan(i * 4), values[i]);
        return bytes;
    }

    [Theory]
    [InlineData("""{"w": {"shape": [2], "data_offsets": [0, 8]}}""", "dtype")]
    [InlineData("""{"w": {"dtype": "F32", "shape": "2", "data_offsets": [0, 8]}}""", "malformed")]
    [InlineData("""{"w": {"dtype": "F32", "shape": [2.5], "data_offsets": [0, 8]}}""", "malformed")]
    [InlineData("""{"w": {"dtype": "F32", "shape": [-2], "data_offsets": [0, 8]}}""", "negative")]
    [InlineData("""{"w": {"dtype": "F32", "shape": [2]}}""", "data_offsets")]
    [InlineData("""{"w": 3}""", "malformed")]
    [InlineData("""[1, 2]""", "not an object")]
    public void Malformed_header_entries_are_invalid_data_naming_the_file(string json, string expected)
    {
        string path = WriteRaw(json, Floats(1f, 2f));
        try
        {
            var e = Assert.Throws<InvalidDataException>(() => Safetensors.Load(path));
            Assert.Contains(path, e.Message);
            Assert.Contains(expected, e.Message);
        }
        finally { File.Delete(path); }
    }

    [Fact]
    public void Metadata_entry_is_ignored_and_scalars_and_empty_tensors_load()
    {
        string json = """
            {"__metadata__": {"format": "pt"}, "b": {"dtype": "F32", "shape": [], "data_offsets": [8, 12]},
             "e": {"dtype": "F32", "shape": [0, 3], "data_offsets": [12, 12]}, "w": {"dtype": "F32", "shape": [2], "data_offsets": [0, 8]}}
            """;
        string path = WriteRaw(json, Floats(1.5f, -2f, 7f));
        try
        {
            var state = Safetensors.Load(path);
            Assert.Equal(["b", "e", "w"], state.Keys.Order(StringComparer.Ordinal));
            Assert.Equal([1.5f, -2f], state["w"].ToArray());
            Assert.Empty(state["b"].Shape);
            Assert.Equal(7f, state["b"].Item());
            Assert.Equal([0, 3], state["e"].Shape);
        }
        finally { File.Delete(path); }
    }

    [Fact]
    public void Save_then_load_round_trips_names_shapes_and_values_with_an_aligned_header()
    {
        var tensors = new Dictionary<string, Tensor>
        {
            ["z.weight"] = new Tensor([1f, 2f, 3f, 4f, 5f, 6f], 2, 3),
            ["a.bias"] = new Tensor([float.NaN, float.NegativeInfinity], 2),
        };
        string path = Path.Combine(Path.GetTempPath(), $"nn-safetensors-{Guid.NewGuid():N}.safetensors");
        try
        {
            Safetensors.Save(path, tensors);
            var bytes = File.ReadAllBytes(path);
            Assert.Equal(0UL, BinaryPrimitives.ReadUInt64LittleEndian(bytes) % 8);
            var back = Safetensors.Load(path);
            Assert.Equal(tensors["z.weight"].ToArray(), back["z.weight"].ToArray());
            Assert.Equal([2, 3], back["z.weight"].Shape);
            Assert.Equal(tensors["a.bias"].ToArray(), back["a.bias"].ToArray());
        }
        finally { File.Delete(path); }
    }
}
