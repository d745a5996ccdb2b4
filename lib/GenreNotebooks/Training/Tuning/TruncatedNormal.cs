using MathNet.Numerics;

namespace GenreNotebooks.Training.Tuning;

/// <summary>
/// The standard normal truncated to [a, b]: draws by inverting the CDF (on the side of zero where the CDF keeps its
/// precision), and log-masses computed in log space in the tails, so far-away kernels give a tiny density rather than
/// log 0. Optuna's <c>_truncnorm</c> does the same with scipy's <c>log_ndtr</c>.
/// </summary>
internal static class TruncatedNormal
{
    private static readonly double Sqrt2 = Math.Sqrt(2);
    private static readonly double HalfLog2Pi = 0.5 * Math.Log(2 * Math.PI);

    /// <summary>Φ(z), the standard normal CDF.</summary>
    public static double Phi(double z) => 0.5 * SpecialFunctions.Erfc(-z / Sqrt2);

    /// <summary>log Φ(z), accurate far in the lower tail (asymptotic series below -20).</summary>
    public static double LogPhi(double z)
    {
        if (z > 5) return Log1p(-Phi(-z));
        if (z > -20) return Math.Log(Phi(z));
        double z2 = z * z, inv = 1 / z2;
        double series = 1 - inv * (1 - 3 * inv * (1 - 5 * inv * (1 - 7 * inv)));
        return -0.5 * z2 - Math.Log(-z) - HalfLog2Pi + Math.Log(series);
    }

    /// <summary>log(Φ(b) - Φ(a)) for a &lt;= b; -∞ when a equals b.</summary>
    public static double LogMass(double a, double b)
    {
        if (a >= 0) return LogMass(-b, -a);
        if (b <= 0)
        {
            double la = LogPhi(a), lb = LogPhi(b);
            return lb + Log1p(-Math.Exp(la - lb));
        }
        return Log1p(-(Phi(a) + Phi(-b)));
    }

    /// <summary>log density at z of the standard normal truncated to [a, b].</summary>
    public static double LogPdf(double z, double a, double b) => -0.5 * z * z - HalfLog2Pi - LogMass(a, b);

    /// <summary>log(1 + x), accurate for small x (Goldberg's trick: .NET has no log1p).</summary>
    internal static double Log1p(double x)
    {
        double u = 1 + x;
        return u == 1 ? x : Math.Log(u) * x / (u - 1);
    }

    /// <summary>A draw of the standard normal truncated to [a, b].</summary>
    public static double Sample(TrialRandom rng, double a, double b)
    {
        if (!(a < b)) return a;
        if (a >= 0) return -Sample(rng, -b, -a);
        return Sample(rng, a, b, Phi(a), Phi(b));
    }

    /// <summary>A draw of the standard normal truncated to [a, b], a &lt; 0 or b &lt;= 0, given pa = Φ(a) and pb = Φ(b).</summary>
    public static double Sample(TrialRandom rng, double a, double b, double pa, double pb)
    {
        if (!(a < b)) return a;
        double u = pa + rng.NextDouble() * (pb - pa);
        double z = u <= 0 ? a : -Sqrt2 * SpecialFunctions.ErfcInv(2 * u);
        return Math.Clamp(double.IsFinite(z) ? z : a, a, b);
    }
}
