namespace GenreNotebooks.Training.Tuning;

/// <summary>
/// The bounds of a float or int parameter as samplers see them. <see cref="Step"/> is null for a continuous float;
/// an int has step 1 or more. <see cref="Log"/> spaces are searched in log(x).
/// </summary>
internal sealed record NumericSpace(double Low, double High, double? Step, bool Log, bool IsInt)
{
    /// <summary>
    /// The bounds in the transformed domain samplers draw in: a grid widened by half a step each side, so the end
    /// values get a full cell (Optuna's rule), then the log for log spaces.
    /// </summary>
    public (double Low, double High) TransformedBounds()
    {
        double low = Low, high = High;
        if (Step is double s)
        {
            low -= s / 2;
            high += s / 2;
        }
        return Log ? (Math.Log(low), Math.Log(high)) : (low, high);
    }

    /// <summary>A value of the transformed domain back to the space: exp for log spaces, then onto the grid and into range.</summary>
    public double Untransform(double t) => Snap(Log ? Math.Exp(t) : t);

    /// <summary>A value's position in the transformed domain (log for log spaces).</summary>
    public double Transform(double x) => Log ? Math.Log(x) : x;

    /// <summary>The nearest value of the space: clamped into [low, high] and, with a step, onto the grid low + k step.</summary>
    public double Snap(double x)
    {
        if (Step is not double step) return Math.Clamp(x, Low, High);
        double k = Math.Round((x - Low) / step);
        return Math.Clamp(GridValue(Low, k, step), Low, High);
    }

    /// <summary>
    /// low + k step, in decimal arithmetic when the numbers fit, so 0.1 + 2 x 0.1 is 0.3 and not 0.30000000000000004
    /// (what a reader of the study file expects to see for a parameter with step 0.1).
    /// </summary>
    internal static double GridValue(double low, double k, double step)
    {
        const double DecimalSafe = 1e15;
        if (Math.Abs(low) < DecimalSafe && Math.Abs(step) < DecimalSafe && Math.Abs(k) < DecimalSafe)
            return (double)((decimal)low + (decimal)k * (decimal)step);
        return low + k * step;
    }
}
