using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;

namespace GenreNotebooks.Nn.Serialization;

/// <summary>
/// Reads and writes the safetensors format (Hugging Face <c>safetensors.torch.save_file</c>/<c>load_file</c>):
/// an 8-byte little-endian header length, a JSON header <c>{name: {"dtype": "F32", "shape": [...],
/// "data_offsets": [begin, end]}}</c>, then the little-endian data. Only F32 tensors are supported. The header may
/// hold a <c>__metadata__</c> object of string pairs (<c>save_file(tensors, path, metadata={...})</c>), written first
/// by <see cref="Save(string, IReadOnlyDictionary{string, Tensor}, IReadOnlyDictionary{string, string}?)"/> and read by
/// <see cref="ReadMetadata"/>.
/// </summary>
public static class Safetensors
{
    /// <summary>Writes <paramref name="tensors"/> (sorted by name) to <paramref name="path"/>.</summary>
    public static void Save(string path, IReadOnlyDictionary<string, Tensor> tensors) => Save(path, tensors, metadata: null);

    /// <summary>
    /// Writes <paramref name="tensors"/> (sorted by name) to <paramref name="path"/> with <paramref name="metadata"/> as
    /// the header's <c>__metadata__</c> object (text values, in the dictionary's order; none when null or empty), as
    /// <c>safetensors.torch.save_file(tensors, path, metadata=metadata)</c>.
    /// </summary>
    /// <exception cref="ArgumentException">A tensor is named <c>__metadata__</c>, or a metadata value is null.</exception>
    public static void Save(string path, IReadOnlyDictionary<string, Tensor> tensors, IReadOnlyDictionary<string, string>? metadata)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(tensors);
        if (tensors.ContainsKey(MetadataKey)) throw new ArgumentException($"a tensor may not be named '{MetadataKey}'", nameof(tensors));
        var names = tensors.Keys.OrderBy(k => k, StringComparer.Ordinal).ToList();
        var header = new Dictionary<string, object>();
        if (metadata is { Count: > 0 })
        {
            foreach (var (key, value) in metadata)
                if (value is null) throw new ArgumentException($"metadata value of '{key}' is null", nameof(metadata));
            header[MetadataKey] = metadata.ToDictionary(p => p.Key, p => p.Value);
        }
        long offset = 0;
        foreach (var name in names)
        {
            var t = tensors[name];
            long bytes = (long)t.Numel * sizeof(float);
            header[name] = new { dtype = "F32", shape = t.Shape.ToArray(), data_offsets = new[] { offset, offset + bytes } };
            offset += bytes;
        }
        // Relaxed escaping keeps quotes and non-ASCII text readable in the header (still valid JSON, as the reference writer's).
        var json = JsonSerializer.Serialize(header, HeaderJson);
        // Pad with spaces so the data starts 8-byte aligned, as the reference writer does.
        // Padded in bytes, not characters: non-ASCII text in the metadata takes several bytes per character.
        int jsonBytes = Encoding.UTF8.GetByteCount(json);
        var headerBytes = new byte[(jsonBytes + 7) / 8 * 8];
        Encoding.UTF8.GetBytes(json, headerBytes);
        headerBytes.AsSpan(jsonBytes).Fill((byte)' ');
        using var stream = File.Create(path);
        Span<byte> len = stackalloc byte[8];
        Span<byte> word = stackalloc byte[4];
        BinaryPrimitives.WriteUInt64LittleEndian(len, (ulong)headerBytes.Length);
        stream.Write(len);
        stream.Write(headerBytes);
        foreach (var name in names)
        {
            var data = tensors[name].AsSpan();
            if (BitConverter.IsLittleEndian) stream.Write(MemoryMarshal.AsBytes(data));
            else foreach (float v in data) { BinaryPrimitives.WriteSingleLittleEndian(word, v); stream.Write(word); }
        }
    }

    private static readonly JsonSerializerOptions HeaderJson = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The header entry holding the text metadata.</summary>
    public const string MetadataKey = "__metadata__";

    /// <summary>
    /// The <c>__metadata__</c> pairs of a safetensors file (empty when it has none), reading only the header
    /// (<c>safe_open(path).metadata()</c>).
    /// </summary>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="InvalidDataException">Truncated file, bad header, or a metadata value that is not a string; names the file.</exception>
    public static IReadOnlyDictionary<string, string> ReadMetadata(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        using var stream = File.OpenRead(path);
        Span<byte> len = stackalloc byte[8];
        if (stream.ReadAtLeast(len, 8, throwOnEndOfStream: false) < 8)
            throw new InvalidDataException($"Safetensors: '{path}' is too short ({stream.Length} bytes) to hold a header.");
        ulong headerLength = BinaryPrimitives.ReadUInt64LittleEndian(len);
        if (headerLength > (ulong)(stream.Length - 8))
            throw new InvalidDataException($"Safetensors: '{path}' declares a {headerLength}-byte header but has only {stream.Length - 8} bytes after the length.");
        var header = new byte[headerLength];
        stream.ReadExactly(header);
        using var doc = ParseHeader(path, header);
        return Metadata(path, doc.RootElement);
    }

    private static JsonDocument ParseHeader(string path, ReadOnlyMemory<byte> header)
    {
        JsonDocument doc;
        try { doc = JsonDocument.Parse(header); }
        catch (JsonException e) { throw new InvalidDataException($"Safetensors: '{path}' has an invalid JSON header: {e.Message}", e); }
        if (doc.RootElement.ValueKind != JsonValueKind.Object)
        {
            var kind = doc.RootElement.ValueKind;
            doc.Dispose();
            throw new InvalidDataException($"Safetensors: '{path}' has a JSON header that is a {kind}, not an object.");
        }
        return doc;
    }

    private static Dictionary<string, string> Metadata(string path, JsonElement root)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!root.TryGetProperty(MetadataKey, out var meta)) return result;
        if (meta.ValueKind != JsonValueKind.Object)
            throw new InvalidDataException($"Safetensors: '{path}' has a {MetadataKey} entry that is a {meta.ValueKind}, not an object of strings.");
        foreach (var p in meta.EnumerateObject())
        {
            if (p.Value.ValueKind != JsonValueKind.String)
                throw new InvalidDataException($"Safetensors: '{path}' metadata key '{p.Name}' holds a {p.Value.ValueKind}, not a string.");
            result[p.Name] = p.Value.GetString()!;
        }
        return result;
    }

    /// <summary>
    /// Reads every tensor of a safetensors file; the optional <c>__metadata__</c> entry (string pairs) is ignored
    /// (see <see cref="ReadMetadata"/>).
    /// </summary>
    /// <exception cref="InvalidDataException">
    /// Truncated file, bad or incomplete header, unsupported dtype, or offsets that do not match shapes; names the file.
    /// </exception>
    public static Dictionary<string, Tensor> Load(string path) => Load(path, skip: null);

    /// <summary>
    /// <see cref="Load(string)"/>, leaving out the entries whose name <paramref name="skip"/> accepts (before their dtype
    /// is checked, so they may hold any dtype).
    /// </summary>
    internal static Dictionary<string, Tensor> Load(string path, Func<string, bool>? skip)
    {
        var bytes = File.ReadAllBytes(path);
        if (bytes.Length < 8) throw new InvalidDataException($"Safetensors: '{path}' is too short ({bytes.Length} bytes) to hold a header.");
        ulong headerLength = BinaryPrimitives.ReadUInt64LittleEndian(bytes);
        if (headerLength > (ulong)(bytes.Length - 8))
            throw new InvalidDataException($"Safetensors: '{path}' declares a {headerLength}-byte header but has only {bytes.Length - 8} bytes after the length.");
        int dataStart = 8 + (int)headerLength;
        var result = new Dictionary<string, Tensor>();
        using (var doc = ParseHeader(path, bytes.AsMemory(8, (int)headerLength)))
        {
            foreach (var entry in doc.RootElement.EnumerateObject())
            {
                if (entry.Name == MetadataKey || (skip is not null && skip(entry.Name))) continue;
                var (dtype, shape, offsets) = ReadEntry(path, entry);
                if (dtype != "F32") throw new InvalidDataException($"Safetensors: '{path}' tensor '{entry.Name}' has dtype {dtype}; only F32 is supported.");
                long numel = shape.Aggregate(1L, (a, b) => a * b);
                if (offsets.Length != 2 || offsets[1] - offsets[0] != numel * 4 || offsets[0] < 0 || dataStart + offsets[1] > bytes.Length)
                    throw new InvalidDataException($"Safetensors: '{path}' tensor '{entry.Name}' has data offsets [{string.Join(", ", offsets)}] that do not fit shape {Tensor.ShapeString(shape)} and the file size.");
                var values = new float[numel];
                var src = bytes.AsSpan(dataStart + (int)offsets[0], (int)(numel * 4));
                if (BitConverter.IsLittleEndian) MemoryMarshal.Cast<byte, float>(src).CopyTo(values);
                else for (int i = 0; i < values.Length; i++) values[i] = BinaryPrimitives.ReadSingleLittleEndian(src[(i * 4)..]);
                result[entry.Name] = new Tensor(values, shape);
            }
        }
        return result;
    }

    /// <summary>The dtype, shape and data offsets of one header entry; a missing or mistyped field is an <see cref="InvalidDataException"/>.</summary>
    private static (string Dtype, int[] Shape, long[] Offsets) ReadEntry(string path, JsonProperty entry)
    {
        try
        {
            var e = entry.Value;
            string dtype = e.GetProperty("dtype").GetString() ?? "";
            var shape = e.GetProperty("shape").EnumerateArray().Select(v => v.GetInt32()).ToArray();
            var offsets = e.GetProperty("data_offsets").EnumerateArray().Select(v => v.GetInt64()).ToArray();
            if (shape.Any(d => d < 0)) throw new FormatException($"negative dimension in shape {Tensor.ShapeString(shape)}");
            return (dtype, shape, offsets);
        }
        catch (Exception ex) when (ex is KeyNotFoundException or InvalidOperationException or FormatException)
        {
            throw new InvalidDataException(
                $"Safetensors: '{path}' tensor '{entry.Name}' has a malformed header entry (needs \"dtype\", \"shape\" and \"data_offsets\"): {ex.Message}", ex);
        }
    }
}
