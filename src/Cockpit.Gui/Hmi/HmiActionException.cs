namespace Cockpit.Gui.Hmi;

/// <summary>An action or reset was refused and changed nothing; the message names the element and the reason.</summary>
internal sealed class HmiActionException : Exception
{
    public HmiActionException(HmiErrorKind kind, string message)
        : base(message)
    {
        Kind = kind;
    }

    public HmiErrorKind Kind { get; }
}
