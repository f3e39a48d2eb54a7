using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using Cockpit.ServiceDefaults.Security;
using Cockpit.Testing;
using Cockpit.Vehicle.Security;
using Cockpit.Vehicle.V1;
using Grpc.Core;
using Grpc.Health.V1;
using Kuksa.Val.V2;
using Microsoft.Extensions.DependencyInjection;

namespace Cockpit.Vehicle.Tests.Security;

/// <summary>Calls without a token the service accepts end with UNAUTHENTICATED, a clear message, and nothing moved.</summary>
public sealed class AuthenticationTests : IAsyncLifetime
{
    private const string DriverTemperature = "Vehicle.Cabin.HVAC.Station.Row1.Driver.Temperature";

    private VehicleServiceHost _host = null!;

    public async Task InitializeAsync() => _host = await VehicleServiceHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    public static TheoryData<string, string?, string> RejectedTokens => new()
    {
        { "no token", null, "no token: send the metadata 'authorization: Bearer <JWT>'" },
        { "not a JWT", "not-a-jwt", "the token is not a well-formed JWT" },
        { "expired", Issue("read actuate", issuedAt: DateTimeOffset.UtcNow.AddHours(-2), lifetime: TimeSpan.FromHours(1)), "the token expired at " },
        { "not yet valid", Issue("read actuate", issuedAt: DateTimeOffset.UtcNow.AddHours(1)), "the token is not valid before " },
        { "payload altered", Tamper(Issue("read"), "\"read\"", "\"read actuate simulate\""), "the token's signature does not verify" },
        { "signed by another key", new TokenIssuer(TokenKeys.CreateRsaPem().PrivateKeyPem).Issue("intruder", "read actuate", TimeSpan.FromHours(1)), "the token's signature does not verify" },
        { "unsigned (alg none)", Unsigned("{\"sub\":\"intruder\",\"scope\":\"read actuate\",\"exp\":4102444800}"), "the token's signature does not verify" },
        { "unknown scope", SignedByTestKey("{\"sub\":\"test\",\"scope\":\"read fly:Vehicle.Cabin\",\"exp\":4102444800}"),
            "the token of 'test' has a malformed scope: scope entry 'fly:Vehicle.Cabin': 'fly' is none of" },
        { "no expiry", SignedByTestKey("{\"sub\":\"test\",\"scope\":\"read actuate\"}"), "the token has no expiry (exp)" },
    };

    [Theory]
    [MemberData(nameof(RejectedTokens))]
    public async Task Actuate_RejectedToken_UnauthenticatedAndNothingMoves(string why, string? token, string message)
    {
        using var channel = _host.CreateChannel(token is null ? null : $"{token}");

        var error = await Assert.ThrowsAsync<RpcException>(() =>
            new VAL.VALClient(channel).ActuateAsync(Wire.Actuate(DriverTemperature, Wire.Float(30))).ResponseAsync);

        Assert.True(error.StatusCode == StatusCode.Unauthenticated, $"{why}: {error.Status}");
        Assert.Contains(message, error.Status.Detail, StringComparison.Ordinal);
        Assert.Equal(22f, (await _host.Val.GetValueAsync(new GetValueRequest { SignalId = Wire.Path(DriverTemperature) })).DataPoint.Value.Float);
        Assert.Empty(_host.Logs.Errors);
    }

    [Fact]
    public async Task Calls_NoToken_UnauthenticatedOnEveryVehicleApi()
    {
        using var channel = _host.CreateChannel(null);

        var calls = new Func<Task>[]
        {
            () => new VAL.VALClient(channel).GetValueAsync(new GetValueRequest { SignalId = Wire.Path("Vehicle.Speed") }).ResponseAsync,
            () => new VAL.VALClient(channel).ListMetadataAsync(new ListMetadataRequest { Root = "Vehicle" }).ResponseAsync,
            () => new V1.Simulation.SimulationClient(channel).ResetAsync(new ResetRequest()).ResponseAsync,
            () => new CanBus.CanBusClient(channel).SendFrameAsync(new SendFrameRequest()).ResponseAsync,
            async () =>
            {
                using var call = new VAL.VALClient(channel).Subscribe(new SubscribeRequest { SignalPaths = { "Vehicle.Speed" } });
                await call.ResponseStream.ReadNextAsync();
            },
        };

        foreach (var call in calls)
        {
            Assert.Equal(StatusCode.Unauthenticated, (await Assert.ThrowsAsync<RpcException>(call)).StatusCode);
        }
    }

