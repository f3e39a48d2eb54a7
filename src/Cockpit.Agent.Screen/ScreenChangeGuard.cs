using Cockpit.Hmi.V1;
using Cockpit.Understanding.Catalog;
using Cockpit.Vehicle.Client;
using Grpc.Core;
using Microsoft.Extensions.Logging;
using HmiClient = Cockpit.Hmi.V1.Hmi.HmiClient;
using LocalizedText = Cockpit.Understanding.Catalog.LocalizedText;

namespace Cockpit.Agent.Screen;

/// <summary>
/// Makes a screen task touch only what it must: before the task it reads the HMI state and the car's actuators
/// (read only, through the agent's vehicle client); afterwards it compares. A change outside the task's goal
/// (another setting of the HMI, any actuator the task does not drive) makes the task fail with a reason that
/// names it; the HMI's part is put back, the car's is only named (the screen side never writes to the car).
/// </summary>
internal sealed class ScreenChangeGuard(HmiClient hmi, VehicleClient vehicle, ILogger logger)
{
    // Command actuators are requests, not state (shared/eval/SCENARIOS.md): they are not compared.
    private static readonly string[] s_commands = ["Vehicle.Cabin.Sunroof.Switch", "Vehicle.Cabin.Infotainment.Media.Action"];

    // What driving an HMI state key writes to the car by design: playing media, starting guidance.
    private static readonly Dictionary<string, string> s_drivenPrefixes = new(StringComparer.Ordinal)
    {
        ["media.track"] = "Vehicle.Cabin.Infotainment.Media.",
        ["media.playing"] = "Vehicle.Cabin.Infotainment.Media.",
        ["navigation.destination"] = "Vehicle.Cabin.Infotainment.Navigation.",
    };

    private static readonly Lazy<(string[] Paths, Dictionary<string, LocalizedText> Names)> s_actuators = new(ReadCatalog);

    /// <summary>What the HMI and the car looked like before a task.</summary>
    public sealed record Baseline(State Hmi, Dictionary<string, object?>? Vehicle);

    /// <summary>Reads the HMI state and the car's actuators; the car's part is null when it cannot be read.</summary>
    public async Task<Baseline> TakeAsync(CancellationToken cancellationToken)
    {
        var state = await hmi.GetStateAsync(new GetStateRequest(), cancellationToken: cancellationToken);
        return new Baseline(state, await ReadVehicleAsync(cancellationToken));
    }

    /// <summary>
    /// Compares now with <paramref name="before"/> for a task with goal <paramref name="intent"/>; returns the reason
    /// the task failed, or null when only the goal (and what it drives) changed.
    /// </summary>
    public async Task<string?> CheckAsync(Baseline before, ScreenIntent intent, string language, CancellationToken cancellationToken)
    {
        if (intent.Kind is ScreenIntentKind.Tap or ScreenIntentKind.Back)
        {
            return null; // The goal is the tap itself, whatever it drives.
        }

        var allowed = AllowedKeys(intent);
        var after = await hmi.GetStateAsync(new GetStateRequest(), cancellationToken: cancellationToken);
        var hmiChanged = after.Values
            .Where(pair => !allowed.Contains(pair.Key) && (!before.Hmi.Values.TryGetValue(pair.Key, out var old) || !old.Equals(pair.Value)))
            .Select(pair => pair.Key)
            .ToList();

        var carChanged = new List<string>();
        if (before.Vehicle is { } carBefore && await ReadVehicleAsync(cancellationToken) is { } carAfter)
        {
            var driven = allowed.Select(key => s_drivenPrefixes.GetValueOrDefault(key)).OfType<string>().ToArray();
            carChanged.AddRange(carAfter
                .Where(pair => !Equals(pair.Value, carBefore.GetValueOrDefault(pair.Key)) && !driven.Any(prefix => pair.Key.StartsWith(prefix, StringComparison.Ordinal)))
                .Select(pair => pair.Key));
        }

        if (hmiChanged.Count == 0 && carChanged.Count == 0)
        {
            return null;
        }

        ScreenLog.ChangedElsewhere(logger, string.Join(", ", hmiChanged.Concat(carChanged)));
        var restored = hmiChanged.Count > 0 && await RestoreAsync(before.Hmi, after, hmiChanged, cancellationToken);
        var names = hmiChanged.Select(key => ScreenReplies.SettingName(key, language))
            .Concat(carChanged.Select(path => ActuatorName(path, language)))
            .Distinct(StringComparer.Ordinal)
            .ToList();
        return ScreenReplies.ChangedElsewhere(ScreenReplies.List(names, language), restored, language);
    }

    private static HashSet<string> AllowedKeys(ScreenIntent intent)
    {
        // Going to the screen where the goal is reached changes the app in front: that is the way, not a side effect.
        var allowed = new HashSet<string>(StringComparer.Ordinal) { "app" };
        if (intent.Key is { } key)
        {
            allowed.Add(key);
        }

        if (intent.Key == "media.track")
        {
            allowed.Add("media.playing");
        }

        return allowed;
    }

    /// <summary>Puts the HMI settings that changed outside the goal back, keeping the goal's own.</summary>
    private async Task<bool> RestoreAsync(State before, State after, List<string> changed, CancellationToken cancellationToken)
    {
        var request = new ResetRequest();
        foreach (var (key, value) in after.Values)
        {
            request.Given[key] = changed.Contains(key) && before.Values.TryGetValue(key, out var old) ? old : value;
        }

        try
        {
            await hmi.ResetAsync(request, cancellationToken: cancellationToken);
            return true;
        }
        catch (RpcException e) when (e.StatusCode is StatusCode.NotFound or StatusCode.InvalidArgument)
        {
            ScreenLog.RestoreFailed(logger, e.Status.Detail);
            return false;
        }
    }

    private async Task<Dictionary<string, object?>?> ReadVehicleAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await vehicle.GetValuesAsync(s_actuators.Value.Paths, cancellationToken);
        }
        catch (VehicleException e)
        {
            // The HMI works without the car; its actuators then cannot have been changed through it either.
            ScreenLog.VehicleUnread(logger, e.Message);
            return null;
        }
    }

    private static string ActuatorName(string path, string language) =>
        s_actuators.Value.Names.TryGetValue(path, out var label) ? (ScreenReplies.IsMandarin(language) ? label.Zh : label.En) : path;

    private static (string[] Paths, Dictionary<string, LocalizedText> Names) ReadCatalog()
    {
        var catalog = ActionCatalog.Default;
        var names = new Dictionary<string, LocalizedText>(StringComparer.Ordinal);
        foreach (var function in catalog.Functions.Where(f => !f.IsScreenTask))
        {
            var paths = function.Zoning is null ? [catalog.PathFor(function, null)] : function.Zoning.Seats.Select(seat => catalog.PathFor(function, seat));
            foreach (var path in paths)
            {
                names.TryAdd(path, function.Label);
            }
        }

        return ([.. names.Keys.Where(path => !s_commands.Contains(path))], names);
    }
}
