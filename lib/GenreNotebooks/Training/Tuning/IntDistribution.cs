namespace GenreNotebooks.Training.Tuning;

/// <summary>
/// An integer parameter in [<see cref="Low"/>, <see cref="High"/>] (Optuna's <c>IntDistribution</c>, made by
/// <see cref="Trial.SuggestInt"/>): every <see cref="Step"/>-th integer from low, or log-uniform (<see cref="Log"/>,
/// step 1 only, as in Optuna: each integer k gets the log-width of [k - 0.5, k + 0.5]). A high that is not on the
/// grid is lowered to the last grid value below it.
/// </summary>
public sealed class IntDistribution : BaseDistribution
{
    /// <summary>Checks and stores the space.</summary>
    /// <exception cref="ArgumentException">low &gt; high, a step below 1, log with low &lt; 1, or log with a step other than 1.</exception>
    public IntDistribution(int low, int high, bool log = false, int step = 1)
    {
        if (Problem(low, high, log, step) is string problem) throw new ArgumentException(problem);
        Low = low;
        High = high - (int)(((long)high - low) % step);
        Log = log;
        Step = step;
    }

    /// <summary>The smallest value.</summary>
    public int Low { get; }

    /// <summary>The largest value (on the grid).</summary>
    public int High { get; }

    /// <summary>Log-uniform over the integers.</summary>
    public bool Log { get; }

    /// <summary>The spacing of the allowed values, at least 1.</summary>
    public int Step { get; }

    /// <inheritdoc />
    public override bool Single => Low == High;

    internal override double SingleValue => Low;

    internal override NumericSpace Numeric => new(Low, High, Step, Log, IsInt: true);

    /// <summary>What is wrong with these arguments, or null when nothing is.</summary>
    internal static string? Problem(int low, int high, bool log, int step)
    {
        if (low > high) return $"low ({low}) must not be greater than high ({high}).";
        if (step < 1) return $"step must be at least 1, got {step}.";
        if (log && low < 1) return $"log = true needs low >= 1 (the search is uniform in log x), got low = {low}.";
        if (log && step != 1) return $"log = true needs step = 1 (as in Optuna), got step = {step}.";
        return null;
    }

    /// <inheritdoc />
    public override double ToInternalRepr(object value) => value switch
    {
        int i => i,
        long l when l is >= int.MinValue and <= int.MaxValue => l,
        double d when d == Math.Round(d) && d is >= int.MinValue and <= int.MaxValue => d,
        _ => throw new ArgumentException($"{value} ({value.GetType().Name}) is not an integer of {this}.", nameof(value)),
    };

    /// <inheritdoc />
    public override object ToExternalRepr(double internalValue) => (int)Math.Round(internalValue);

    /// <inheritdoc />
    public override bool Contains(double internalValue) =>
        internalValue >= Low && internalValue <= High && internalValue == Math.Round(internalValue)
        && ((long)internalValue - Low) % Step == 0;

    /// <inheritdoc />
    public override bool Equals(BaseDistribution? other) =>
        other is IntDistribution o && o.Low == Low && o.High == High && o.Log == Log && o.Step == Step;

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Low, High, Log, Step);

    /// <summary>Optuna-style text, e.g. <c>IntDistribution(low=1, high=64, log=true, step=1)</c>.</summary>
    public override string ToString() => $"IntDistribution(low={Low}, high={High}, log={(Log ? "true" : "false")}, step={Step})";
}
