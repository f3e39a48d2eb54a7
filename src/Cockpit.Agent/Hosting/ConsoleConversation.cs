using Cockpit.Agent.Conversations;
using Cockpit.Understanding;
using Cockpit.Vehicle.Client;

namespace Cockpit.Agent.Hosting;

/// <summary>Shows a person what the agent does: an interactive prompt, a demonstration, or one sentence.</summary>
internal sealed class ConsoleConversation(AgentPipeline pipeline, TextWriter output)
{
    private static readonly (string Text, string Language)[] s_demonstration =
    [
        ("把主驾温度调到二十二度", "zh"),
        ("close the sunroof and turn on the AC", "en"),
        ("有点热，温度调低一点", "zh"),
        ("open the rear left window halfway", "en"),
        ("温度调到五十度", "zh"),
        ("what a lovely day it is", "en"),
    ];

    /// <summary>Reads utterances line by line until end of input or "exit".</summary>
    public async Task InteractAsync(TextReader input, CancellationToken cancellationToken)
    {
        await output.WriteLineAsync("Cockpit is listening. Type what you would say (中文 or English); \"/seat passenger\" changes who speaks; \"exit\" quits.");
        var seat = Seat.Driver;
        var conversationId = Guid.NewGuid().ToString("N");
        while (!cancellationToken.IsCancellationRequested)
        {
            await output.WriteAsync($"{seat.ToId()}> ");
            var line = await input.ReadLineAsync(cancellationToken);
            if (line is null || line.Trim() is "exit" or "quit")
            {
                return;
            }

            if (line.StartsWith("/seat ", StringComparison.Ordinal))
            {
                try
                {
                    seat = SeatNames.Parse(line[6..].Trim());
                }
                catch (ArgumentException error)
                {
                    await output.WriteLineAsync(error.Message);
                }

                continue;
            }

            if (line.Trim().Length > 0)
            {
                await SayAsync(new TurnRequest(line.Trim(), null, seat, conversationId), cancellationToken);
            }
        }
    }

    /// <summary>Runs a few typical utterances and prints what happened.</summary>
    public async Task DemonstrateAsync(CancellationToken cancellationToken)
    {
        await output.WriteLineAsync("Cockpit demonstration (no terminal attached): a few utterances against the simulated car.");
        foreach (var (text, language) in s_demonstration)
        {
            await SayAsync(new TurnRequest(text, language, Seat.Driver, null), cancellationToken);
        }
    }

    /// <summary>Says one sentence and prints the reply, the actions and the latency.</summary>
    public async Task SayAsync(TurnRequest request, CancellationToken cancellationToken)
    {
        TurnResult result;
        try
        {
            result = await pipeline.ConverseAsync(request, cancellationToken);
        }
        catch (ArgumentException error)
        {
            await output.WriteLineAsync($"  ! {error.Message}");
            return;
        }

        await output.WriteLineAsync($"» {request.Text}");
        await output.WriteLineAsync($"  {result.Reply}   [{Interactions.InteractionRecord.OutcomeName(result.Outcome)}, {result.Total.TotalMilliseconds:0.0} ms]");
        foreach (var action in result.Actions)
        {
            var targets = string.Join(", ", action.Targets.Select(target => $"{target.Path} = {KuksaValues.Format(target.Value)}"));
            await output.WriteLineAsync($"    {action.Status.ToString().ToLowerInvariant(),-8} {action.Call}{(targets.Length > 0 ? " → " + targets : "")}");
        }
    }
}
