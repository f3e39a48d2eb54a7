namespace Cockpit.Agent.Screen;

/// <summary>What kind of goal a screen task has.</summary>
internal enum ScreenIntentKind
{
    /// <summary>An app in front (<c>app</c>).</summary>
    OpenApp,

    /// <summary>A settings switch in a given position (<c>settings.bluetooth</c>, <c>settings.wifi</c>).</summary>
    Switch,

    /// <summary>A content row chosen and, where needed, acted on (<c>media.track</c>, <c>navigation.destination</c>, <c>phone.contact</c>).</summary>
    Content,

    /// <summary>One tap on something the current screen shows.</summary>
    Tap,

    /// <summary>One step back.</summary>
    Back,
}
