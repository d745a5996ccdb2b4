using System.Text.Json;

namespace GenreNotebooks.Tests.Exploration;

/// <summary>Reads Data/scipy/reference.json, written by Data/scipy/make_reference.py (numpy 1.24.2, scipy 1.10.1).</summary>
internal static class ScipyReference
{
    private static readonly Lazy<JsonDocument> Doc = new(() =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Data", "scipy", "reference.json"))));

    public static JsonElement Root => Doc.Value.RootElement;

    public static double[] Vector(this JsonElement e) =>
        e.EnumerateArray().Select(v => v.ValueKind == JsonValueKind.Number ? v.GetDouble() : double.NaN).ToArray();

    public static double[][] Matrix(this JsonElement e) => e.EnumerateArray().Select(Vector).ToArray();

    public static string[] Strings(this JsonElement e) => e.EnumerateArray().Select(v => v.GetString()!).ToArray();

    public static double Number(this JsonElement e, string name) => e.GetProperty(name).GetDouble();

    /// <summary>max |a - b| / max(1, |b|) over all entries: relative for large values, absolute near zero.</summary>
    public static double MaxScaledError(IReadOnlyList<double> actual, IReadOnlyList<double> expected)
    {
        Assert.Equal(expected.Count, actual.Count);
        double worst = 0;
        for (int i = 0; i < expected.Count; i++)
            worst = Math.Max(worst, Math.Abs(actual[i] - expected[i]) / Math.Max(1.0, Math.Abs(expected[i])));
        return worst;
    }

    public static double MaxRelativeError(IReadOnlyList<double> actual, IReadOnlyList<double> expected)
    {
        Assert.Equal(expected.Count, actual.Count);
        double scale = expected.Max(Math.Abs);
        double worst = 0;
        for (int i = 0; i < expected.Count; i++) worst = Math.Max(worst, Math.Abs(actual[i] - expected[i]) / scale);
        return worst;
    }
}
