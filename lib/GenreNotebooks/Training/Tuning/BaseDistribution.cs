namespace GenreNotebooks.Training.Tuning;

/// <summary>
/// The space a parameter is drawn from (Optuna's <c>optuna.distributions.BaseDistribution</c>):
/// <see cref="FloatDistribution"/>, <see cref="IntDistribution"/> or <see cref="CategoricalDistribution"/>.
/// <para>
/// Samplers work on the <em>internal representation</em> of a value, a double: the value itself for numbers, the index
/// of the choice for categoricals (Optuna's <c>to_internal_repr</c>); trials hand the objective the external value.
/// Two distributions are equal when they describe the same space; a trial refuses the same name with a different one.
/// </para>
/// </summary>
public abstract class BaseDistribution : IEquatable<BaseDistribution>
{
    private protected BaseDistribution() { }

    /// <summary>True when the space holds one value only (low equal to high, or a single choice): nothing to sample.</summary>
    public abstract bool Single { get; }

    /// <summary>The internal representation (the number, or the choice's index) of an external value.</summary>
    /// <exception cref="ArgumentException">The value is not of this space.</exception>
    public abstract double ToInternalRepr(object value);

    /// <summary>The external value (double, int or the choice) of an internal representation.</summary>
    public abstract object ToExternalRepr(double internalValue);

    /// <summary>Whether an internal representation is a value of this space (in range and on its grid).</summary>
    public abstract bool Contains(double internalValue);

    /// <inheritdoc />
    public abstract bool Equals(BaseDistribution? other);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is BaseDistribution other && Equals(other);

    /// <inheritdoc />
    public abstract override int GetHashCode();

    /// <summary>The one value of a <see cref="Single"/> space, as an internal representation.</summary>
    internal abstract double SingleValue { get; }

    /// <summary>The bounds and grid of a numeric space, for samplers; null for categoricals.</summary>
    internal abstract NumericSpace? Numeric { get; }
}
