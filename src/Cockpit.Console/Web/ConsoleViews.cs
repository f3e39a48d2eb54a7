using Cockpit.Agent.V1;
using Cockpit.Hmi.V1;

namespace Cockpit.Console.Web;

/// <summary>What the page receives, as plain JSON shapes: turns, the HMI's screen, the car's values and the report.</summary>
internal static class ConsoleViews
{
    private static readonly string[] s_stages = ["understanding", "execution", "total"];

    public static object Turn(ConverseResponse turn, DateTimeOffset? time = null, string? seat = null) => new
    {
        turn.InteractionId,
        Time = time,
        Seat = seat,
        turn.ConversationId,
        Text = turn.RecognisedText,
        turn.Language,
        Outcome = OutcomeName(turn.Outcome),
        turn.Reply,
        turn.Confidence,
        Actions = turn.Actions.Select(action => new
        {
            action.Function,
            action.Call,
            Status = action.Status switch
            {
                ActionStatus.Accepted => "accepted",
                ActionStatus.Refused => "refused",
                _ => "failed",
            },
            action.Reason,
            Targets = action.Targets.Select(target => new { target.Path, target.Value }),
        }),
        Timings = new
        {
            turn.Timings?.UnderstandingMs,
            turn.Timings?.ExecutionMs,
            turn.Timings?.TotalMs,
        },
    };

    public static object Transcript(VoiceTranscript transcript) => new
    {
        transcript.Text,
        transcript.Language,
        transcript.Confidence,
        transcript.RecognitionMs,
    };

    public static object Screen(Hmi.V1.Screen screen) => new
    {
        screen.Id,
        screen.App,
        Title = Text(screen.Title),
        screen.Version,
        screen.VehicleAvailable,
        screen.Width,
        screen.Height,
        Elements = screen.Elements.Select(element => new
        {
            element.Id,
            Role = RoleName(element.Role),
            Text = Text(element.Text),
            Bounds = new { X = element.Bounds?.X ?? 0, Y = element.Bounds?.Y ?? 0, Width = element.Bounds?.Width ?? 0, Height = element.Bounds?.Height ?? 0 },
            element.Enabled,
            element.Checked,
            // A slider bound to a value the car has not reported is NaN on the wire, which JSON cannot carry.
            Value = double.IsFinite(element.Value) ? element.Value : (double?)null,
            element.Min,
            element.Max,
            element.Input,
            element.Scrollable,
            element.FirstVisible,
            element.ItemCount,
            element.ParentId,
            element.Unavailable,
        }),
    };

    /// <summary>Path → value (bool, number, string, array; null when the signal has no value) of one Subscribe message.</summary>
    public static Dictionary<string, object?> Car(IReadOnlyDictionary<string, object?> values) =>
        values.ToDictionary(entry => entry.Key, entry => Shown(entry.Value), StringComparer.Ordinal);

    public static object Report(Report report) => new
    {
        report.Interactions,
        report.Labelled,
        Overall = Tally("all", report.Overall ?? new Tally()),
        ByLanguage = report.ByLanguage.OrderBy(pair => pair.Key, StringComparer.Ordinal).Select(pair => Tally(pair.Key, pair.Value)),
        ByDomain = report.ByDomain.OrderBy(pair => pair.Key, StringComparer.Ordinal).Select(pair => Tally(pair.Key, pair.Value)),
        Outcomes = report.Outcomes.OrderByDescending(pair => pair.Value).ThenBy(pair => pair.Key, StringComparer.Ordinal)
            .Select(pair => new { Name = pair.Key, Count = pair.Value }),
        Latency = s_stages.Where(report.Latency.ContainsKey).Select(stage => new
        {
            Stage = stage,
            report.Latency[stage].P50Ms,
            report.Latency[stage].P95Ms,
            report.Latency[stage].P99Ms,
            report.Latency[stage].MaxMs,
        }),
        Worst = report.Worst.Select(worst => new { worst.Transcript, worst.Language, worst.Times, worst.ModelOutput, worst.Outcome }),
    };

    private static object Tally(string name, Tally tally) => new { Name = name, tally.Total, tally.Correct, tally.Accuracy };

    private static object Text(LocalizedText? text) => new { Zh = text?.Zh ?? "", En = text?.En ?? "" };

    /// <summary>A car value as the page shows it: floats to three decimals, a value that is no finite number as none.</summary>
    private static object? Shown(object? value) => value switch
    {
        float single => float.IsFinite(single) ? Math.Round(single, 3) : null,
        double wide => double.IsFinite(wide) ? wide : null,
        var other => other,
    };

    private static string OutcomeName(Outcome outcome) => outcome switch
    {
        Outcome.Done => "done",
        Outcome.Refused => "refused",
        Outcome.NotUnderstood => "not_understood",
        Outcome.Clarify => "clarify",
        _ => "failed",
    };

    private static string RoleName(Role role) => role switch
    {
        Role.Button => "button",
        Role.Switch => "switch",
        Role.Slider => "slider",
        Role.List => "list",
        Role.ListItem => "list_item",
        Role.TextField => "text_field",
        Role.Label => "label",
        _ => "unknown",
    };
}
