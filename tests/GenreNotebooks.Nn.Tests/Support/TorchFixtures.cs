using System.Text.Json;

namespace GenreNotebooks.Nn.Tests.Support;

public sealed record TorchTensor(int[] Shape, float[] Data)
{
    public Tensor ToTensor() => new((float[])Data.Clone(), Shape);
    public int[] AsInts() => Data.Select(v => (int)v).ToArray();
}

public sealed record TorchCase(string Name, string Op, Dictionary<string, JsonElement> Params, Dictionary<string, TorchTensor> Tensors)
{
    public TorchTensor this[string name] => Tensors[name];
    public override string ToString() => Name;
}

public sealed record TorchFixture(string Format, string TorchVersion, List<TorchCase> Cases);

public static class TorchFixtures
{
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNameCaseInsensitive = true,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
    };

    public static TorchFixture Load(string file)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Data", "torch", file);
        return JsonSerializer.Deserialize<TorchFixture>(File.ReadAllText(path), Options)
               ?? throw new InvalidDataException($"{path}: empty fixture");
    }

    public static TorchCase Case(string file, string name) => Load(file).Cases.Single(c => c.Name == name);

    public static IEnumerable<object[]> Names(string file) => Load(file).Cases.Select(c => new object[] { c.Name });
}
