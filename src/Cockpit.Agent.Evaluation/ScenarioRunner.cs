using System.Collections.Frozen;
using System.Text.Json;
using Cockpit.Agent.Conversations;
using Cockpit.Agent.Interactions;
using Cockpit.Speech.Audio;
using Cockpit.Speech.Recognition;
using Cockpit.Vehicle.Client;
using Cockpit.Vehicle.V1;
using Kuksa.Val.V2;

namespace Cockpit.Agent.Evaluation;

/// <summary>
/// Runs scenarios through the whole agent pipeline against the vehicle service (SCENARIOS.md): reset,
/// apply <c>given</c>, then per turn: snapshot, converse, settle, snapshot, and check <c>expect</c>,
/// the no-side-effects rule and the outcome. Every turn's interaction is labelled with the verdict.
/// </summary>
internal sealed class ScenarioRunner(AgentPipeline pipeline, VoicePipeline voice, VehicleClient vehicle, Simulation.SimulationClient simulation, Hmi.V1.Hmi.HmiClient? hmi, InteractionLog interactions)
{
    /// <summary>Requests, not state: the side-effect rule ignores them unless nothing may happen.</summary>
    private static readonly HashSet<string> s_commandActuators = ["Vehicle.Cabin.Sunroof.Switch", "Vehicle.Cabin.Infotainment.Media.Action"];

    /// <summary>What screen tasks themselves drive (media playback, guidance): not side effects of a screen task.</summary>
    private static readonly string[] s_screenDriven = ["Vehicle.Cabin.Infotainment.Media.", "Vehicle.Cabin.Infotainment.Navigation."];

    public async Task<ScenarioResult> RunAsync(Scenario scenario, CancellationToken cancellationToken)
    {
        var failures = new List<string>();
        var latencies = new List<double>();
        var metadata = await vehicle.GetMetadataAsync(cancellationToken);
        await simulation.ResetAsync(new ResetRequest(), cancellationToken: cancellationToken);
        if (hmi is not null)
        {
            await hmi.ResetAsync(new Cockpit.Hmi.V1.ResetRequest(), cancellationToken: cancellationToken);
        }
        if (!await ApplyGivenAsync(scenario, metadata, failures, cancellationToken))
        {
            return new ScenarioResult(scenario, failures, latencies);
        }

        var conversationId = $"eval-{scenario.Id}-{Guid.NewGuid():N}";
        for (var index = 0; index < scenario.Turns.Count; index++)
        {
            var turn = scenario.Turns[index];
            var where = scenario.Turns.Count > 1 ? $"turn {index + 1}: " : "";
            var before = await SnapshotAsync(cancellationToken);
            var request = new TurnRequest(turn.Text ?? "", scenario.Language, scenario.Seat, conversationId);
            TurnResult result;
            if (turn.AudioPath is { } audio)
            {
                try
                {
                    (_, result) = await voice.ConverseAsync(audio, request, cancellationToken);
                }
                catch (Exception error) when (error is AudioInputException or SpeechUnavailableException or IOException)
                {
                    failures.Add($"{where}{Path.GetFileName(audio)}: {error.Message}");
                    break;
                }
            }
            else
            {
                result = await pipeline.ConverseAsync(request, cancellationToken);
            }

            await simulation.SettleAsync(new SettleRequest(), cancellationToken: cancellationToken);
            var after = await SnapshotAsync(cancellationToken);
            latencies.Add(result.Total.TotalMilliseconds);

            var turnFailures = Check(turn, result, metadata, before, after).Select(failure => where + failure).ToList();
            turnFailures.AddRange((await CheckHmiAsync(turn, cancellationToken)).Select(failure => where + failure));
            interactions.Label(result.InteractionId, turnFailures.Count == 0, "eval");
            failures.AddRange(turnFailures);
        }

        return new ScenarioResult(scenario, failures, latencies);
    }

    private async Task<bool> ApplyGivenAsync(Scenario scenario, FrozenDictionary<string, Metadata> metadata, List<string> failures, CancellationToken cancellationToken)
    {
        if (scenario.Given.Count == 0)
        {
            return true;
        }

        var request = new SetSignalsRequest();
        foreach (var (path, value) in scenario.Given)
        {
            if (!metadata.TryGetValue(path, out var signal))
            {
                failures.Add($"given: {path} is not a signal of the vehicle");
                return false;
            }

            try
            {
                request.Values[path] = KuksaValues.ToWire(signal.DataType, Plain(value));
            }
            catch (FormatException error)
            {
                failures.Add($"given: {path}: {error.Message}");
                return false;
            }
        }

        await simulation.SetSignalsAsync(request, cancellationToken: cancellationToken);
        return true;
    }

