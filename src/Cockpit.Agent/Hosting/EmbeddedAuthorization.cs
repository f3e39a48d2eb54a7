using Cockpit.Gui;
using Cockpit.Gui.Vehicle;
using Cockpit.Understanding.Catalog;
using Cockpit.Vehicle.Security;

namespace Cockpit.Agent.Hosting;

/// <summary>
/// Authorization in the embedded default: an RSA key pair made at start and never written anywhere. The vehicle
/// service trusts only its public half, and each client gets a token of the least scope it needs: the agent may read
/// everything and actuate only the actuators its action catalog names; the HMI only what its screens bind to
/// (<see cref="HmiVehicleScope"/>); the eval harness may read and drive the simulation. No other process can get a
/// token the car accepts. The vehicle's own <c>Vehicle:Authorization</c> key, issuer and audience do not apply here.
/// </summary>
internal sealed class EmbeddedVehicleAuthorization
{
    /// <summary>The tokens' issuer, checked by the vehicle service.</summary>
    public const string Issuer = "cockpit-embedded";

    // The key lives only as long as the process, so a token cannot outlive it whatever its expiry says.
    private static readonly TimeSpan s_lifetime = TimeSpan.FromDays(365);

    private readonly VehicleTokenIssuer _issuer;

    private EmbeddedVehicleAuthorization(string publicKeyPem, VehicleTokenIssuer issuer)
    {
        PublicKeyPem = publicKeyPem;
        _issuer = issuer;
        AgentToken = issuer.Issue("agent", AgentScope(ActionCatalog.Default), s_lifetime, Issuer);
        BenchToken = issuer.Issue("eval", "read simulate", s_lifetime, Issuer);
    }

    /// <summary>The public key the vehicle service checks tokens with.</summary>
    public string PublicKeyPem { get; }

    /// <summary>The agent's token.</summary>
    public string AgentToken { get; }

    /// <summary>The eval harness's token: it resets the car, sets the scenarios' givens and reads the state.</summary>
    public string BenchToken { get; }

    /// <summary>Makes a fresh key pair.</summary>
    public static EmbeddedVehicleAuthorization Create()
    {
        var (privateKey, publicKey) = VehicleKeys.CreateRsaPem();
        return new EmbeddedVehicleAuthorization(publicKey, new VehicleTokenIssuer(privateKey));
    }

    /// <summary><c>read</c>, and <c>actuate</c> of each concrete path the catalog's vehicle functions can set.</summary>
    public static string AgentScope(ActionCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        return string.Join(' ', catalog.AllPaths().Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).Select(path => $"actuate:{path}").Prepend("read"));
    }

    /// <summary>Configures the vehicle service to trust the key, and the agent and the HMI to send their tokens.</summary>
    public void AddTo(IServiceCollection services)
    {
        services.AddSingleton(this);
        services.Configure<VehicleAuthorizationOptions>(options =>
        {
            (options.PublicKey, options.PublicKeyPath) = (PublicKeyPem, null);
            (options.Issuer, options.Audience) = (Issuer, null);
        });
        services.Configure<AgentOptions>(options => (options.VehicleToken, options.VehicleTokenPath) = (AgentToken, null));
        services.Configure<GuiOptions>(options =>
            (options.VehicleToken, options.VehicleTokenPath) = (_issuer.Issue("hmi", HmiVehicleScope.For(options), s_lifetime, Issuer), null));
    }
}
