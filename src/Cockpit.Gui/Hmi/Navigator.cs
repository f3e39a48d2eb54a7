using Cockpit.Gui.Screens;

namespace Cockpit.Gui.Hmi;

/// <summary>Moves a session between screens and keeps its back stack.</summary>
internal static class Navigator
{
    /// <summary>Opens a screen on top of the current one.</summary>
    public static void Open(HmiSession session, ScreenCatalog catalog, string screenId)
    {
        session.BackStack.Add(session.ScreenId);
        session.Enter(catalog.Screens[screenId]);
    }

    /// <summary>Opens an app's first screen with only Home beneath it, as the launcher does.</summary>
    public static void OpenApp(HmiSession session, ScreenCatalog catalog, string app)
    {
        session.BackStack.Clear();
        if (app != "home")
        {
            session.BackStack.Add(catalog.HomeScreen);
        }

        session.Enter(catalog.Screens[catalog.Apps[app]]);
    }

    /// <summary>Returns to the previous screen as it was left; false when there is none.</summary>
    public static bool Back(HmiSession session)
    {
        if (session.BackStack.Count == 0)
        {
            return false;
        }

        session.ScreenId = session.BackStack[^1];
        session.BackStack.RemoveAt(session.BackStack.Count - 1);
        return true;
    }
}
