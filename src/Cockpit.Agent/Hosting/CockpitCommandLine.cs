using System.CommandLine;
using Cockpit.Agent.Conversations;
using Cockpit.Agent.Evaluation;
using Cockpit.Agent.HeadUnit;
using Cockpit.Agent.Interactions;
using Cockpit.Agent.Screen;
using Cockpit.Console;
using Cockpit.ServiceDefaults.Grpc;
using Cockpit.ServiceDefaults.Security;
using Cockpit.Understanding;
using Cockpit.Vehicle.Client;
using Cockpit.Vehicle.V1;
using Grpc.Net.Client;
using Microsoft.Extensions.Options;

namespace Cockpit.Agent.Hosting;

/// <summary>
/// The verbs of the Cockpit binary. With no verb it runs the embedded default. Arguments it does not
/// know (e.g. <c>--Vehicle:Port=55560</c>) are passed on as configuration.
/// </summary>
internal static class CockpitCommandLine
{
    public static RootCommand Build()
    {
        var root = new RootCommand("Cockpit: an offline in-vehicle voice and GUI agent. With no verb: the embedded default (simulated car + agent on loopback).")
        {
            TreatUnmatchedTokensAsErrors = false,
        };
        var demo = new Option<bool>("--demo") { Description = "Run the demonstration utterances and exit, instead of the interactive prompt." };
        root.Options.Add(demo);
        root.SetAction((result, cancellationToken) => RunEmbeddedAsync(result.UnmatchedTokens.ToArray(), result.GetValue(demo), cancellationToken));

        var serve = new Command("serve", "Run the agent alone, against the vehicle service at Agent:VehicleAddress.") { TreatUnmatchedTokensAsErrors = false };
        serve.SetAction(async (result, cancellationToken) =>
        {
            await HeadUnitAgent.Build([.. result.UnmatchedTokens]).RunAsync(cancellationToken);
            return 0;
        });
        root.Subcommands.Add(serve);

        var consoleCommand = new Command("console", "Serve the web console alone, against running services (Console:AgentAddress, HmiAddress, VehicleAddress).") { TreatUnmatchedTokensAsErrors = false };
        consoleCommand.SetAction(async (result, cancellationToken) =>
        {
            await using var app = CockpitHost.BuildConsoleOnly([.. result.UnmatchedTokens]);
            await app.StartAsync(cancellationToken);
            await System.Console.Out.WriteLineAsync($"Console: {app.Services.GetRequiredService<IOptions<ConsoleOptions>>().Value.PageAddress(token: null)}?token=<a token with the scope console>");
            await app.WaitForShutdownAsync(cancellationToken);
            return 0;
        });
        root.Subcommands.Add(consoleCommand);

        var text = new Argument<string>("text") { Description = "What the occupant says." };
        var language = new Option<string?>("--lang") { Description = "zh or en (default: decided from the text)." };
        var seat = new Option<string>("--seat") { Description = "driver, passenger, rear_left, rear_right.", DefaultValueFactory = _ => "driver" };
        var say = new Command("say", "Say one sentence to the embedded default and print what the agent did.") { text, language, seat };
        say.TreatUnmatchedTokensAsErrors = false;
        say.SetAction((result, cancellationToken) => SayAsync([.. result.UnmatchedTokens], result.GetValue(text)!, result.GetValue(language), result.GetValue(seat)!, cancellationToken));
        root.Subcommands.Add(say);

        var wavFile = new Argument<FileInfo>("file") { Description = "A WAV file (PCM or float, any rate, mono or stereo)." };
        var wavLanguage = new Option<string?>("--lang") { Description = "zh or en (default: recognised)." };
        var wav = new Command("wav", "Say a recorded utterance to the embedded default (needs Speech:ModelPath).") { wavFile, wavLanguage };
        wav.TreatUnmatchedTokensAsErrors = false;
        wav.SetAction((result, cancellationToken) => WavAsync([.. result.UnmatchedTokens], result.GetValue(wavFile)!, result.GetValue(wavLanguage), cancellationToken));
        root.Subcommands.Add(wav);

        var file = new Argument<FileInfo>("file") { Description = "A scenario file (JSON Lines, shared/eval/SCENARIOS.md)." };
        var report = new Option<FileInfo?>("--report") { Description = "Also write the JSON report to this file." };
        var vehicle = new Option<Uri?>("--vehicle") { Description = "Run against a running vehicle service at this address instead of the embedded one." };
        var hmi = new Option<Uri?>("--hmi") { Description = "With --vehicle: the running HMI's address (default http://127.0.0.1:55556)." };
        var eval = new Command("eval", "Run a scenario file through the whole pipeline and report execution accuracy.") { file, report, vehicle, hmi };
        eval.TreatUnmatchedTokensAsErrors = false;
        eval.SetAction((result, cancellationToken) => EvalAsync([.. result.UnmatchedTokens], result.GetValue(file)!, result.GetValue(report), result.GetValue(vehicle), result.GetValue(hmi), cancellationToken));
        root.Subcommands.Add(eval);

        var json = new Option<FileInfo?>("--json") { Description = "Also write the report as JSON to this file." };
        var html = new Option<FileInfo?>("--html") { Description = "Also write the report as an HTML page with charts to this file." };
        var reportCommand = new Command("report", "Print the accuracy report of the interaction log (execution accuracy, latency, worst utterances).") { json, html };
        reportCommand.TreatUnmatchedTokensAsErrors = false;
        reportCommand.SetAction((result, cancellationToken) => ReportAsync([.. result.UnmatchedTokens], result.GetValue(json), result.GetValue(html), cancellationToken));
        root.Subcommands.Add(reportCommand);
        root.Subcommands.Add(TokenCommand.Build());
        return root;
    }

