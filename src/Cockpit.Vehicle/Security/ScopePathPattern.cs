namespace Cockpit.Vehicle.Security;

/// <summary>
/// The path part of a scope entry (<c>actuate:Vehicle.Cabin.*</c>): a VSS path that matches only itself, where a
/// <c>*</c> segment matches one or more segments, so <c>Vehicle.Cabin.*</c> covers everything below
/// <c>Vehicle.Cabin</c> and <c>Vehicle.*.IsOpen</c> every <c>IsOpen</c> at any depth; <c>*</c> alone matches every path.
/// Unlike <see cref="Vss.VssPathPattern"/> (ListMetadata roots), a branch without a wildcard does not cover its children.
/// </summary>
internal sealed class ScopePathPattern
{
    private const string Wildcard = "*";

    private readonly string _text;
    private readonly string[]? _segments;

    private ScopePathPattern(string text, string[]? segments)
    {
        _text = text;
        _segments = segments;
    }

    /// <summary>Parses the path of a scope entry; throws <see cref="FormatException"/> when it is malformed.</summary>
    public static ScopePathPattern Parse(string text)
    {
        var segments = text.Split('.');
        foreach (var segment in segments)
        {
            if (segment.Length == 0)
            {
                throw new FormatException($"'{text}' has an empty path segment");
            }

            if (segment.Contains('*', StringComparison.Ordinal) && segment != Wildcard)
            {
                throw new FormatException($"'{text}': a wildcard must be a whole path segment ('*')");
            }
        }

        return new ScopePathPattern(text, Array.IndexOf(segments, Wildcard) >= 0 ? segments : null);
    }

    /// <summary>Whether <paramref name="path"/> is covered.</summary>
    public bool Matches(string path) =>
        _segments is null ? string.Equals(_text, path, StringComparison.Ordinal) : Matches(_segments, 0, path.Split('.'), 0);

    /// <inheritdoc />
    public override string ToString() => _text;

    private static bool Matches(string[] pattern, int p, string[] path, int s)
    {
        if (p == pattern.Length)
        {
            return s == path.Length;
        }

        if (pattern[p] == Wildcard)
        {
            for (var next = s + 1; next <= path.Length; next++)
            {
                if (Matches(pattern, p + 1, path, next))
                {
                    return true;
                }
            }

            return false;
        }

        return s < path.Length && string.Equals(pattern[p], path[s], StringComparison.Ordinal) && Matches(pattern, p + 1, path, s + 1);
    }
}
