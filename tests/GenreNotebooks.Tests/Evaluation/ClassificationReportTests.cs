using GenreNotebooks.Evaluation;

namespace GenreNotebooks.Tests.Evaluation;

public class ClassificationReportTests
{
    // Hand-computed example: class "c" has one true sample and is never predicted.
    //   confusion (true \ pred)   a b c
    //                         a   2 1 0
    //                         b   1 1 0
    //                         c   0 1 0
    private static readonly int[] YTrue = [0, 0, 0, 1, 1, 2];
    private static readonly int[] YPred = [0, 0, 1, 1, 0, 1];
    private static readonly string[] Labels = ["a", "b", "c"];

    [Fact]
    public void Per_class_precision_recall_f1_match_hand_computation()
    {
        var r = ClassificationReport.Compute(YTrue, YPred, Labels);
        Assert.Equal(2.0 / 3, r.Classes[0].Precision, 12);
        Assert.Equal(2.0 / 3, r.Classes[0].Recall, 12);
        Assert.Equal(2.0 / 3, r.Classes[0].F1, 12);
        Assert.Equal(1.0 / 3, r.Classes[1].Precision, 12);
        Assert.Equal(0.5, r.Classes[1].Recall, 12);
        Assert.Equal(0.4, r.Classes[1].F1, 12);
        Assert.Equal([3, 2, 1], r.Classes.Select(c => c.Support));
        Assert.Equal(0.5, r.Accuracy, 12);
    }

    [Fact]
    public void Class_never_predicted_gets_precision_zero_and_a_warning_like_sklearn()
    {
        var r = ClassificationReport.Compute(YTrue, YPred, Labels);
        var c = r.Classes[2];
        Assert.Equal(0.0, c.Precision);
        Assert.Equal(0.0, c.Recall);
        Assert.Equal(0.0, c.F1);
        Assert.True(c.PrecisionUndefined);
        Assert.False(c.RecallUndefined);
        Assert.False(r.Classes[0].PrecisionUndefined);
        Assert.True(r.HasUndefinedMetrics);
        var w = Assert.Single(r.Warnings);
        Assert.Contains("Precision is ill-defined", w);
        Assert.EndsWith(": c", w);
    }

    [Fact]
    public void Zero_division_one_sets_the_undefined_precision_to_one()
    {
        var r = ClassificationReport.Compute(YTrue, YPred, Labels, zeroDivision: 1);
        Assert.Equal(1.0, r.Classes[2].Precision);
        Assert.Equal(0.0, r.Classes[2].F1);   // 2TP+FP+FN = 1 is defined
        Assert.Equal((2.0 / 3 + 1.0 / 3 + 1) / 3, r.MacroAverage.Precision, 12);
    }

    [Fact]
    public void Class_with_no_samples_at_all_is_flagged_for_recall_and_f1()
    {
        var r = ClassificationReport.Compute([0, 1, 1], [0, 1, 0], ["x", "y", "z"]);
        var z = r.Classes[2];
        Assert.True(z.PrecisionUndefined);
        Assert.True(z.RecallUndefined);
        Assert.Equal(0, z.Support);
        Assert.Equal(3, r.Warnings.Count);
        Assert.Equal((2.0 / 3 + 2.0 / 3 + 0) / 3, r.MacroAverage.F1, 12);   // the empty class still counts in the macro mean, as sklearn
    }

    [Fact]
    public void Macro_and_weighted_averages_match_hand_computation()
    {
        var r = ClassificationReport.Compute(YTrue, YPred, Labels);
        Assert.Equal(1.0 / 3, r.MacroAverage.Precision, 12);
        Assert.Equal(7.0 / 18, r.MacroAverage.Recall, 12);
        Assert.Equal((2.0 / 3 + 0.4) / 3, r.MacroAverage.F1, 12);
        Assert.Equal((2.0 + 2.0 / 3) / 6, r.WeightedAverage.Precision, 12);
        Assert.Equal(r.Accuracy, r.WeightedAverage.Recall, 12);        // support-weighted recall is the accuracy
        Assert.Equal((2.0 + 0.8) / 6, r.WeightedAverage.F1, 12);
        Assert.Equal(6, r.WeightedAverage.Support);
    }

    [Fact]
    public void Text_layout_is_sklearn_classification_report()
    {
        string expected =
            "              precision    recall  f1-score   support\n" +
            "\n" +
            "           a       0.67      0.67      0.67         3\n" +
            "           b       0.33      0.50      0.40         2\n" +
            "           c       0.00      0.00      0.00         1\n" +
            "\n" +
            "    accuracy                           0.50         6\n" +
            "   macro avg       0.33      0.39      0.36         6\n" +
            "weighted avg       0.44      0.50      0.47         6\n";
        Assert.Equal(expected, ClassificationReport.Compute(YTrue, YPred, Labels).ToString());
    }

    [Fact]
    public void Long_labels_widen_the_first_column_and_html_has_every_row()
    {
        var r = ClassificationReport.Compute([0, 1], [0, 1], ["classical-and-more", "rock"]);
        var lines = r.ToString(3).Split('\n');
        Assert.StartsWith("classical-and-more      1.000", lines[2]);
        string html = r.ToHtml();
        Assert.Contains(">classical-and-more</td>", html);
        Assert.Contains(">weighted avg</td>", html);
        Assert.Equal(6, html.Split("<tr>").Length - 1);   // header + 2 classes + accuracy + 2 averages
    }

    [Fact]
    public void Report_from_summed_fold_matrices_equals_report_of_all_predictions()
    {
        var fold1 = ConfusionMatrix.Compute(YTrue[..3], YPred[..3], Labels);
        var fold2 = ConfusionMatrix.Compute(YTrue[3..], YPred[3..], Labels);
        var whole = ClassificationReport.Compute(YTrue, YPred, Labels);
        var summed = ClassificationReport.FromConfusionMatrix(ConfusionMatrix.Sum([fold1, fold2]));
        Assert.Equal(whole.ToString(4), summed.ToString(4));
    }

    [Fact]
    public void Bad_inputs_are_refused_with_a_named_problem()
    {
        var e1 = Assert.Throws<ArgumentException>(() => ClassificationReport.Compute([0, 1], [0], Labels));
        Assert.Contains("yTrue has 2 labels but yPred has 1", e1.Message);
        var e2 = Assert.Throws<ArgumentOutOfRangeException>(() => ClassificationReport.Compute([0, 3], [0, 1], Labels));
        Assert.Contains("yTrue[1] = 3", e2.Message);
        Assert.Throws<ArgumentException>(() => ClassificationReport.Compute([], [], Labels));
        Assert.Throws<ArgumentException>(() => ClassificationReport.Compute([0], [0], Labels, zeroDivision: 0.5));
        Assert.Throws<ArgumentException>(() => ClassificationReport.Compute([0], [0], ["a", "a"]));
    }
}
