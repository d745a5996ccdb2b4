using System.Globalization;

namespace GenreNotebooks.Training.Tuning;

/// <summary>
/// A parameter that takes one of a list of <see cref="Choices"/> (Optuna's <c>CategoricalDistribution</c>, made by
/// <see cref="Trial.SuggestCategorical{T}"/>): an optimizer's name, a kernel size, whether to use batch norm. The
/// choices are strings, booleans or numbers of one type (string, bool, int, long, float, double), so that the study
/// file can give them back exactly; null and NaN are not allowed. Samplers see the index of a choice.
/// </summary>
public sealed class CategoricalDistribution : BaseDistribution
{
    private static readonly Type[] SupportedTypes = [typeof(string), typeof(bool), typeof(int), typeof(long), typeof(float), typeof(double)];

    private readonly object[] _choices;

    /// <summary>Checks and stores the choices.</summary>
    /// <exception cref="ArgumentException">No choices, a null or NaN choice, mixed types, or a type the study file cannot hold.</exception>
    public CategoricalDistribution(IEnumerable<object> choices)
    {
        ArgumentNullException.ThrowIfNull(choices);
        var list = choices.ToArray();
        if (Problem(list) is string problem) throw new ArgumentException(problem, nameof(choices));
        _choices = list;
        ChoiceType = list[0].GetType();
    }

    /// <summary>The choices, in the order given; a trial's internal value is an index into this list.</summary>
    public IReadOnlyList<object> Choices => _choices;

    /// <summary>The .NET type of every choice.</summary>
    public Type ChoiceType { get; }

    /// <inheritdoc />
    public override bool Single => _choices.Length == 1;

    internal override double SingleValue => 0;

    internal override NumericSpace? Numeric => null;

    /// <summary>What is wrong with these choices, or null when nothing is.</summary>
    internal static string? Problem(IReadOnlyList<object?> choices)
    {
        if (choices.Count == 0) return "choices must not be empty.";
        if (choices.Any(c => c is null)) return "choices must not contain null.";
        var type = choices[0]!.GetType();
        if (!SupportedTypes.Contains(type))
            return $"choices of type {type.Name} cannot be saved in a study file: use strings, booleans or numbers (string, bool, int, long, float, double).";
        if (choices.Any(c => c!.GetType() != type)) return $"all choices must have one type; the first is {type.Name}, others are not.";
        if (choices.Any(c => c is double d && double.IsNaN(d) || c is float f && float.IsNaN(f))) return "choices must not contain NaN.";
        return null;
    }

    /// <inheritdoc />
    public override double ToInternalRepr(object value)
    {
        int index = Array.FindIndex(_choices, c => c.Equals(value));
        if (index < 0) throw new ArgumentException($"{value} is not one of the choices of {this}.", nameof(value));
        return index;
    }

    /// <inheritdoc />
    public override object ToExternalRepr(double internalValue) => _choices[(int)internalValue];

    /// <inheritdoc />
    public override bool Contains(double internalValue) =>
        internalValue >= 0 && internalValue < _choices.Length && internalValue == Math.Round(internalValue);

    /// <inheritdoc />
    public override bool Equals(BaseDistribution? other) =>
        other is CategoricalDistribution o && o.ChoiceType == ChoiceType && o._choices.SequenceEqual(_choices);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var c in _choices) hash.Add(c);
        return hash.ToHashCode();
    }

    /// <summary>Optuna-style text, e.g. <c>CategoricalDistribution(choices=(adam, sgd))</c>.</summary>
    public override string ToString() =>
        $"CategoricalDistribution(choices=({string.Join(", ", _choices.Select(c => Convert.ToString(c, CultureInfo.InvariantCulture)))}))";
}
