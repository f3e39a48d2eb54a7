using System.Net;
using System.Text;
using Cockpit.Agent.Tests;
using Cockpit.Agent.V1;
using Cockpit.Gui;
using Cockpit.Hmi.V1;
using Cockpit.Testing;
using Cockpit.Vehicle.V1;
using Grpc.Core;
using Grpc.Net.Client;
using Kuksa.Val.V2;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Cockpit.Reliability.Tests;

/// <summary>
/// A local process without credentials, or with a token for something else, against the agent, the HMI and the watch
/// page of the embedded default; and careless or hostile inputs (huge strings, malformed messages) against all three.
/// </summary>
public sealed class ApiAttackTests(EmbeddedCockpit cockpit) : IClassFixture<EmbeddedCockpit>
{
    private const string DoorLock = "Vehicle.Cabin.Door.Row1.DriverSide.IsLocked";

    [Theory]
    [InlineData(null)]
    [InlineData("page")]
    [InlineData("forged")]
    public async Task Agent_WithoutItsToken_UnlocksNothingAndLogsNothing(string? token)
    {
        await LockDoorsAsync();
        var before = cockpit.Interactions.Count;
        using var channel = GrpcChannels.ForAddress(cockpit.AgentAddress, Token(token));

        var error = await Assert.ThrowsAsync<RpcException>(() =>
            new Agent.V1.Agent.AgentClient(channel).ConverseAsync(new ConverseRequest { Text = "unlock the doors", Language = "en" }).ResponseAsync);

        Assert.Equal(StatusCode.Unauthenticated, error.StatusCode);
        Assert.Equal(before, cockpit.Interactions.Count);
        Assert.True(await IsLockedAsync());
    }

    [Fact]
    public async Task WatchInteractions_WithoutToken_Unauthenticated()
    {
        using var channel = GrpcChannels.ForAddress(cockpit.AgentAddress, null);
        using var call = new Agent.V1.Agent.AgentClient(channel).WatchInteractions(new WatchInteractionsRequest());

        var error = await Assert.ThrowsAsync<RpcException>(() => call.ResponseStream.MoveNext());

        Assert.Equal(StatusCode.Unauthenticated, error.StatusCode);
    }

    [Theory]
    [InlineData(null, StatusCode.Unauthenticated)]
    [InlineData("page", StatusCode.PermissionDenied)]
    [InlineData("console", StatusCode.Unauthenticated)]
    public async Task HmiDoorLockSwitch_WithoutActScope_Refused(string? token, StatusCode code)
    {
        await LockDoorsAsync();
        using var channel = GrpcChannels.ForAddress(cockpit.HmiAddress, Token(token));
        var hmi = new Hmi.V1.Hmi.HmiClient(channel);

        var error = await Assert.ThrowsAsync<RpcException>(() => hmi.ActAsync(new ActRequest { Tap = new Tap { ElementId = "vehicle.door_lock" } }).ResponseAsync);

        Assert.Equal(code, error.StatusCode);
        Assert.True(await IsLockedAsync());
    }

    [Fact]
    public async Task WatchPage_NoTokenOrForeignHost_RefusedTokenInAddress_ServedByCookie()
    {
        var cookies = new CookieContainer();
        using var http = new HttpClient(new HttpClientHandler { CookieContainer = cookies }) { BaseAddress = cockpit.PageAddress };

        using var anonymous = await http.GetAsync("/hmi/api/view");
        using var rebound = new HttpRequestMessage(HttpMethod.Get, $"/hmi/?token={cockpit.Authorization.PageToken}") { Headers = { Host = "evil.example:80" } };
        using var foreign = await http.SendAsync(rebound);
        using var page = await http.GetAsync($"/hmi/?token={cockpit.Authorization.PageToken}");
        using var view = await http.GetAsync("/hmi/api/view");

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.MisdirectedRequest, foreign.StatusCode);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("/hmi/", page.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.DoesNotContain("token=", page.RequestMessage.RequestUri.Query, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, view.StatusCode);
    }

