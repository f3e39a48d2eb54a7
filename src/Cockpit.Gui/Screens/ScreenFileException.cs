namespace Cockpit.Gui.Screens;

/// <summary>The screen or content file cannot be used; the message names the file, the place and the reason.</summary>
internal sealed class ScreenFileException : Exception
{
    public ScreenFileException(ScreenFileError error, string message, Exception? inner = null)
        : base(message, inner)
    {
        Error = error;
    }

    public ScreenFileError Error { get; }
}
