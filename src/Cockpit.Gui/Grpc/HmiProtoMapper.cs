using Cockpit.Gui.Hmi;
using Cockpit.Gui.Screens;
using Cockpit.Hmi.V1;
using ProtoText = Cockpit.Hmi.V1.LocalizedText;
using Text = Cockpit.Gui.Screens.LocalizedText;

namespace Cockpit.Gui.Grpc;

/// <summary>Conversions between the engine's types and cockpit.hmi.v1 messages.</summary>
internal static class HmiProtoMapper
{
    public static Screen ToProto(ScreenSnapshot snapshot)
    {
        var screen = new Screen
        {
            Id = snapshot.Id,
            App = snapshot.App,
            Title = ToProto(snapshot.Title),
            Version = (ulong)snapshot.Version,
            VehicleAvailable = snapshot.VehicleAvailable,
            Width = snapshot.Width,
            Height = snapshot.Height,
        };
        screen.Elements.AddRange(snapshot.Elements.Select(ToProto));
        return screen;
    }

    public static State ToProto(IReadOnlyDictionary<string, object> values, string screenId)
    {
        var state = new State { ScreenId = screenId };
        foreach (var (key, value) in values)
        {
            state.Values[key] = value is bool flag ? new StateValue { BoolValue = flag } : new StateValue { StringValue = (string)value };
        }

        return state;
    }

    /// <summary>The longest element id accepted; the screens' own ids are far shorter.</summary>
    public const int MaxElementIdLength = 128;

    /// <summary>The longest text that may be typed or name an app in one action.</summary>
    public const int MaxTextLength = 500;

    public static HmiAction ToAction(ActRequest request)
    {
        var action = request.ActionCase switch
        {
            ActRequest.ActionOneofCase.Tap => new HmiAction(HmiActionKind.Tap, request.Tap.ElementId),
            ActRequest.ActionOneofCase.LongPress => new HmiAction(HmiActionKind.LongPress, request.LongPress.ElementId),
            ActRequest.ActionOneofCase.Type => new HmiAction(HmiActionKind.Type, request.Type.ElementId, request.Type.Text),
            ActRequest.ActionOneofCase.Scroll => new HmiAction(
                HmiActionKind.Scroll,
                request.Scroll.ElementId,
                Down: request.Scroll.Direction switch
                {
                    ScrollDirection.Down => true,
                    ScrollDirection.Up => false,
                    _ => null,
                }),
            ActRequest.ActionOneofCase.Slide => new HmiAction(HmiActionKind.Slide, request.Slide.ElementId, Value: request.Slide.Value),
            ActRequest.ActionOneofCase.Back => new HmiAction(HmiActionKind.Back),
            ActRequest.ActionOneofCase.Home => new HmiAction(HmiActionKind.Home),
            ActRequest.ActionOneofCase.OpenApp => new HmiAction(HmiActionKind.OpenApp, Text: request.OpenApp.App),
            _ => throw new HmiActionException(HmiErrorKind.InvalidArgument, "the request sets no action"),
        };
        if (action.ElementId.Length > MaxElementIdLength)
        {
            throw new HmiActionException(HmiErrorKind.InvalidArgument, $"element_id is {action.ElementId.Length} characters long; at most {MaxElementIdLength} are allowed");
        }

        if (action.Text.Length > MaxTextLength)
        {
            throw new HmiActionException(HmiErrorKind.InvalidArgument, $"the text is {action.Text.Length} characters long; at most {MaxTextLength} are allowed");
        }

        if (double.IsNaN(action.Value) || double.IsInfinity(action.Value))
        {
            throw new HmiActionException(HmiErrorKind.InvalidArgument, "slide.value must be a finite number");
        }

        return action;
    }

    public static Dictionary<string, object> ToGiven(ResetRequest request) => request.Given.ToDictionary(
        pair => pair.Key,
        pair => pair.Value.KindCase switch
        {
            StateValue.KindOneofCase.BoolValue => (object)pair.Value.BoolValue,
            StateValue.KindOneofCase.StringValue => pair.Value.StringValue,
            _ => throw new HmiActionException(HmiErrorKind.InvalidArgument, $"state key '{pair.Key}' has no value"),
        },
        StringComparer.Ordinal);

    private static ProtoText ToProto(Text text) => new() { Zh = text.Zh, En = text.En };

    private static Element ToProto(RenderedElement element) => new()
    {
        Id = element.Id,
        Role = element.Role switch
        {
            ElementRole.Button => Role.Button,
            ElementRole.Switch => Role.Switch,
            ElementRole.Slider => Role.Slider,
            ElementRole.List => Role.List,
            ElementRole.ListItem => Role.ListItem,
            ElementRole.TextField => Role.TextField,
            _ => Role.Label,
        },
        Text = ToProto(element.Text),
        Bounds = new Bounds { X = element.Bounds.X, Y = element.Bounds.Y, Width = element.Bounds.Width, Height = element.Bounds.Height },
        Enabled = element.Enabled,
        Checked = element.Checked,
        Value = element.Role == ElementRole.Slider ? element.Value ?? double.NaN : 0,
        Min = element.Min ?? 0,
        Max = element.Max ?? 0,
        Step = element.Step ?? 0,
        Input = element.Input ?? string.Empty,
        Scrollable = element.Scrollable,
        FirstVisible = element.FirstVisible,
        ItemCount = element.ItemCount,
        ParentId = element.ParentId ?? string.Empty,
        VssPath = element.VssPath ?? string.Empty,
        Unavailable = element.Unavailable,
    };
}
