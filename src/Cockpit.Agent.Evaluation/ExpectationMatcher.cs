using System.Globalization;
using System.Text.Json;
using Cockpit.Vehicle.Client;
using Kuksa.Val.V2;

namespace Cockpit.Agent.Evaluation;

/// <summary>
/// The value-matching rules of SCENARIOS.md: bool, string and integer equal; float and double within
/// 0.05; <c>{"min","max"}</c> an inclusive range; <c>{"changed": true}</c> differs from before the turn.
/// </summary>
internal static class ExpectationMatcher
{
    private const double FloatTolerance = 0.05;

    /// <summary>Null when <paramref name="after"/> meets the expectation, otherwise why not.</summary>
    public static string? Check(JsonElement expected, DataType type, object? before, object? after)
    {
        if (expected.ValueKind == JsonValueKind.Object)
        {
            if (expected.TryGetProperty("changed", out var changed))
            {
                var differs = !SameValue(before, after);
                return differs == changed.GetBoolean() ? null : $"expected {(changed.GetBoolean() ? "a change" : "no change")} from {Show(before)}, got {Show(after)}";
            }

            var number = AsNumber(after);
            var min = expected.TryGetProperty("min", out var low) ? low.GetDouble() : double.NegativeInfinity;
            var max = expected.TryGetProperty("max", out var high) ? high.GetDouble() : double.PositiveInfinity;
            return number is { } value && value >= min && value <= max ? null : $"expected {expected.GetRawText()}, got {Show(after)}";
        }

        var matches = expected.ValueKind switch
        {
            JsonValueKind.True or JsonValueKind.False => after is bool flag && flag == expected.GetBoolean(),
            JsonValueKind.String => after is string text && string.Equals(text, expected.GetString(), StringComparison.Ordinal),
            JsonValueKind.Number when type is DataType.Float or DataType.Double => AsNumber(after) is { } value && Math.Abs(value - expected.GetDouble()) <= FloatTolerance,
            JsonValueKind.Number => AsNumber(after) is { } value && value == expected.GetDouble(),
            JsonValueKind.Null => after is null,
            _ => false,
        };
        return matches ? null : $"expected {expected.GetRawText()}, got {Show(after)}";
    }

    /// <summary>Whether two plain values are the same (numbers by value).</summary>
    public static bool SameValue(object? left, object? right) =>
        AsNumber(left) is { } a && AsNumber(right) is { } b ? a == b : Equals(left, right);

    /// <summary>A value as scenario files write it.</summary>
    public static string Show(object? value) => value switch
    {
        null => "no value",
        string text => $"\"{text}\"",
        _ => KuksaValues.Format(value),
    };

    private static double? AsNumber(object? value) => value switch
    {
        null or bool or string or Array => null,
        _ => Convert.ToDouble(value, CultureInfo.InvariantCulture),
    };
}
