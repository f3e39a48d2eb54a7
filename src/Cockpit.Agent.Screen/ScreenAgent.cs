using Cockpit.Hmi.V1;
using Cockpit.Understanding.Resolution;
using Cockpit.Vehicle.Client;
using Grpc.Core;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using HmiClient = Cockpit.Hmi.V1.Hmi.HmiClient;
using HmiScreen = Cockpit.Hmi.V1.Screen;

namespace Cockpit.Agent.Screen;

/// <summary>
/// The GUI agent: carries out a screen task on the HMI as a person would.
/// <list type="number">
/// <item>Map: on first use (or <see cref="PrepareAsync"/>), the HMI is explored from <c>Reset</c> into a
/// <see cref="UiMap"/> (screens, transitions, which taps change which state keys, content lists), kept for later tasks.</item>
/// <item>Ground: the task and what was said become a goal on the HMI state keys and the row or element meant
/// (<see cref="ScreenGrounder"/>); nothing fitting is a refusal that says why, before any action.</item>
/// <item>Loop: observe the screen and state → goal holds? done → choose the next action (<see cref="ScreenPlanner"/>)
/// → act → verify, until the goal holds, the planner gives up, or the step or time budget runs out.</item>
/// <item>Check: the HMI state and the car's actuators read before the loop are compared with after it; anything that
/// changed outside the goal fails the task, named in the reason (<see cref="ScreenChangeGuard"/>).</item>
/// </list>
/// One task runs at a time: there is one screen.
/// </summary>
internal sealed class ScreenAgent(HmiClient hmi, VehicleClient vehicle, IOptions<ScreenAgentOptions> options, TimeProvider time, ILogger<ScreenAgent> logger) : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly ScreenChangeGuard _guard = new(hmi, vehicle, logger);
    private readonly ScreenAgentOptions _options = options.Value;
    private UiMap? _map;

    /// <summary>The UI map, once learned.</summary>
    public UiMap? Map => _map;

    /// <summary>
    /// Explores the HMI now unless a map is cached. Exploring resets the HMI, taps through its screens (which may
    /// start media or guidance on the car for a moment) and restores the HMI state, so hosts call this at start.
    /// </summary>
    public async Task<UiMap> PrepareAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            return _map ??= await new UiMapExplorer(hmi, _options, logger).ExploreAsync(cancellationToken);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Carries out <paramref name="task"/>, said as <paramref name="utterance"/> in <paramref name="language"/>.</summary>
    public async Task<ScreenTaskResult> RunAsync(ScreenTask task, string utterance, string language, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(task);
        var started = time.GetTimestamp();
        var actions = new List<string>();
        var steps = 0;
        try
        {
            await PrepareAsync(cancellationToken);
            await _gate.WaitAsync(cancellationToken);
            try
            {
                using var budget = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                budget.CancelAfter(_options.TaskTimeout);
                var result = await LoopAsync(task, utterance, language, actions, s => steps = s, budget.Token);
                return Finish(task, utterance, result, started);
            }
            finally
            {
                _gate.Release();
            }
        }
        catch (Exception e) when (e is OperationCanceledException or RpcException { StatusCode: StatusCode.Cancelled } && !cancellationToken.IsCancellationRequested)
        {
            // The task's budget ran out, whether during a wait or inside an HMI call.
            return Finish(task, utterance, new ScreenTaskResult(false, ScreenReplies.OutOfTime(language), steps, actions), started);
        }
        catch (RpcException e) when (e.StatusCode != StatusCode.Cancelled)
        {
            // The HMI is away or refuses the agent (also while the UI map is first learnt): the task failed, saying why.
            ScreenLog.Unreachable(logger, $"{e.StatusCode}: {e.Status.Detail}");
            return Finish(task, utterance, new ScreenTaskResult(false, ScreenReplies.Unreachable(e.StatusCode, language), steps, actions) { Unreachable = true }, started);
        }
    }

    private async Task<ScreenTaskResult> LoopAsync(
        ScreenTask task, string utterance, string language, List<string> actions, Action<int> countSteps, CancellationToken cancellationToken)
    {
        var map = _map!;
        var screen = await hmi.GetScreenAsync(new GetScreenRequest(), cancellationToken: cancellationToken);
        var intent = ScreenGrounder.Ground(task, utterance, language, map, screen, out var refusal);
        if (intent is null)
        {
            return new ScreenTaskResult(false, refusal, 0, actions);
        }

        var baseline = await _guard.TakeAsync(cancellationToken);
        var result = await ActAsync(intent, map, screen, language, actions, countSteps, cancellationToken);
        return await _guard.CheckAsync(baseline, intent, language, cancellationToken) is { } changed
            ? result with { Succeeded = false, Reason = changed }
            : result;
    }

    private async Task<ScreenTaskResult> ActAsync(
        ScreenIntent intent, UiMap map, HmiScreen screen, string language, List<string> actions, Action<int> countSteps, CancellationToken cancellationToken)
    {
        var planner = new ScreenPlanner(intent, map, language);
        var state = await hmi.GetStateAsync(new GetStateRequest(), cancellationToken: cancellationToken);
        for (var steps = 0; ; )
        {
            var step = planner.Next(screen, state);
            if (step.Done)
            {
                return new ScreenTaskResult(true, null, steps, actions);
            }

            if (step.Action is not { } action)
            {
                return new ScreenTaskResult(false, step.Failure, steps, actions);
            }

            if (steps >= _options.MaxSteps)
            {
                return new ScreenTaskResult(false, ScreenReplies.OutOfSteps(_options.MaxSteps, language), steps, actions);
            }

            var stepStarted = time.GetTimestamp();
            countSteps(++steps);
            actions.Add(action.ToString());
            var from = screen.Id;
            try
            {
                screen = (await hmi.ActAsync(action.ToRequest(), cancellationToken: cancellationToken)).Screen;
                planner.Observe(action, refused: false);
                Learn(map, from, action, screen);
            }
            catch (RpcException e) when (e.StatusCode is StatusCode.NotFound or StatusCode.FailedPrecondition or StatusCode.InvalidArgument)
            {
                ScreenLog.ActionRefused(logger, action.ToString(), from, e.Status.Detail);
                planner.Observe(action, refused: true);
                screen = await hmi.GetScreenAsync(new GetScreenRequest(), cancellationToken: cancellationToken);
            }

            state = await hmi.GetStateAsync(new GetStateRequest(), cancellationToken: cancellationToken);
            ScreenLog.Step(logger, steps, from, action.ToString(), time.GetElapsedTime(stepStarted).TotalMilliseconds);
        }
    }

    /// <summary>Transitions seen while working are kept: the map grows with use (a dialog exploration never met).</summary>
    private static void Learn(UiMap map, string from, UiAction action, HmiScreen to)
    {
        if (action.Kind == "tap" && to.Id != from && !to.Elements.Any(e => e.Id == action.Target) && map.Transitions.All(t => t.ListId is null || !action.Target!.StartsWith(t.ListId + ".", StringComparison.Ordinal)))
        {
            map.AddTransition(new UiTransition(from, action, to.Id, null));
        }
    }

    /// <inheritdoc />
    public void Dispose() => _gate.Dispose();

    private ScreenTaskResult Finish(ScreenTask task, string utterance, ScreenTaskResult result, long started)
    {
        ScreenLog.Finished(logger, task.Function, utterance, result.Succeeded ? "done" : $"failed ({result.Reason})", result.Steps,
            time.GetElapsedTime(started).TotalMilliseconds, string.Join(", ", result.Actions));
        return result;
    }
}
