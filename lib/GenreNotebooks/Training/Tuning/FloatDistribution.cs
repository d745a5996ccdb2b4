using System.Globalization;

namespace GenreNotebooks.Training.Tuning;

/// <summary>
/// A real parameter in [<see cref="Low"/>, <see cref="High"/>] (Optuna's <c>FloatDistribution</c>, made by
/// <see cref="Trial.SuggestFloat"/>): uniform, log-uniform (<see cref="Log"/>, for learning rates and other scales)
/// or on the grid low, low + step, ... (<see cref="Step"/>). As in Optuna, log and step do not combine, and a
/// <see cref="High"/> that is not on the grid is lowered to the last grid value below it.
/// </summary>
public sealed class FloatDistribution : BaseDistribution
{
    /// <summary>Checks and stores the space.</summary>
    /// <exception cref="ArgumentException">A bound is not finite, low &gt; high, log with low &lt;= 0, a step that is not positive, or log with a step.</exception>
    public FloatDistribution(double low, double high, bool log = false, double? step = null)
    {
        if (Problem(low, high, log, step) is string problem) throw new ArgumentException(problem);
        Low = low;
        High = step is double s ? AdjustHigh(low, high, s) : high;
        Log = log;
        Step = step;
    }

    /// <summary>The smallest value.</summary>
    public double Low { get; }

    /// <summary>The largest value (on the grid when there is a step).</summary>
    public double High { get; }

    /// <summary>Log-uniform: log(x) is uniform in [log low, log high] for random search, and TPE models log(x).</summary>
    public bool Log { get; }

    /// <summary>The grid spacing, or null for a continuous parameter.</summary>
    public double? Step { get; }

    /// <inheritdoc />
    public override bool Single => Low == High;

    internal override double SingleValue => Low;

    internal override NumericSpace Numeric => new(Low, High, Step, Log, IsInt: false);

    /// <summary>What is wrong with these arguments, or null when nothing is.</summary>
    internal static string? Problem(double low, double high, bool log, double? step)
    {
        if (!double.IsFinite(low) || !double.IsFinite(high)) return $"low and high must be finite numbers, got low = {F(low)} and high = {F(high)}.";
        if (low > high) return $"low ({F(low)}) must not be greater than high ({F(high)}).";
        if (log && low <= 0) return $"log = true needs low > 0 (the search is uniform in log x), got low = {F(low)}.";
        if (step is double s)
        {
            if (!(s > 0) || !double.IsFinite(s)) return $"step must be a positive number, got {F(s)}.";
            if (log) return "step cannot be combined with log = true (as in Optuna): choose one.";
        }
        return null;
    }

    /// <summary>The last value low + k step not above high (Optuna's rule), with a tolerance for decimal steps such as 0.1.</summary>
    private static double AdjustHigh(double low, double high, double step)
    {
        double k = Math.Floor((high - low) / step + 1e-9);
        double adjusted = NumericSpace.GridValue(low, k, step);
        return adjusted > high ? high : adjusted;
    }

    /// <inheritdoc />
    public override double ToInternalRepr(object value) => value switch
    {
        double d => d,
        float f => f,
        int i => i,
        long l => l,
        _ => throw new ArgumentException($"{value} ({value.GetType().Name}) is not a number of {this}.", nameof(value)),
    };

    /// <inheritdoc />
    public override object ToExternalRepr(double internalValue) => internalValue;

    /// <inheritdoc />
    public override bool Contains(double internalValue)
    {
        if (!(internalValue >= Low && internalValue <= High)) return false;
        if (Step is not double s) return true;
        double k = (internalValue - Low) / s;
        return Math.Abs(k - Math.Round(k)) < 1e-8;
    }

    /// <inheritdoc />
    public override bool Equals(BaseDistribution? other) =>
        other is FloatDistribution o && o.Low.Equals(Low) && o.High.Equals(High) && o.Log == Log && Nullable.Equals(o.Step, Step);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Low, High, Log, Step);

    /// <summary>Optuna-style text, e.g. <c>FloatDistribution(low=0.0001, high=0.01, log=true, step=null)</c>.</summary>
    public override string ToString() =>
        $"FloatDistribution(low={F(Low)}, high={F(High)}, log={(Log ? "true" : "false")}, step={(Step is double s ? F(s) : "null")})";

    private static string F(double v) => v.ToString("R", CultureInfo.InvariantCulture);
}
