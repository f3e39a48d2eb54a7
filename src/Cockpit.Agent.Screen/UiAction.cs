using Cockpit.Hmi.V1;

namespace Cockpit.Agent.Screen;

/// <summary>One action on the HMI, as the agent plans and logs it.</summary>
/// <param name="Kind">tap, type, scroll, back, home or open_app.</param>
/// <param name="Target">The element id (tap, type, scroll) or the app (open_app).</param>
/// <param name="Text">What to type.</param>
internal sealed record UiAction(string Kind, string? Target = null, string? Text = null)
{
    /// <summary>Goes back one screen.</summary>
    public static UiAction Back { get; } = new("back");

    /// <summary>Goes to the home screen.</summary>
    public static UiAction Home { get; } = new("home");

    /// <summary>Taps an element.</summary>
    public static UiAction Tap(string elementId) => new("tap", elementId);

    /// <summary>Opens an app.</summary>
    public static UiAction OpenApp(string app) => new("open_app", app);

    /// <summary>Replaces the text of a text field.</summary>
    public static UiAction Type(string elementId, string text) => new("type", elementId, text);

    /// <summary>Scrolls a list one page towards its end.</summary>
    public static UiAction ScrollDown(string listId) => new("scroll", listId);

    /// <summary>The gRPC request that carries the action out.</summary>
    public ActRequest ToRequest() => Kind switch
    {
        "tap" => new ActRequest { Tap = new Hmi.V1.Tap { ElementId = Target } },
        "type" => new ActRequest { Type = new TypeText { ElementId = Target, Text = Text } },
        "scroll" => new ActRequest { Scroll = new Scroll { ElementId = Target, Direction = ScrollDirection.Down } },
        "open_app" => new ActRequest { OpenApp = new Hmi.V1.OpenApp { App = Target } },
        "back" => new ActRequest { Back = new Hmi.V1.Back() },
        _ => new ActRequest { Home = new Hmi.V1.Home() },
    };

    /// <summary>e.g. <c>tap settings.menu.bluetooth</c>, <c>type media.search "七里香"</c>.</summary>
    public override string ToString() => Kind switch
    {
        "type" => $"type {Target} \"{Text}\"",
        "scroll" => $"scroll {Target} down",
        "back" or "home" => Kind,
        _ => $"{Kind} {Target}",
    };
}