    private static async Task<int> RunEmbeddedAsync(string[] configurationArgs, bool demoOnly, CancellationToken cancellationToken)
    {
        await using var app = await CockpitHost.StartEmbeddedAsync(configurationArgs, freePorts: false, cancellationToken: cancellationToken);
        await app.Services.GetRequiredService<ScreenAgent>().PrepareAsync(cancellationToken);
        // The address carries the page's token; the browser keeps it in a cookie and drops it from the address bar.
        var consoleOptions = app.Services.GetRequiredService<IOptions<ConsoleOptions>>().Value;
        await System.Console.Out.WriteLineAsync($"Console: {consoleOptions.PageAddress(app.Services.GetRequiredService<EmbeddedAuthorization>().ConsolePageToken)}");

        var pipeline = app.Services.GetRequiredService<AgentPipeline>();
        var conversation = new ConsoleConversation(pipeline, System.Console.Out);
        if (demoOnly || System.Console.IsInputRedirected)
        {
            await conversation.DemonstrateAsync(cancellationToken);
            if (demoOnly)
            {
                await app.StopAsync(cancellationToken);
                return 0;
            }
        }
        else
        {
            await conversation.InteractAsync(System.Console.In, cancellationToken);
            await app.StopAsync(cancellationToken);
            return 0;
        }

        await app.WaitForShutdownAsync(cancellationToken);
        return 0;
    }

    private static async Task<int> SayAsync(string[] configurationArgs, string text, string? language, string seat, CancellationToken cancellationToken)
    {
        await using var app = await CockpitHost.StartEmbeddedAsync(configurationArgs, freePorts: true, cancellationToken: cancellationToken);
        var console = new ConsoleConversation(app.Services.GetRequiredService<AgentPipeline>(), System.Console.Out);
        await console.SayAsync(new TurnRequest(text, language, SeatNames.Parse(seat), null), cancellationToken);
        await app.StopAsync(cancellationToken);
        return 0;
    }

    private static async Task<int> WavAsync(string[] configurationArgs, FileInfo file, string? language, CancellationToken cancellationToken)
    {
        await using var app = await CockpitHost.StartEmbeddedAsync(configurationArgs, freePorts: true, cancellationToken: cancellationToken);
        try
        {
            var (transcript, turn) = await app.Services.GetRequiredService<VoicePipeline>()
                .ConverseAsync(file.FullName, new TurnRequest("", language, Seat.Driver, null), cancellationToken);
            await System.Console.Out.WriteLineAsync($"» {transcript?.Text} [{transcript?.Language}, confidence {transcript?.Confidence:0.00}]");
            await System.Console.Out.WriteLineAsync($"  {turn.Reply}   [{InteractionRecord.OutcomeName(turn.Outcome)}, {turn.Total.TotalMilliseconds:0.0} ms]");
            return 0;
        }
        catch (Exception error) when (error is Speech.Audio.AudioInputException or Speech.Recognition.SpeechUnavailableException or IOException)
        {
            await System.Console.Error.WriteLineAsync(error.Message);
            return 2;
        }
        finally
        {
            await app.StopAsync(CancellationToken.None);
        }
    }

