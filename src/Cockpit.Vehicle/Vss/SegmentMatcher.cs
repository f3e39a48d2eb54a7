namespace Cockpit.Vehicle.Vss;

/// <summary>
/// Matches a dotted path against a pattern of segments in time linear in the path's length (times the pattern's):
/// the pattern runs as a set of positions reached so far, so no input makes it backtrack.
/// </summary>
internal sealed class SegmentMatcher
{
    private readonly Step[] _steps;
    private readonly bool _coversDescendants;

    /// <param name="steps">The pattern, one step per segment.</param>
    /// <param name="coversDescendants">Whether a path below a matched path matches too (ListMetadata roots), or the whole path must match (scopes).</param>
    public SegmentMatcher(IEnumerable<Step> steps, bool coversDescendants)
    {
        _steps = [.. steps];
        _coversDescendants = coversDescendants;
    }

    /// <summary>What one pattern step consumes.</summary>
    public readonly record struct Step(StepKind Kind, string? Name = null);

    /// <summary>The kinds of step.</summary>
    public enum StepKind
    {
        /// <summary>Exactly the named segment.</summary>
        Name,

        /// <summary>Any one segment.</summary>
        One,

        /// <summary>Any number of segments, none included.</summary>
        Any,
    }

    /// <summary>Whether <paramref name="path"/> matches.</summary>
    public bool Matches(string path)
    {
        var count = _steps.Length + 1;
        Span<bool> reached = count <= 256 ? stackalloc bool[count] : new bool[count];
        Span<bool> next = count <= 256 ? stackalloc bool[count] : new bool[count];
        reached[0] = true;
        Close(reached);
        var rest = path.AsSpan();
        while (true)
        {
            if (_coversDescendants && reached[_steps.Length])
            {
                return true;
            }

            var dot = rest.IndexOf('.');
            var segment = dot < 0 ? rest : rest[..dot];
            next.Clear();
            var any = false;
            for (var position = 0; position < _steps.Length; position++)
            {
                if (!reached[position])
                {
                    continue;
                }

                var step = _steps[position];
                switch (step.Kind)
                {
                    case StepKind.Any:
                        next[position] = any = true;
                        break;
                    case StepKind.One:
                        next[position + 1] = any = true;
                        break;
                    case StepKind.Name when segment.SequenceEqual(step.Name):
                        next[position + 1] = any = true;
                        break;
                }
            }

            if (!any)
            {
                return false;
            }

            Close(next);
            next.CopyTo(reached);
            if (dot < 0)
            {
                return reached[_steps.Length];
            }

            rest = rest[(dot + 1)..];
        }
    }

    /// <summary>A position before an <see cref="StepKind.Any"/> step also reaches the one after it (it may consume nothing).</summary>
    private void Close(Span<bool> reached)
    {
        for (var position = 0; position < _steps.Length; position++)
        {
            if (reached[position] && _steps[position].Kind == StepKind.Any)
            {
                reached[position + 1] = true;
            }
        }
    }
}