    [Theory]
    [InlineData("head-unit", "kuksa.val", null)]
    [InlineData("somebody-else", "kuksa.val", "the token's issuer is not 'head-unit'")]
    [InlineData(null, "kuksa.val", "the token's issuer is not 'head-unit'")]
    [InlineData("head-unit", "another-service", "the token's audience does not include 'kuksa.val'")]
    public async Task GetValue_IssuerAndAudienceConfigured_AcceptsOnlyMatchingTokens(string? issuer, string? audience, string? message)
    {
        await using var host = await VehicleServiceHost.StartAsync(services: services =>
            services.Configure<VehicleAuthorizationOptions>(options => (options.Issuer, options.Audience) = ("head-unit", "kuksa.val")));
        using var channel = host.CreateChannel(Issue("read", issuer: issuer, audience: audience));

        var call = new VAL.VALClient(channel).GetValueAsync(new GetValueRequest { SignalId = Wire.Path("Vehicle.Speed") }).ResponseAsync;

        if (message is null)
        {
            Assert.Equal(0f, (await call).DataPoint.Value.Float);
        }
        else
        {
            var error = await Assert.ThrowsAsync<RpcException>(() => call);
            Assert.Equal((StatusCode.Unauthenticated, message), (error.StatusCode, error.Status.Detail));
        }
    }

    [Fact]
    public async Task ServerInfoAndHealth_NoToken_Answer()
    {
        using var channel = _host.CreateChannel(null);

        var info = await new VAL.VALClient(channel).GetServerInfoAsync(new GetServerInfoRequest());
        var health = await new Health.HealthClient(channel).CheckAsync(new HealthCheckRequest());

        Assert.Equal("cockpit-vehicle", info.Name);
        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, health.Status);
    }

    [Fact]
    public async Task GetValue_EcdsaKey_AcceptsEs256Tokens()
    {
        using var ecdsa = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        await using var host = await VehicleServiceHost.StartAsync(services: services =>
            services.Configure<VehicleAuthorizationOptions>(options => options.PublicKey = ecdsa.ExportSubjectPublicKeyInfoPem()));
        using var channel = host.CreateChannel(new TokenIssuer(ecdsa.ExportPkcs8PrivateKeyPem()).Issue("ecu", "read", TimeSpan.FromMinutes(5)));

        var speed = await new VAL.VALClient(channel).GetValueAsync(new GetValueRequest { SignalId = Wire.Path("Vehicle.Speed") });

        Assert.Equal(0f, speed.DataPoint.Value.Float);
    }

    private static string Issue(string scope, DateTimeOffset? issuedAt = null, TimeSpan? lifetime = null, string? issuer = null, string? audience = null) =>
        new TokenIssuer(VehicleTestKeys.PrivateKeyPem).Issue("test", scope, lifetime ?? TimeSpan.FromHours(1), issuer, audience, issuedAt);

    /// <summary>The token with its payload edited and the original signature kept.</summary>
    private static string Tamper(string token, string from, string to)
    {
        var parts = token.Split('.');
        var payload = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(parts[1]));
        Assert.Contains(from, payload, StringComparison.Ordinal);
        parts[1] = Base64Url.EncodeToString(Encoding.UTF8.GetBytes(payload.Replace(from, to, StringComparison.Ordinal)));
        return string.Join('.', parts);
    }

    /// <summary>A token the issuer would refuse to make, signed RS256 with the trusted test key all the same.</summary>
    private static string SignedByTestKey(string payload)
    {
        var content = $"{Base64Url.EncodeToString("{\"alg\":\"RS256\",\"typ\":\"JWT\"}"u8)}.{Base64Url.EncodeToString(Encoding.UTF8.GetBytes(payload))}";
        using var rsa = RSA.Create();
        rsa.ImportFromPem(VehicleTestKeys.PrivateKeyPem);
        var signature = rsa.SignData(Encoding.ASCII.GetBytes(content), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        return $"{content}.{Base64Url.EncodeToString(signature)}";
    }

    private static string Unsigned(string payload) =>
        $"{Base64Url.EncodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}"u8)}.{Base64Url.EncodeToString(Encoding.UTF8.GetBytes(payload))}.";
}
