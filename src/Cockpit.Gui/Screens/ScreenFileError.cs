namespace Cockpit.Gui.Screens;

/// <summary>The kinds of bad input the screen and content files can hold.</summary>
internal enum ScreenFileError
{
    /// <summary>Not JSON, or a value of the wrong type.</summary>
    Malformed,

    /// <summary>The format line names another format or version.</summary>
    WrongFormat,

    /// <summary>Two screens, elements or content items share an id or name.</summary>
    DuplicateId,

    /// <summary>A screen, list, app, source, condition, command or placeholder that does not exist.</summary>
    UnknownReference,

    /// <summary>Bounds that are not four numbers inside the display.</summary>
    BadBounds,

    /// <summary>An element whose fields do not fit its role.</summary>
    BadElement,
}