    private static IEnumerable<string> Check(ScenarioTurn turn, TurnResult result, FrozenDictionary<string, Metadata> metadata,
        Dictionary<string, (object? Value, long Stamp)> before, Dictionary<string, (object? Value, long Stamp)> after)
    {
        var actual = InteractionRecord.OutcomeName(result.Outcome);
        if (actual != turn.Outcome)
        {
            yield return $"outcome: expected {turn.Outcome}, got {actual} (\"{result.Reply}\")";
        }

        if (turn.ExpectReply.Count > 0 && !turn.ExpectReply.Any(expected => result.Reply.Contains(expected, StringComparison.OrdinalIgnoreCase)))
        {
            yield return $"reply: expected one of {string.Join(", ", turn.ExpectReply.Select(expected => $"\"{expected}\""))}, got \"{result.Reply}\"";
        }

        foreach (var (path, expected) in turn.Expect)
        {
            if (!metadata.TryGetValue(path, out var signal))
            {
                yield return $"{path}: not a signal of the vehicle";
                continue;
            }

            if (ExpectationMatcher.Check(expected, signal.DataType, before[path].Value, after[path].Value) is { } why)
            {
                yield return $"{path}: {why}";
            }
        }

        var nothingMayHappen = turn.Outcome is "refused" or "not_understood" or "answered";
        var screenTask = result.Actions.Any(action => action.Function?.StartsWith("screen.", StringComparison.Ordinal) == true);
        foreach (var signal in metadata.Values.Where(signal => signal.EntryType == EntryType.Actuator))
        {
            var path = signal.Path;
            if (turn.Expect.ContainsKey(path) && !nothingMayHappen)
            {
                continue;
            }

            if (s_commandActuators.Contains(path))
            {
                if (nothingMayHappen && before[path].Stamp != after[path].Stamp)
                {
                    yield return $"side effect: {path} was written ({ExpectationMatcher.Show(after[path].Value)}) although nothing may happen";
                }

                continue;
            }

            if (!nothingMayHappen && screenTask && s_screenDriven.Any(prefix => path.StartsWith(prefix, StringComparison.Ordinal)))
            {
                continue;
            }

            if (!ExpectationMatcher.SameValue(before[path].Value, after[path].Value))
            {
                yield return $"side effect: {path} changed from {ExpectationMatcher.Show(before[path].Value)} to {ExpectationMatcher.Show(after[path].Value)}";
            }
        }
    }

    private async Task<List<string>> CheckHmiAsync(ScenarioTurn turn, CancellationToken cancellationToken)
    {
        if (turn.ExpectHmi.Count == 0)
        {
            return [];
        }

        if (hmi is null)
        {
            return [.. turn.ExpectHmi.Keys.Select(key => $"expect_hmi {key}: no HMI is connected")];
        }

        var state = await hmi.GetStateAsync(new Cockpit.Hmi.V1.GetStateRequest(), cancellationToken: cancellationToken);
        var failures = new List<string>();
        foreach (var (key, expected) in turn.ExpectHmi)
        {
            if (!state.Values.TryGetValue(key, out var actual))
            {
                failures.Add($"expect_hmi {key}: the HMI has no such state key");
                continue;
            }

            object? value = actual.KindCase == Cockpit.Hmi.V1.StateValue.KindOneofCase.BoolValue ? actual.BoolValue : actual.StringValue;
            if (ExpectationMatcher.Check(expected, DataType.String, null, value) is { } why)
            {
                failures.Add($"expect_hmi {key}: {why}");
            }
        }

        return failures;
    }

    private async Task<Dictionary<string, (object? Value, long Stamp)>> SnapshotAsync(CancellationToken cancellationToken)
    {
        var state = await simulation.GetStateAsync(new GetStateRequest(), cancellationToken: cancellationToken);
        return state.Signals.ToDictionary(
            pair => pair.Key,
            pair => (KuksaValues.ToClr(pair.Value.Current?.Value), pair.Value.Current?.Timestamp is { } stamp ? stamp.Seconds * 1_000_000_000L + stamp.Nanos : 0L),
            StringComparer.Ordinal);
    }

    private static object Plain(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        JsonValueKind.Number => value.GetDouble(),
        JsonValueKind.String => value.GetString()!,
        _ => throw new ArgumentException($"{value.GetRawText()} is not a plain value"),
    };
}
