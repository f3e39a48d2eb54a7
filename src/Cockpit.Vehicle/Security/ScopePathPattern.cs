using Cockpit.Vehicle.Vss;

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
    private readonly SegmentMatcher? _matcher;

    private ScopePathPattern(string text, SegmentMatcher? matcher)
    {
        _text = text;
        _matcher = matcher;
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

        if (segments.Length > VssPathPattern.MaxSegments)
        {
            throw new FormatException($"a scope path has {segments.Length} segments; at most {VssPathPattern.MaxSegments} are allowed");
        }

        // A wildcard is one segment followed by any number more.
        return new ScopePathPattern(text, Array.IndexOf(segments, Wildcard) < 0 ? null : new SegmentMatcher(
            segments.SelectMany(segment => segment == Wildcard
                ? new[] { new SegmentMatcher.Step(SegmentMatcher.StepKind.One), new SegmentMatcher.Step(SegmentMatcher.StepKind.Any) }
                : [new SegmentMatcher.Step(SegmentMatcher.StepKind.Name, segment)]),
            coversDescendants: false));
    }

    /// <summary>Whether <paramref name="path"/> is covered.</summary>
    public bool Matches(string path) =>
        _matcher is null ? string.Equals(_text, path, StringComparison.Ordinal) : _matcher.Matches(path);

    /// <inheritdoc />
    public override string ToString() => _text;
}
