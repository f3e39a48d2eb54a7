using Cockpit.Agent.Security;
using Cockpit.Console;
using Cockpit.Console.Car;
using Cockpit.Console.Security;
using Cockpit.Gui;
using Cockpit.Gui.Security;
using Cockpit.Gui.Vehicle;
using Cockpit.ServiceDefaults.Security;
using Cockpit.Understanding.Catalog;
using Cockpit.Vehicle.Security;

namespace Cockpit.Agent.Hosting;

/// <summary>
/// Authorization in the embedded default: an RSA key pair made at start and never written anywhere. The vehicle
/// service, the HMI and the agent trust only its public half, each for tokens of its own audience, and each client gets
/// a token of the least scope it needs: the agent may read the car and actuate only what its action catalog names, and
/// observe, operate and reset the HMI (its screen agent learns the UI map from resets); the HMI may actuate only what its screens bind to (<see cref="HmiVehicleScope"/>);
/// the eval harness may read and drive the simulation and reset the HMI; the console may talk to the agent and watch it,
/// observe the HMI and read the car panel's signals; the person at the console's page holds a token of the console's own
/// audience; the watch page may observe the HMI. No other process can get a token any of them accepts. The services' own
/// <c>Authorization</c> sections do not apply here.
/// </summary>
internal sealed class EmbeddedAuthorization
{
    /// <summary>The tokens' issuer, checked by every service.</summary>
    public const string Issuer = "cockpit-embedded";

    /// <summary>The vehicle service's audience.</summary>
    public const string VehicleAudience = "cockpit-vehicle";

    /// <summary>The HMI's audience.</summary>
    public const string HmiAudience = "cockpit-hmi";

    /// <summary>The agent's audience.</summary>
    public const string AgentAudience = "cockpit-agent";

    /// <summary>The console's audience: the person's token for its page.</summary>
    public const string ConsoleAudience = "cockpit-console";

    // The key lives only as long as the process, so a token cannot outlive it whatever its expiry says.
    private static readonly TimeSpan s_lifetime = TimeSpan.FromDays(365);

    private readonly TokenIssuer _issuer;

    private EmbeddedAuthorization(string publicKeyPem, TokenIssuer issuer)
    {
        PublicKeyPem = publicKeyPem;
        _issuer = issuer;
        AgentToken = Issue("agent", AgentScope(ActionCatalog.Default), VehicleAudience);
        AgentHmiToken = Issue("agent", $"{HmiScopes.Observe} {HmiScopes.Act} {HmiScopes.Simulate}", HmiAudience);
        BenchToken = Issue("eval", "read simulate", VehicleAudience);
        BenchHmiToken = Issue("eval", $"{HmiScopes.Observe} {HmiScopes.Simulate}", HmiAudience);
        ConsoleToken = Issue("console", $"{AgentScopes.Converse} {AgentScopes.Watch}", AgentAudience);
        ConsoleHmiToken = Issue("console", HmiScopes.Observe, HmiAudience);
        ConsoleVehicleToken = Issue("console", CarSignals.ReadScope, VehicleAudience);
        ConsolePageToken = Issue("person", ConsoleScopes.Use, ConsoleAudience);
        PageToken = Issue("page", HmiScopes.Observe, HmiAudience);
    }

    /// <summary>The public key every service checks tokens with.</summary>
    public string PublicKeyPem { get; }

    /// <summary>The agent's token for the vehicle service.</summary>
    public string AgentToken { get; }

    /// <summary>The agent's token for the HMI: its screen agent observes and operates it, and resets it while it learns the UI map at start.</summary>
    public string AgentHmiToken { get; }

    /// <summary>The eval harness's token for the vehicle service: it resets the car, sets the scenarios' givens and reads the state.</summary>
    public string BenchToken { get; }

    /// <summary>The eval harness's token for the HMI: it resets it and reads its state.</summary>
    public string BenchHmiToken { get; }

    /// <summary>The console's token for the agent: talk to it, watch its interactions and read its report (also local tools).</summary>
    public string ConsoleToken { get; }

    /// <summary>The console's token for the HMI: observe the screen.</summary>
    public string ConsoleHmiToken { get; }

    /// <summary>The console's token for the vehicle service: read the car panel's signals, nothing else.</summary>
    public string ConsoleVehicleToken { get; }

    /// <summary>The console page's token (scope <c>console</c>), handed to the browser in the page's address.</summary>
    public string ConsolePageToken { get; }

    /// <summary>The watch page's token (observe the HMI), handed to the browser in the page's address.</summary>
    public string PageToken { get; }

    /// <summary>Makes a fresh key pair.</summary>
    public static EmbeddedAuthorization Create()
    {
        var (privateKey, publicKey) = TokenKeys.CreateRsaPem();
        return new EmbeddedAuthorization(publicKey, new TokenIssuer(privateKey));
    }

    /// <summary><c>read</c>, and <c>actuate</c> of each concrete path the catalog's vehicle functions can set.</summary>
    public static string AgentScope(ActionCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        return string.Join(' ', catalog.AllPaths().Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).Select(path => $"actuate:{path}").Prepend("read"));
    }

    /// <summary>Configures every service to trust the key for its own audience, and the clients to send their tokens.</summary>
    public void AddTo(IServiceCollection services)
    {
        services.AddSingleton(this);
        services.Configure<VehicleAuthorizationOptions>(options => Trust(options, VehicleAudience));
        services.Configure<GuiAuthorizationOptions>(options => Trust(options, HmiAudience));
        services.Configure<AgentAuthorizationOptions>(options => Trust(options, AgentAudience));
        services.Configure<ConsoleAuthorizationOptions>(options => Trust(options, ConsoleAudience));
        services.Configure<ConsoleOptions>(options =>
        {
            (options.AgentToken, options.AgentTokenPath) = (ConsoleToken, null);
            (options.HmiToken, options.HmiTokenPath) = (ConsoleHmiToken, null);
            (options.VehicleToken, options.VehicleTokenPath) = (ConsoleVehicleToken, null);
        });
        services.Configure<AgentOptions>(options =>
        {
            (options.VehicleToken, options.VehicleTokenPath) = (AgentToken, null);
            (options.HmiToken, options.HmiTokenPath) = (AgentHmiToken, null);
        });
        services.Configure<GuiOptions>(options =>
            (options.VehicleToken, options.VehicleTokenPath) = (Issue("hmi", HmiVehicleScope.For(options), VehicleAudience), null));
    }

    private void Trust(TokenAuthorizationOptions options, string audience)
    {
        (options.Insecure, options.PublicKey, options.PublicKeyPath) = (false, PublicKeyPem, null);
        (options.Issuer, options.Audience) = (Issuer, audience);
    }

    private string Issue(string subject, string scope, string audience) => _issuer.Issue(subject, scope, s_lifetime, Issuer, audience);
}
