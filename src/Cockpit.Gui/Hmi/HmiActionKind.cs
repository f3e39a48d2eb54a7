namespace Cockpit.Gui.Hmi;

/// <summary>What a person does to the screen.</summary>
internal enum HmiActionKind
{
    Tap,
    LongPress,
    Type,
    Scroll,
    Slide,
    Back,
    Home,
    OpenApp,
}
