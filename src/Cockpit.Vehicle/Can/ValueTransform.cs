using Cockpit.Can.Codec;
using Cockpit.Vehicle.Vss;

namespace Cockpit.Vehicle.Can;

/// <summary>
/// The <c>transform</c> of one mapping direction: none (the value passes as it is), <c>mapping</c> (a table of
/// from → to pairs; a DBC side is matched by number or by <c>VAL_</c> name), or <c>math</c> (an expression in
/// <c>x</c>). Decoding goes DBC → VSS, encoding VSS → DBC; <see cref="Inverse"/> turns one into the other.
/// </summary>
internal sealed class ValueTransform
{
    private readonly IReadOnlyList<(object From, object To)>? _pairs;
    private readonly MathExpression? _math;

    private ValueTransform(IReadOnlyList<(object From, object To)>? pairs, MathExpression? math)
    {
        _pairs = pairs;
        _math = math;
    }

    /// <summary>No transform.</summary>
    public static ValueTransform None { get; } = new(null, null);

    /// <summary>A value table; from and to are bool, double or string.</summary>
    public static ValueTransform Mapping(IReadOnlyList<(object From, object To)> pairs) => new(pairs, null);

    /// <summary>An expression in <c>x</c>.</summary>
    public static ValueTransform Math(MathExpression expression) => new(null, expression);

    /// <summary>Whether the transform can be reversed (a math expression cannot).</summary>
    public bool IsInvertible => _math is null;

    /// <summary>The same table read the other way round.</summary>
    public ValueTransform Inverse() =>
        _math is not null ? throw new InvalidOperationException("a math transform cannot be inverted")
        : _pairs is null ? this
        : Mapping([.. _pairs.Select(pair => (pair.To, pair.From))]);

    /// <summary>DBC → VSS: the VSS value for a decoded signal, or false when the table has no row for it.</summary>
    public bool TryDecode(in DecodedSignal signal, VssEntry entry, out object? value)
    {
        value = null;
        if (_pairs is not null)
        {
            foreach (var (from, to) in _pairs)
            {
                if (from is string name ? name == signal.Choice : from is double number && number == signal.Value)
                {
                    value = ToVss(to, entry);
                    return value is not null;
                }
            }

            return false;
        }

        if (_math is not null)
        {
            value = VssValues.FromNumber(entry.DataType, _math.Evaluate(signal.Value));
            return value is not null;
        }

        value = entry.DataType switch
        {
            VssDataType.Boolean => signal.Value != 0,
            VssDataType.String => signal.Choice,
            _ => VssValues.FromNumber(entry.DataType, signal.Value),
        };
        return value is not null;
    }

    /// <summary>VSS → DBC: the physical value for the signal, or false when the table has no row or the value fits no <c>VAL_</c> name.</summary>
    public bool TryEncode(object value, SignalCodec signal, out double physical)
    {
        physical = 0;
        if (_pairs is not null)
        {
            foreach (var (from, to) in _pairs)
            {
                if (VssValues.AreEqual(Canonical(from), Canonical(value)))
                {
                    return TryPhysical(to, signal, out physical);
                }
            }

            return false;
        }

        if (_math is not null)
        {
            physical = _math.Evaluate(Number(value));
            return double.IsFinite(physical);
        }

        return TryPhysical(value, signal, out physical);
    }

    private static bool TryPhysical(object value, SignalCodec signal, out double physical)
    {
        physical = 0;
        switch (value)
        {
            case string name:
                if (!signal.Signal.Choices.Values.Contains(name))
                {
                    return false;
                }

                physical = signal.ChoiceToPhysical(name);
                return true;
            case bool flag:
                physical = flag ? 1 : 0;
                return true;
            default:
                physical = Number(value);
                return true;
        }
    }

    private static double Number(object value) => value switch
    {
        bool flag => flag ? 1 : 0,
        _ => VssValues.ToDouble(value),
    };

    private static object Canonical(object value) => value is int small ? (double)small : value;

    private static object? ToVss(object value, VssEntry entry) => (value, entry.DataType) switch
    {
        (bool flag, VssDataType.Boolean) => flag,
        (double number, VssDataType.Boolean) => number != 0,
        (string text, VssDataType.String) => text,
        (double number, _) when VssDataTypes.IsNumeric(entry.DataType) => VssValues.FromNumber(entry.DataType, number),
        _ => null,
    };
}
