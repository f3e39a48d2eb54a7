namespace Cockpit.Understanding.Text;

/// <summary>One token: its vocabulary id and where it came from in the original text.</summary>
/// <param name="Id">Vocabulary id.</param>
/// <param name="Start">Offset of the first character in the original text.</param>
/// <param name="Length">Number of original characters covered (byte-fallback tokens of one character all cover it).</param>
public readonly record struct Token(int Id, int Start, int Length)
{
    /// <summary>Offset just past the last character.</summary>
    public int End => Start + Length;
}
