namespace Cockpit.Vehicle.Vss;

/// <summary>
/// A VSS path pattern: a branch or leaf path (matching itself and everything below it), where a
/// <c>*</c> segment matches exactly one level and <c>**</c> any number of levels.
/// </summary>
public sealed class VssPathPattern
{
    private readonly string[] _segments;

    private VssPathPattern(string[] segments) => _segments = segments;

    /// <summary>Parses a pattern; throws <see cref="ArgumentException"/> when it is malformed.</summary>
    public static VssPathPattern Parse(string pattern)
    {
        if (string.IsNullOrWhiteSpace(pattern))
        {
            throw new ArgumentException("the pattern is empty", nameof(pattern));
        }

        var segments = pattern.Split('.');
        foreach (var segment in segments)
        {
            if (segment.Length == 0)
            {
                throw new ArgumentException($"'{pattern}' has an empty segment", nameof(pattern));
            }

            if (segment.Contains('*', StringComparison.Ordinal) && segment is not ("*" or "**"))
            {
                throw new ArgumentException($"'{pattern}': a wildcard must be a whole segment ('*' or '**')", nameof(pattern));
            }
        }

        return new VssPathPattern(segments);
    }

    /// <summary>Whether the path equals the pattern, lies below it, or matches its wildcards.</summary>
    public bool Matches(string path) => Matches(_segments, 0, path.Split('.'), 0);

    private static bool Matches(string[] pattern, int p, string[] path, int s)
    {
        if (p == pattern.Length)
        {
            return true; // every path below a matched branch belongs to it
        }

        if (pattern[p] == "**")
        {
            for (var skip = s; skip <= path.Length; skip++)
            {
                if (Matches(pattern, p + 1, path, skip))
                {
                    return true;
                }
            }

            return false;
        }

        return s < path.Length
            && (pattern[p] == "*" || string.Equals(pattern[p], path[s], StringComparison.Ordinal))
            && Matches(pattern, p + 1, path, s + 1);
    }
}
