using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Cockpit.Console.Tests.Infrastructure;
using Cockpit.Vehicle.V1;

namespace Cockpit.Console.Tests.Web;

/// <summary>The console's API against the real services: typed turns, the live streams, the report and push-to-talk.</summary>
[Collection(EmbeddedConsoleGroup.Name)]
public sealed class ConsoleApiTests(EmbeddedConsole console) : IAsyncLifetime
{
    private const string SunroofSwitch = "Vehicle.Cabin.Sunroof.Switch";
    private const string SunroofPosition = "Vehicle.Cabin.Sunroof.Position";

    public Task InitializeAsync() => console.ResetAsync();

    public async Task DisposeAsync()
    {
        await console.ResetAsync();
        console.AssertNoErrorsLogged();
    }

    [Fact]
    public async Task Events_Opened_EveryServiceUpTheWholeCarAndTheScreen()
    {
        using var http = await console.CreatePageClientAsync();

        await using var events = await EventStream.OpenAsync(http);

        Assert.Equal("text/event-stream", events.Response.Content.Headers.ContentType?.MediaType);
        foreach (var service in new[] { "vehicle", "hmi", "agent" })
        {
            await events.WaitForAsync("status", status => status.GetProperty("service").GetString() == service && status.GetProperty("available").GetBoolean());
        }

        var screen = await events.WaitForAsync("screen", _ => true);
        await events.WaitForAsync("car", _ => Car.CarSignals.Paths.All(events.Car.ContainsKey));
        Assert.Equal(("home", 1280, 720), (screen.GetProperty("id").GetString(), screen.GetProperty("width").GetInt32(), screen.GetProperty("height").GetInt32()));
        Assert.Equal(("INACTIVE", 0, false, 22.0), (events.Car[SunroofSwitch].GetString(), events.Car[SunroofPosition].GetInt32(),
            events.Car["Vehicle.Cabin.Door.Row1.DriverSide.IsOpen"].GetBoolean(), events.Car["Vehicle.Cabin.HVAC.Station.Row1.Driver.Temperature"].GetDouble()));
    }

    [Theory]
    [InlineData("open the sunroof")]
    [InlineData("打开天窗")]
    public async Task Converse_OpenTheSunroof_CarStreamShowsItAndTheTurnIsStreamed(string text)
    {
        using var http = await console.CreatePageClientAsync();
        await using var events = await EventStream.OpenAsync(http);
        await events.WaitForAsync("status", status => status.GetProperty("service").GetString() == "agent" && status.GetProperty("available").GetBoolean());
        await events.WaitForCarAsync(SunroofSwitch, value => value.GetString() == "INACTIVE");

        using var response = await http.PostAsJsonAsync("/console/api/converse", new { text });
        var turn = await response.Content.ReadFromJsonAsync<JsonElement>();
        await events.WaitForCarAsync(SunroofSwitch, value => value.GetString() == "OPEN");
        var streamed = await events.WaitForAsync("turn", item => item.GetProperty("interactionId").GetInt64() == turn.GetProperty("interactionId").GetInt64());
        await console.Simulation.SettleAsync(new SettleRequest());
        await events.WaitForCarAsync(SunroofPosition, value => value.GetInt32() == 100);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(("done", text), (turn.GetProperty("outcome").GetString(), turn.GetProperty("text").GetString()));
        var action = Assert.Single(turn.GetProperty("actions").EnumerateArray());
        Assert.Equal(("sunroof.open()", "accepted"), (action.GetProperty("call").GetString(), action.GetProperty("status").GetString()));
        Assert.Equal($"{SunroofSwitch}=OPEN", string.Join(",", action.GetProperty("targets").EnumerateArray().Select(t => $"{t.GetProperty("path").GetString()}={t.GetProperty("value").GetString()}")));
        Assert.True(turn.GetProperty("timings").GetProperty("totalMs").GetDouble() > 0);
        Assert.Equal((text, "done", "driver"), (streamed.GetProperty("text").GetString(), streamed.GetProperty("outcome").GetString(), streamed.GetProperty("seat").GetString()));
        Assert.Equal(turn.GetProperty("reply").GetString(), streamed.GetProperty("reply").GetString());
    }

    [Theory]
    [InlineData("{\"text\": \"\"}", 400, "text: say something first")]
    [InlineData("{\"text\": \"open the sunroof\", \"seat\": \"roof\"}", 400, "roof")]
    public async Task Converse_InvalidRequest_BadRequestNamingTheField(string body, int status, string detail)
    {
        using var http = await console.CreatePageClientAsync();

        using var response = await http.PostAsync("/console/api/converse", new StringContent(body, MediaTypeHeaderValue.Parse("application/json")));

        Assert.Equal(status, (int)response.StatusCode);
        Assert.Contains(detail, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Report_AfterTurns_CountsThemWithLatencyPerStage()
    {
        using var http = await console.CreatePageClientAsync();
        (await http.PostAsJsonAsync("/console/api/converse", new { text = "打开空调" })).EnsureSuccessStatusCode();

        var report = await http.GetFromJsonAsync<JsonElement>("/console/api/report");

        Assert.Equal(console.Interactions.Count, report.GetProperty("interactions").GetInt64());
        Assert.Equal(["understanding", "execution", "total"], report.GetProperty("latency").EnumerateArray().Select(stage => stage.GetProperty("stage").GetString()));
        Assert.Contains(report.GetProperty("outcomes").EnumerateArray(), outcome => outcome.GetProperty("name").GetString() == "done");
    }

    [Fact]
    public async Task Voice_NoSpeechModel_ServiceUnavailableSayingSoPlainly()
    {
        using var http = await console.CreatePageClientAsync();

        using var response = await http.PostAsync("/console/api/voice?conversationId=ptt", Pcm(Tone(TimeSpan.FromSeconds(1))));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("speech_unavailable", problem.GetProperty("code").GetString());
        Assert.Equal("the agent has no speech model", problem.GetProperty("title").GetString());
        Assert.Equal("speech unavailable: no Whisper model configured (Speech:ModelPath)", problem.GetProperty("detail").GetString());
    }

    [Theory]
    [InlineData(0, 400, "the recording is 0 bytes")]
    [InlineData(3, 400, "the recording is 3 bytes; send 16 kHz mono 16-bit little-endian PCM")]
    [InlineData(30 * 32_000 + 2, 413, "the recording is longer than Console:MaxVoiceDuration (30 s, 960000 bytes)")]
    public async Task Voice_BadRecording_RefusedBeforeTheAgentHearsIt(int bytes, int status, string detail)
    {
        using var http = await console.CreatePageClientAsync();
        var before = console.Interactions.Count;

        using var response = await http.PostAsync("/console/api/voice", Pcm(new byte[bytes]));

        Assert.Equal(status, (int)response.StatusCode);
        Assert.StartsWith(detail, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(before, console.Interactions.Count);
    }

    private static ByteArrayContent Pcm(byte[] pcm)
    {
        var content = new ByteArrayContent(pcm);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        return content;
    }

    /// <summary>A 440 Hz tone, 16 kHz mono 16-bit little-endian.</summary>
    private static byte[] Tone(TimeSpan length)
    {
        var samples = (int)(length.TotalSeconds * 16_000);
        var pcm = new byte[samples * 2];
        for (var index = 0; index < samples; index++)
        {
            var sample = (short)(8_000 * Math.Sin(2 * Math.PI * 440 * index / 16_000));
            pcm[2 * index] = (byte)sample;
            pcm[(2 * index) + 1] = (byte)(sample >> 8);
        }

        return pcm;
    }
}