    [Fact]
    public async Task Converse_MegabyteConversationId_InvalidArgumentNamingFieldAndLimitAndNothingLogged()
    {
        var before = cockpit.Interactions.Count;
        using var channel = cockpit.CreateAgentChannel();

        var error = await Assert.ThrowsAsync<RpcException>(() => new Agent.V1.Agent.AgentClient(channel)
            .ConverseAsync(new ConverseRequest { Text = "open the sunroof", ConversationId = new string('x', 1_000_000) }).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.StartsWith("conversation_id: 1000000 characters long; the limit is 128", error.Status.Detail, StringComparison.Ordinal);
        Assert.Equal(before, cockpit.Interactions.Count);
    }

    [Fact]
    public async Task HmiTap_HugeElementId_InvalidArgumentAndTheWatchViewStaysSmall()
    {
        using var channel = GrpcChannels.ForAddress(cockpit.HmiAddress, cockpit.Authorization.AgentHmiToken);
        var hmi = new Hmi.V1.Hmi.HmiClient(channel);

        var error = await Assert.ThrowsAsync<RpcException>(() => hmi.ActAsync(new ActRequest { Tap = new Tap { ElementId = new string('e', 50_000) } }).ResponseAsync);
        var history = cockpit.Services.GetRequiredService<Gui.Hmi.HmiEngine>().History;

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Equal("element_id is 50000 characters long; at most 128 are allowed", error.Status.Detail);
        Assert.All(history, record => Assert.InRange(record.ToString()!.Length, 1, 1000));
    }

    [Fact]
    public async Task Vehicle_HugePathAndPattern_BoundedErrorsNoEcho()
    {
        using var channel = GrpcChannels.ForAddress(cockpit.VehicleAddress, cockpit.Authorization.BenchToken);
        var val = new VAL.VALClient(channel);
        var huge = "Vehicle." + new string('A', 100_000);

        var path = await Assert.ThrowsAsync<RpcException>(() => val.GetValueAsync(new GetValueRequest { SignalId = Wire.Path(huge) }).ResponseAsync);
        var pattern = await Assert.ThrowsAsync<RpcException>(() => val.ListMetadataAsync(new ListMetadataRequest { Root = huge + ".*x" }).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, path.StatusCode);
        Assert.Equal(StatusCode.InvalidArgument, pattern.StatusCode);
        Assert.InRange(path.Status.Detail.Length, 1, 300);
        Assert.InRange(pattern.Status.Detail.Length, 1, 400);
    }

    [Fact]
    public async Task ListMetadata_NestedDoubleWildcards_AnsweredWithoutBacktracking()
    {
        using var channel = GrpcChannels.ForAddress(cockpit.VehicleAddress, cockpit.Authorization.BenchToken);
        var val = new VAL.VALClient(channel);
        var root = string.Join('.', Enumerable.Repeat("**", 36)) + ".Nope"; // 109 bytes: minutes of backtracking before

        var call = val.ListMetadataAsync(new ListMetadataRequest { Root = root }, deadline: DateTime.UtcNow.AddSeconds(30)).ResponseAsync;
        var error = await Assert.ThrowsAsync<RpcException>(() => call);

        Assert.Equal(StatusCode.NotFound, error.StatusCode);
    }

    [Fact]
    public async Task Converse_MalformedMessage_InvalidArgumentOrInternalNeverUnknown()
    {
        using var channel = cockpit.CreateAgentChannel();
        var garbage = new Marshaller<byte[]>(bytes => bytes, bytes => bytes);
        var method = new Method<byte[], byte[]>(MethodType.Unary, Agent.V1.Agent.Descriptor.FullName, "Converse", garbage, garbage);

        var error = await Assert.ThrowsAsync<RpcException>(() =>
            channel.CreateCallInvoker().AsyncUnaryCall(method, null, new CallOptions(), Encoding.UTF8.GetBytes("\u00ff\u00ff\u00ff not protobuf")).ResponseAsync);

        Assert.Contains(error.StatusCode, new[] { StatusCode.InvalidArgument, StatusCode.Internal });
    }

    private string? Token(string? name) => name switch
    {
        null => null,
        "page" => cockpit.Authorization.PageToken,
        "console" => cockpit.Authorization.ConsoleToken,
        _ => "eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4Iiwic2NvcGUiOiJjb252ZXJzZSJ9.",
    };

    private async Task LockDoorsAsync() =>
        await new Simulation.SimulationClient(cockpit.VehicleChannel).SetSignalsAsync(new SetSignalsRequest { Values = { [DoorLock] = Wire.Bool(true) } });

    private async Task<bool> IsLockedAsync() =>
        (await new VAL.VALClient(cockpit.VehicleChannel).GetValueAsync(new GetValueRequest { SignalId = Wire.Path(DoorLock) })).DataPoint.Value.Bool;
}
