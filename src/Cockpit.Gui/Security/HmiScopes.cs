namespace Cockpit.Gui.Security;

/// <summary>The scopes of the HMI's tokens.</summary>
public static class HmiScopes
{
    /// <summary>See the screen and the HMI's state (GetScreen, WatchScreen, GetState, the watch page).</summary>
    public const string Observe = "observe";

    /// <summary>Operate the screen (Act).</summary>
    public const string Act = "act";

    /// <summary>Reset the HMI (Reset, the test bench's).</summary>
    public const string Simulate = "simulate";
}
