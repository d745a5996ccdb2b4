using System.Text.Json;
using GenreNotebooks.Evaluation;

namespace GenreNotebooks.Tests.Evaluation;

/// <summary>
/// Compares with values scikit-learn 1.2.1 computed for the same labels (Data/sklearn/make_reference.py).
/// </summary>
public class SklearnReferenceTests
{
    public static TheoryData<string> Cases() => new() { "ten-genres", "four-genres-one-never-predicted", "five-genres-one-absent" };

    private static JsonElement Case(string name)
    {
        string path = Path.Combine(AppContext.BaseDirectory, "Data", "sklearn", "reference.json");
        using var doc = JsonDocument.Parse(File.ReadAllText(path));
        return doc.RootElement.GetProperty("cases").EnumerateArray().Single(c => c.GetProperty("name").GetString() == name).Clone();
    }

    private static int[] Ints(JsonElement e) => e.EnumerateArray().Select(x => x.GetInt32()).ToArray();
    private static double[] Doubles(JsonElement e) => e.EnumerateArray().Select(x => x.GetDouble()).ToArray();

    [Theory]
    [MemberData(nameof(Cases))]
    public void Report_numbers_match_sklearn_within_1e_12(string name)
    {
        var c = Case(name);
        string[] labels = c.GetProperty("labels").EnumerateArray().Select(x => x.GetString()!).ToArray();
        var r = ClassificationReport.Compute(Ints(c.GetProperty("y_true")), Ints(c.GetProperty("y_pred")), labels);
        var p = Doubles(c.GetProperty("precision"));
        var rec = Doubles(c.GetProperty("recall"));
        var f = Doubles(c.GetProperty("f1"));
        var s = Ints(c.GetProperty("support"));
        for (int k = 0; k < labels.Length; k++)
        {
            Assert.Equal(p[k], r.Classes[k].Precision, 1e-12);
            Assert.Equal(rec[k], r.Classes[k].Recall, 1e-12);
            Assert.Equal(f[k], r.Classes[k].F1, 1e-12);
            Assert.Equal(s[k], r.Classes[k].Support);
        }
        Assert.Equal(c.GetProperty("accuracy").GetDouble(), r.Accuracy, 1e-12);
        Assert.Equal(c.GetProperty("warning_count").GetInt32() > 0, r.HasUndefinedMetrics);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Report_text_is_identical_to_sklearn_classification_report(string name)
    {
        var c = Case(name);
        string[] labels = c.GetProperty("labels").EnumerateArray().Select(x => x.GetString()!).ToArray();
        var r = ClassificationReport.Compute(Ints(c.GetProperty("y_true")), Ints(c.GetProperty("y_pred")), labels);
        Assert.Equal(c.GetProperty("report_digits2").GetString(), r.ToString());
        Assert.Equal(c.GetProperty("report_digits4").GetString(), r.ToString(4));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Confusion_matrix_counts_and_normalised_rows_match_sklearn(string name)
    {
        var c = Case(name);
        string[] labels = c.GetProperty("labels").EnumerateArray().Select(x => x.GetString()!).ToArray();
        var m = ConfusionMatrix.Compute(Ints(c.GetProperty("y_true")), Ints(c.GetProperty("y_pred")), labels);
        var counts = c.GetProperty("confusion").EnumerateArray().Select(Ints).ToArray();
        var norm = c.GetProperty("confusion_normalised").EnumerateArray().Select(Doubles).ToArray();
        var mine = m.RowNormalised();
        for (int i = 0; i < labels.Length; i++)
            for (int j = 0; j < labels.Length; j++)
            {
                Assert.Equal(counts[i][j], m[i, j]);
                Assert.Equal(norm[i][j], mine[i, j], 1e-12);
            }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Top_k_accuracy_matches_sklearn(string name)
    {
        var c = Case(name);
        var rows = c.GetProperty("scores").EnumerateArray().Select(r => r.EnumerateArray().Select(x => (float)x.GetDouble()).ToArray()).ToList();
        var scores = FloatMatrix.FromRows(rows);
        var y = Ints(c.GetProperty("y_true"));
        foreach (var kv in c.GetProperty("top_k").EnumerateObject())
            Assert.Equal(kv.Value.GetDouble(), Metrics.TopKAccuracy(scores, y, int.Parse(kv.Name)), 1e-12);
    }
}
