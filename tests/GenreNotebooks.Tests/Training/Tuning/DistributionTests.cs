using GenreNotebooks.Training.Tuning;

namespace GenreNotebooks.Tests.Training.Tuning;

public sealed class DistributionTests
{
    [Theory]
    [InlineData(0.5, 0.1, false, "must not be greater than high")]
    [InlineData(0.0, 1.0, true, "log = true needs low > 0")]
    [InlineData(-1.0, 1.0, true, "log = true needs low > 0")]
    [InlineData(double.NaN, 1.0, false, "finite")]
    [InlineData(0.0, double.PositiveInfinity, false, "finite")]
    public void Bad_float_bounds_are_refused_with_a_message_saying_what_is_wrong(double low, double high, bool log, string expected)
    {
        var e = Assert.Throws<ArgumentException>(() => new FloatDistribution(low, high, log));
        Assert.Contains(expected, e.Message);
    }

    [Fact]
    public void A_float_step_must_be_positive_and_cannot_go_with_log()
    {
        Assert.Contains("positive", Assert.Throws<ArgumentException>(() => new FloatDistribution(0, 1, step: 0)).Message);
        Assert.Contains("positive", Assert.Throws<ArgumentException>(() => new FloatDistribution(0, 1, step: -0.1)).Message);
        Assert.Contains("cannot be combined", Assert.Throws<ArgumentException>(() => new FloatDistribution(0.1, 1, log: true, step: 0.1)).Message);
    }

    [Fact]
    public void A_high_off_the_grid_is_lowered_to_the_last_grid_value_and_decimal_steps_stay_exact()
    {
        Assert.Equal(0.9, new FloatDistribution(0.1, 0.95, step: 0.2).High);
        Assert.Equal(0.5, new FloatDistribution(0.1, 0.5, step: 0.1).High);   // (0.5 - 0.1) / 0.1 is 3.9999999999999996 in doubles
        Assert.Equal(9, new IntDistribution(1, 10, step: 2).High);
        Assert.Equal(10, new IntDistribution(0, 10, step: 2).High);
        Assert.True(new FloatDistribution(0.1, 0.5, step: 0.1).Contains(0.3));
        Assert.False(new FloatDistribution(0.1, 0.5, step: 0.1).Contains(0.35));
    }

    [Theory]
    [InlineData(5, 1, false, 1, "must not be greater than high")]
    [InlineData(1, 5, false, 0, "step must be at least 1")]
    [InlineData(0, 5, true, 1, "log = true needs low >= 1")]
    [InlineData(1, 9, true, 2, "log = true needs step = 1")]
    public void Bad_int_arguments_are_refused(int low, int high, bool log, int step, string expected)
    {
        var e = Assert.Throws<ArgumentException>(() => new IntDistribution(low, high, log, step));
        Assert.Contains(expected, e.Message);
    }

    [Fact]
    public void Categorical_choices_must_be_one_saveable_type_without_null_or_nan()
    {
        Assert.Contains("must not be empty", Assert.Throws<ArgumentException>(() => new CategoricalDistribution([])).Message);
        Assert.Contains("one type", Assert.Throws<ArgumentException>(() => new CategoricalDistribution(["a", 1])).Message);
        Assert.Contains("NaN", Assert.Throws<ArgumentException>(() => new CategoricalDistribution([1.0, double.NaN])).Message);
        Assert.Contains("cannot be saved", Assert.Throws<ArgumentException>(() => new CategoricalDistribution([DayOfWeek.Monday])).Message);
    }

    [Fact]
    public void Distributions_are_equal_when_they_describe_the_same_space()
    {
        Assert.Equal(new FloatDistribution(1e-4, 1e-2, log: true), new FloatDistribution(1e-4, 1e-2, log: true));
        Assert.NotEqual(new FloatDistribution(1e-4, 1e-2, log: true), new FloatDistribution(1e-4, 1e-2));
        Assert.NotEqual<BaseDistribution>(new FloatDistribution(1, 5), new IntDistribution(1, 5));
        Assert.Equal(new CategoricalDistribution(["adam", "sgd"]), new CategoricalDistribution(["adam", "sgd"]));
        Assert.NotEqual(new CategoricalDistribution(["adam", "sgd"]), new CategoricalDistribution(["sgd", "adam"]));
        Assert.NotEqual(new CategoricalDistribution([1]), new CategoricalDistribution([1L]));
        Assert.Equal("FloatDistribution(low=0.0001, high=0.01, log=true, step=null)", new FloatDistribution(1e-4, 1e-2, log: true).ToString());
    }

    [Fact]
    public void Internal_representation_is_the_value_or_the_choice_index()
    {
        var c = new CategoricalDistribution(["adam", "sgd", "rmsprop"]);
        Assert.Equal(2, c.ToInternalRepr("rmsprop"));
        Assert.Equal("sgd", c.ToExternalRepr(1));
        Assert.Throws<ArgumentException>(() => c.ToInternalRepr("lion"));
        Assert.Equal(3, new IntDistribution(1, 5).ToExternalRepr(3.0));
        Assert.IsType<int>(new IntDistribution(1, 5).ToExternalRepr(3.0));
    }
}
