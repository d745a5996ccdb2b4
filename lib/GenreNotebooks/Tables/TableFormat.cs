using System.Collections;
using System.Globalization;

namespace GenreNotebooks.Tables;

/// <summary>
/// How <see cref="Table"/> turns a cell into text, also usable on its own in notebook prose:
/// <see cref="Percent"/> (<c>0.755</c> → <c>75.5%</c>, NaN → <c>-</c>) and <see cref="Cell"/>.
/// Invariant culture throughout, so a notebook prints the same on every machine.
/// Used in notebooks/02-building-the-datasets.
/// </summary>
public static class TableFormat
{
    /// <summary>A fraction as a percentage with <paramref name="decimals"/> decimals (<c>75.5%</c>); NaN and null as <c>-</c>.</summary>
    public static string Percent(double? fraction, int decimals = 1)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(decimals);
        if (fraction is not double v || double.IsNaN(v)) return "-";
        return (100 * v).ToString("F" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture) + "%";
    }

    /// <summary>
    /// The text of one cell: null → empty; NaN → <c>-</c>; numbers with <paramref name="format"/> (a .NET format
    /// string; <c>P</c><i>n</i> as <see cref="Percent"/>), else up to four decimals; a <see cref="TimeSpan"/> in seconds
    /// (<c>12.3 s</c>); a sequence as its items joined by ", "; anything else by its <c>ToString()</c>.
    /// </summary>
    public static string Cell(object? value, string? format = null)
    {
        var ci = CultureInfo.InvariantCulture;
        switch (value)
        {
            case null: return "";
            case string s: return s;
            case double d when double.IsNaN(d): return "-";
            case float f when float.IsNaN(f): return "-";
            case TimeSpan t: return t.TotalSeconds.ToString(format ?? "0.0", ci) + " s";
        }
        if (IsNumber(value))
        {
            double d = Convert.ToDouble(value, ci);
            if (format is { Length: >= 1 } && (format[0] is 'P' or 'p') && (format.Length == 1 || int.TryParse(format.AsSpan(1), NumberStyles.None, ci, out _)))
                return Percent(d, format.Length == 1 ? 1 : int.Parse(format.AsSpan(1), NumberStyles.None, ci));
            if (format is not null) return ((IFormattable)value).ToString(format, ci);
            return value is float or double or decimal ? d.ToString("0.####", ci) : ((IFormattable)value).ToString(null, ci);
        }
        if (value is IFormattable formattable) return formattable.ToString(format, ci);
        if (value is IEnumerable items) return string.Join(", ", items.Cast<object?>().Select(i => Cell(i, format)));
        return value.ToString() ?? "";
    }

    /// <summary>True for the built-in numeric types (what a table right-aligns).</summary>
    public static bool IsNumber(object? value) =>
        value is sbyte or byte or short or ushort or int or uint or long or ulong or float or double or decimal;
}
