using System.CommandLine;
using Cockpit.Agent.Hosting;
using Cockpit.Testing;
using Cockpit.Vehicle.Security;
using Grpc.Core;
using Kuksa.Val.V2;
using Microsoft.Extensions.DependencyInjection;

namespace Cockpit.Agent.Tests.Security;

/// <summary><c>Cockpit.Agent token keygen</c> and <c>Cockpit.Agent token issue</c> make what a vehicle service configured with the key accepts.</summary>
public sealed class TokenCommandTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), $"cockpit-token-{Guid.NewGuid():N}");

    public void Dispose()
    {
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    [Fact]
    public async Task KeygenThenIssue_TokenAcceptedWithinItsScope()
    {
        var (keygen, keygenOutput, _) = await RunAsync("token", "keygen", "--out", _directory);
        var (issue, token, _) = await RunAsync("token", "issue", "--key", Path.Combine(_directory, "cockpit-private.pem"),
            "--scope", "read actuate:Vehicle.Cabin.HVAC.*", "--subject", "climate-app", "--expires", "1h");
        await using var vehicle = await VehicleServiceHost.StartAsync(services: services => services.Configure<VehicleAuthorizationOptions>(options =>
            (options.PublicKey, options.PublicKeyPath) = (null, Path.Combine(_directory, "cockpit-public.pem"))));
        using var channel = vehicle.CreateChannel(token.Trim());
        var client = new VAL.VALClient(channel);

        await client.ActuateAsync(Wire.Actuate("Vehicle.Cabin.HVAC.IsAirConditioningActive", Wire.Bool(true)));
        var denied = await Assert.ThrowsAsync<RpcException>(() => client.ActuateAsync(Wire.Actuate("Vehicle.Body.Trunk.Rear.IsOpen", Wire.Bool(true))).ResponseAsync);

        Assert.Equal((0, 0), (keygen, issue));
        Assert.Contains("--Vehicle:Authorization:PublicKeyPath=", keygenOutput, StringComparison.Ordinal);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(_directory, "cockpit-private.pem")));
        }

        Assert.Equal(3, token.Trim().Split('.').Length);
        Assert.Equal(StatusCode.PermissionDenied, denied.StatusCode);
        Assert.Contains("the token of 'climate-app' has no 'actuate' scope", denied.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Keygen_KeysThere_RefusesToOverwrite()
    {
        await RunAsync("token", "keygen", "--out", _directory);
        var key = await File.ReadAllTextAsync(Path.Combine(_directory, "cockpit-private.pem"));

        var (exit, _, error) = await RunAsync("token", "keygen", "--out", _directory);

        Assert.Equal(2, exit);
        Assert.Contains("holds a key pair already", error, StringComparison.Ordinal);
        Assert.Equal(key, await File.ReadAllTextAsync(Path.Combine(_directory, "cockpit-private.pem")));
    }

    [Theory]
    [InlineData("write:Vehicle.Speed", "1h", "cannot issue the token: scope entry 'write:Vehicle.Speed': 'write' is none of")]
    [InlineData("read", "soon", "cannot issue the token: --expires 'soon': expected e.g. 90s, 15m, 12h or 30d")]
    public async Task Issue_BadArguments_ExplainsAndPrintsNoToken(string scope, string expires, string message)
    {
        await RunAsync("token", "keygen", "--out", _directory);

        var (exit, output, error) = await RunAsync("token", "issue", "--key", Path.Combine(_directory, "cockpit-private.pem"), "--scope", scope, "--expires", expires);

        Assert.Equal(2, exit);
        Assert.Empty(output);
        Assert.StartsWith(message, error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task IssueToFileWithScopeOfHmi_TokenInFileCarriesThatScope()
    {
        await RunAsync("token", "keygen", "--out", _directory);
        var (_, scope, _) = await RunAsync("token", "scope", "hmi");
        var file = Path.Combine(_directory, "hmi.jwt");

        var (exit, output, _) = await RunAsync("token", "issue", "--key", Path.Combine(_directory, "cockpit-private.pem"),
            "--scope", scope.Trim(), "--subject", "hmi", "--out", file);

        Assert.Equal(0, exit);
        Assert.Equal(file, output.Trim());
        var payload = System.Text.Encoding.UTF8.GetString(System.Buffers.Text.Base64Url.DecodeFromChars((await File.ReadAllTextAsync(file)).Trim().Split('.')[1]));
        Assert.Contains("actuate:Vehicle.Cabin.Infotainment.Media.Action", payload, StringComparison.Ordinal);
        Assert.Contains("\"sub\":\"hmi\"", payload, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("90s", 90)]
    [InlineData("15m", 900)]
    [InlineData("12h", 43_200)]
    [InlineData("30d", 2_592_000)]
    [InlineData("1.00:00:00", 86_400)]
    public void ParseDuration_Forms_Seconds(string text, int seconds)
    {
        Assert.Equal(TimeSpan.FromSeconds(seconds), TokenCommand.ParseDuration(text));
    }

    private static async Task<(int Exit, string Output, string Error)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await CockpitCommandLine.Build().Parse(args).InvokeAsync(new InvocationConfiguration { Output = output, Error = error });
        return (exit, output.ToString(), error.ToString());
    }
}
