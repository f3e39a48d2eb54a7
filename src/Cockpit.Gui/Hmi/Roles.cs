using Cockpit.Gui.Screens;

namespace Cockpit.Gui.Hmi;

/// <summary>Role names as the screen file and messages spell them.</summary>
internal static class Roles
{
    public static string Name(ElementRole role) => role switch
    {
        ElementRole.ListItem => "list_item",
        ElementRole.TextField => "text_field",
        _ => role.ToString().ToLowerInvariant(),
    };
}
