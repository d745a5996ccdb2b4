using GenreNotebooks.Training.Tuning;

namespace GenreNotebooks.Tests.Training.Tuning;

public sealed class StudyFileTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    /// <summary>A study with every kind of parameter, state, attribute and awkward number.</summary>
    private static Study Varied()
    {
        var study = Study.Create(direction: StudyDirection.Maximize, sampler: new TpeSampler(3, nStartupTrials: 2, multivariate: true),
            pruner: new PercentilePruner(25, nStartupTrials: 1, nWarmupSteps: 2, intervalSteps: 2, nMinTrials: 2), studyName: "varied");
        study.Optimize(t =>
        {
            t.SuggestFloat("lr", 1e-4, 1e-2, log: true);
            t.SuggestFloat("dropout", 0.1, 0.5, step: 0.1);
            t.SuggestInt("filters", 8, 128, log: true);
            t.SuggestInt("kernel", 3, 7, step: 2);
            t.SuggestCategorical("opt", ["adam", "sgd"]);
            t.SuggestCategorical("bn", [true, false]);
            t.SuggestCategorical("scale", [0.5, 1.0, 0.1 + 0.2]);
            t.SetUserAttr("val_accuracy", 0.1 + 0.2);
            t.SetUserAttr("note", "a \"quoted\", text");
            t.SetUserAttr("early_stopped", t.Number % 2 == 0);
            t.Report(double.NaN, 0);
            t.Report(1e-300, 1);
            return t.Number switch
            {
                0 => double.PositiveInfinity,
                1 => throw new TrialPrunedException(),
                2 => throw new InvalidOperationException("boom \u00e9"),
                _ => 0.1 + 0.2 * t.Number,
            };
        }, nTrials: 6);
        return study;
    }

    [Fact]
    public void A_study_survives_a_json_round_trip_bit_for_bit()
    {
        var study = Varied();
        var json = study.ToJson();
        var back = Study.FromJson(json);
        Assert.Equal(json, back.ToJson());
        Assert.Equal("varied", back.StudyName);
        Assert.Equal(StudyDirection.Maximize, back.Direction);
        var tpe = Assert.IsType<TpeSampler>(back.Sampler);
        Assert.True(tpe.Multivariate);
        Assert.Equal(2, tpe.NStartupTrials);
        var pruner = Assert.IsType<PercentilePruner>(back.Pruner);
        Assert.Equal((25.0, 1, 2, 2, 2), (pruner.Percentile, pruner.NStartupTrials, pruner.NWarmupSteps, pruner.IntervalSteps, pruner.NMinTrials));
        for (int i = 0; i < study.Trials.Count; i++)
        {
            var (a, b) = (study.Trials[i], back.Trials[i]);
            Assert.Equal(a.State, b.State);
            Assert.Equal(a.Value, b.Value);
            Assert.Equal(a.Params, b.Params);
            Assert.Equal(a.Distributions, b.Distributions);
            Assert.Equal(a.IntermediateValues, b.IntermediateValues);
            Assert.Equal(a.UserAttrs, b.UserAttrs);
            Assert.Equal(a.DatetimeStart, b.DatetimeStart);
            Assert.Equal(a.Duration, b.Duration);
            Assert.Equal(a.FailReason, b.FailReason);
        }
        Assert.Equal(double.PositiveInfinity, back.Trials[0].Value);
        Assert.True(double.IsNaN(back.Trials[0].IntermediateValues[0]));
        Assert.Equal(1e-300, back.Trials[0].IntermediateValues[1]);
        Assert.Equal(TrialState.Pruned, back.Trials[1].State);
        Assert.Equal(1e-300, back.Trials[1].Value);
        Assert.Equal("InvalidOperationException: boom \u00e9", back.Trials[2].FailReason);
        Assert.Equal(0.1 + 0.2, back.Trials[0].UserAttrs["val_accuracy"]);
        Assert.IsType<int>(back.Trials[0].Params["filters"]);
        Assert.IsType<bool>(back.Trials[0].Params["bn"]);
        Assert.Contains("\"lr\": 0.00", json);   // parameters are written as their values, for a reader
    }

    [Fact]
    public void A_resumed_study_goes_on_as_the_original_would()
    {
        var study = Varied();
        var back = Study.FromJson(study.ToJson());
        double Objective(Trial t) => t.SuggestFloat("lr", 1e-4, 1e-2, log: true) * 100 + t.SuggestInt("kernel", 3, 7, step: 2);
        study.Optimize(Objective, nTrials: 4);
        back.Optimize(Objective, nTrials: 4);
        Assert.Equal(study.Trials.Skip(6).Select(t => t.Params["lr"]), back.Trials.Skip(6).Select(t => t.Params["lr"]));
    }

    [Theory]
    [InlineData("{ not json", "not valid JSON")]
    [InlineData("[1, 2]", "not an object")]
    [InlineData("{\"format\": \"something-else\"}", "format is not")]
    [InlineData("{\"format\": \"genre-notebooks-study\", \"version\": 99}", "version 99 is not supported")]
    public void A_file_that_is_not_a_study_gives_an_error_naming_the_file_and_the_problem(string content, string expected)
    {
        var path = _folder.File("broken.json");
        File.WriteAllText(path, content);
        var e = Assert.Throws<InvalidDataException>(() => Study.Load(path));
        Assert.Contains(path, e.Message);
        Assert.Contains(expected, e.Message);
    }

    [Fact]
    public void A_hand_edited_parameter_outside_its_distribution_is_reported_with_its_trial()
    {
        var study = Study.Create(sampler: new RandomSampler(0), pruner: new NopPruner());
        study.Optimize(t => t.SuggestFloat("dropout", 0.1, 0.5), nTrials: 2);
        var json = study.ToJson();
        var edited = System.Text.RegularExpressions.Regex.Replace(json, "\"dropout\": 0\\.[0-9]+", "\"dropout\": 0.9");
        var e = Assert.Throws<InvalidDataException>(() => Study.FromJson(edited));
        Assert.Contains("trial 0: parameter 'dropout' = 0.9 is outside", e.Message);
    }

    [Fact]
    public void A_sampler_of_ones_own_must_be_passed_again()
    {
        var study = Study.Create(sampler: new FixedSampler(), pruner: new NopPruner());
        study.Optimize(t => t.SuggestFloat("x", 0, 1), nTrials: 2);
        var json = study.ToJson();
        Assert.Contains("cannot be rebuilt", Assert.Throws<ArgumentException>(() => Study.FromJson(json)).Message);
        var back = Study.FromJson(json, sampler: new FixedSampler());
        Assert.Equal(0.25, back.Trials[1].Params["x"]);
    }

    private sealed class FixedSampler : ISampler
    {
        public IReadOnlyDictionary<string, BaseDistribution> InferRelativeSearchSpace(Study study, FrozenTrial trial) => new Dictionary<string, BaseDistribution>();

        public IReadOnlyDictionary<string, double> SampleRelative(Study study, FrozenTrial trial, IReadOnlyDictionary<string, BaseDistribution> searchSpace) =>
            new Dictionary<string, double>();

        public double SampleIndependent(Study study, FrozenTrial trial, string paramName, BaseDistribution distribution) => 0.25;
    }
}
