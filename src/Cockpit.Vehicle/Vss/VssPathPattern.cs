using Cockpit.ServiceDefaults;

namespace Cockpit.Vehicle.Vss;

/// <summary>
/// A VSS path pattern: a branch or leaf path (matching itself and everything below it), where a
/// <c>*</c> segment matches exactly one level and <c>**</c> any number of levels.
/// </summary>
public sealed class VssPathPattern
{
    /// <summary>The longest pattern accepted, in segments; VSS paths are far shorter.</summary>
    public const int MaxSegments = 64;

    private readonly SegmentMatcher _matcher;

    private VssPathPattern(IEnumerable<SegmentMatcher.Step> steps) => _matcher = new SegmentMatcher(steps, coversDescendants: true);

    /// <summary>Parses a pattern; throws <see cref="ArgumentException"/> when it is malformed.</summary>
    public static VssPathPattern Parse(string pattern)
    {
        if (string.IsNullOrWhiteSpace(pattern))
        {
            throw new ArgumentException("the pattern is empty", nameof(pattern));
        }

        var segments = pattern.Split('.');
        if (segments.Length > MaxSegments)
        {
            throw new ArgumentException($"the pattern has {segments.Length} segments; at most {MaxSegments} are allowed", nameof(pattern));
        }

        foreach (var segment in segments)
        {
            if (segment.Length == 0)
            {
                throw new ArgumentException($"'{InputText.Quote(pattern)}' has an empty segment", nameof(pattern));
            }

            if (segment.Contains('*', StringComparison.Ordinal) && segment is not ("*" or "**"))
            {
                throw new ArgumentException($"'{InputText.Quote(pattern)}': a wildcard must be a whole segment ('*' or '**')", nameof(pattern));
            }
        }

        return new VssPathPattern(segments.Select(segment => segment switch
        {
            "**" => new SegmentMatcher.Step(SegmentMatcher.StepKind.Any),
            "*" => new SegmentMatcher.Step(SegmentMatcher.StepKind.One),
            _ => new SegmentMatcher.Step(SegmentMatcher.StepKind.Name, segment),
        }));
    }

    /// <summary>Whether the path equals the pattern, lies below it, or matches its wildcards.</summary>
    public bool Matches(string path) => _matcher.Matches(path);
}