    private static async Task<int> ReportAsync(string[] configurationArgs, FileInfo? json, FileInfo? html, CancellationToken cancellationToken)
    {
        var configuration = new ConfigurationBuilder().AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: true)
            .AddEnvironmentVariables().AddCommandLine(configurationArgs).Build();
        var options = new AgentOptions();
        configuration.GetSection(AgentOptions.SectionName).Bind(options);
        using var log = new InteractionLog(Options.Create(options), TimeProvider.System, Microsoft.Extensions.Logging.Abstractions.NullLogger<InteractionLog>.Instance);
        var report = AccuracyReport.From(log.ReadAll());
        await System.Console.Out.WriteAsync(AccuracyReportWriter.ToText(report));
        if (json is not null)
        {
            await File.WriteAllTextAsync(json.FullName, report.ToJson(), cancellationToken);
        }

        if (html is not null)
        {
            await File.WriteAllTextAsync(html.FullName, AccuracyReportWriter.ToHtml(report, DateTimeOffset.UtcNow), cancellationToken);
        }

        // Reported records may now make room under the log's size cap.
        log.MarkExported(report.LastId);
        return 0;
    }

    private static async Task<int> EvalAsync(string[] configurationArgs, FileInfo file, FileInfo? report, Uri? vehicleAddress, Uri? hmiAddress, CancellationToken cancellationToken)
    {
        // Embedded, simulated time stands still; Settle moves it, so every run is deterministic.
        await using var app = vehicleAddress is null
            ? await CockpitHost.StartEmbeddedAsync(configurationArgs, freePorts: true, timeScale: 0, cancellationToken)
            : await StartAgentOnlyAsync();
        // Exploring the HMI touches the car for a moment; it must happen before any scenario's snapshot.
        await app.Services.GetRequiredService<ScreenAgent>().PrepareAsync(cancellationToken);
        var options = app.Services.GetRequiredService<IOptions<AgentOptions>>().Value;
        // Embedded: the harness's own token; against a running vehicle: the agent's, which then needs 'simulate' too.
        // Likewise for the HMI: the harness's token resets it; the agent's must then hold 'simulate' too.
        var embedded = app.Services.GetService<EmbeddedAuthorization>();
        using var channel = CockpitGrpcChannel.ForAddress(options.VehicleAddress, new GrpcChannelOptions().WithBearerToken(embedded?.BenchToken ?? options.ResolveVehicleToken()));
        using var hmiChannel = CockpitGrpcChannel.ForAddress(options.HmiAddress, new GrpcChannelOptions().WithBearerToken(embedded?.BenchHmiToken ?? options.ResolveHmiToken()));
        var runner = new ScenarioRunner(
            app.Services.GetRequiredService<AgentPipeline>(),
            app.Services.GetRequiredService<VoicePipeline>(),
            app.Services.GetRequiredService<VehicleClient>(),
            new Simulation.SimulationClient(channel),
            new Hmi.V1.Hmi.HmiClient(hmiChannel),
            app.Services.GetRequiredService<InteractionLog>());
        try
        {
            return await new EvalCommand(runner, System.Console.Out).RunAsync(file.FullName, report?.FullName, cancellationToken);
        }
        catch (Exception error) when (error is ScenarioFileException or FileNotFoundException)
        {
            await System.Console.Error.WriteLineAsync(error.Message);
            return 2;
        }
        finally
        {
            await app.StopAsync(CancellationToken.None);
        }

        async Task<WebApplication> StartAgentOnlyAsync()
        {
            // The harness talks to the pipeline in process; the agent's own API trusts a key nobody holds.
            var (_, unusedKey) = TokenKeys.CreateRsaPem();
            var agent = HeadUnitAgent.Build([.. configurationArgs, $"--Agent:VehicleAddress={vehicleAddress}", "--Agent:Port=0",
                $"--Agent:Authorization:PublicKey={unusedKey}",
                .. hmiAddress is null ? Array.Empty<string>() : [$"--Agent:HmiAddress={hmiAddress}"]]);
            await agent.StartAsync(cancellationToken);
            return agent;
        }
    }
}
