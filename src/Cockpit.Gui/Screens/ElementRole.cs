namespace Cockpit.Gui.Screens;

/// <summary>What an element is, and so which actions it takes.</summary>
internal enum ElementRole
{
    Button,
    Switch,
    Slider,
    List,
    ListItem,
    TextField,
    Label,
}
