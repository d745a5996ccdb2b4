using System.Globalization;

namespace GenreNotebooks.Features;

/// <summary>
/// Formats doubles as Python's <c>repr(float)</c> (and so pandas' <c>to_csv</c>) does: the shortest digits that
/// round-trip, fixed notation with a trailing <c>.0</c> for whole numbers, scientific notation (<c>1.5e-05</c>,
/// <c>1e+16</c>) when the decimal exponent is below -4 or at least 16, and <c>nan</c>/<c>inf</c>/<c>-inf</c>.
/// </summary>
public static class PythonFloatFormat
{
    /// <summary>The text Python's <c>repr(value)</c> gives; parsing it back gives exactly <paramref name="value"/>.</summary>
    public static string Format(double value)
    {
        if (double.IsNaN(value)) return "nan";
        if (double.IsPositiveInfinity(value)) return "inf";
        if (double.IsNegativeInfinity(value)) return "-inf";
        if (value == 0) return double.IsNegative(value) ? "-0.0" : "0.0";

        // .NET Core's "R" gives the shortest round-trip digits, like Python; only the layout differs.
        var r = Math.Abs(value).ToString("R", CultureInfo.InvariantCulture);
        int ePos = r.IndexOfAny(['E', 'e']);
        string mantissa = ePos < 0 ? r : r[..ePos];
        int exp = ePos < 0 ? 0 : int.Parse(r.AsSpan(ePos + 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        int dot = mantissa.IndexOf('.');
        string intPart = dot < 0 ? mantissa : mantissa[..dot];
        string fracPart = dot < 0 ? "" : mantissa[(dot + 1)..];
        string digits = intPart + fracPart;
        int pointPos = intPart.Length + exp; // value = 0.digits * 10^pointPos before stripping leading zeros
        int lead = 0;
        while (lead < digits.Length - 1 && digits[lead] == '0') lead++;
        digits = digits[lead..].TrimEnd('0');
        if (digits.Length == 0) digits = "0";
        pointPos -= lead;
        int e10 = pointPos - 1;

        string body;
        if (e10 < -4 || e10 >= 16)
        {
            body = digits.Length == 1 ? digits : digits[0] + "." + digits[1..];
            body += "e" + (e10 < 0 ? "-" : "+") + Math.Abs(e10).ToString("00", CultureInfo.InvariantCulture);
        }
        else if (pointPos <= 0)
        {
            body = "0." + new string('0', -pointPos) + digits;
        }
        else if (pointPos >= digits.Length)
        {
            body = digits + new string('0', pointPos - digits.Length) + ".0";
        }
        else
        {
            body = digits[..pointPos] + "." + digits[pointPos..];
        }
        return value < 0 ? "-" + body : body;
    }

    /// <summary>
    /// Parses a number as Python's <c>float()</c> does for CSV fields: invariant culture, optional exponent
    /// (<c>e</c> or <c>E</c>), and <c>nan</c>/<c>inf</c>/<c>-inf</c> in any case. Returns false for anything else.
    /// </summary>
    public static bool TryParse(ReadOnlySpan<char> text, out double value)
    {
        text = text.Trim();
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value)) return true;
        if (text.Equals("nan", StringComparison.OrdinalIgnoreCase)) { value = double.NaN; return true; }
        if (text.Equals("inf", StringComparison.OrdinalIgnoreCase) || text.Equals("+inf", StringComparison.OrdinalIgnoreCase)
            || text.Equals("infinity", StringComparison.OrdinalIgnoreCase))
        { value = double.PositiveInfinity; return true; }
        if (text.Equals("-inf", StringComparison.OrdinalIgnoreCase) || text.Equals("-infinity", StringComparison.OrdinalIgnoreCase))
        { value = double.NegativeInfinity; return true; }
        value = 0;
        return false;
    }
}
