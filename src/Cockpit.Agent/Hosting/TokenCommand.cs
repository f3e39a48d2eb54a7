using System.CommandLine;
using System.Globalization;
using Cockpit.Agent.Security;
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
/// <c>Cockpit.Agent token keygen --out DIR</c> writes a key pair for the vehicle service (<c>cockpit-private.pem</c>, readable
/// by its owner only, and <c>cockpit-public.pem</c> for <c>Vehicle:Authorization:PublicKeyPath</c>);
/// <c>Cockpit.Agent token issue --key cockpit-private.pem --scope "read actuate:Vehicle.Cabin.*" --subject agent --expires 30d</c>
/// prints a signed token (or writes it to <c>--out FILE</c>); <c>cockpit token scope agent|hmi|console</c> prints the least
/// vehicle scope the agent, the HMI or the console needs, as the embedded default issues it.
/// </summary>
internal static class TokenCommand
{
    public const string PrivateKeyFile = "cockpit-private.pem";
    public const string PublicKeyFile = "cockpit-public.pem";

    public static Command Build()
    {
        var outDirectory = new Option<DirectoryInfo>("--out") { Description = "The folder to write the key pair to.", Required = true };
        var keygen = new Command("keygen", $"Write a new RSA 2048 key pair: {PrivateKeyFile} and {PublicKeyFile}.") { outDirectory };
        keygen.SetAction(result => Keygen(result.GetValue(outDirectory)!, result.InvocationConfiguration));

        var key = new Option<FileInfo>("--key") { Description = "The private key (PEM, RSA or EC P-256).", Required = true };
        var scope = new Option<string>("--scope") { Description = "Space-separated scope entries: read, actuate, provide, create, simulate, each optionally :PATH (e.g. \"read actuate:Vehicle.Cabin.*\").", Required = true };
        var subject = new Option<string>("--subject") { Description = "Whom the token is for (its sub claim).", DefaultValueFactory = _ => "cockpit" };
        var expires = new Option<string>("--expires") { Description = "How long it is valid: 90s, 15m, 12h, 30d.", DefaultValueFactory = _ => "30d" };
        var issuer = new Option<string?>("--issuer") { Description = "The iss claim (when the service checks Vehicle:Authorization:Issuer)." };
        var audience = new Option<string?>("--audience") { Description = "The aud claim (when the service checks Vehicle:Authorization:Audience)." };
        var outFile = new Option<FileInfo?>("--out") { Description = "Write the token to this file (readable by its owner only) instead of printing it." };
        var service = new Option<string>("--for") { Description = "The service the token is for: vehicle (default), agent (converse, watch), hmi (observe, act, simulate) or console (console: a person's token for its page).", DefaultValueFactory = _ => "vehicle" };
        service.AcceptOnlyFromAmong("vehicle", "agent", "hmi", "console");
        var issue = new Command("issue", "Print a token for a Cockpit service, signed with a private key.") { key, scope, subject, expires, issuer, audience, outFile, service };
        issue.SetAction(result => Issue(
            result.GetValue(key)!, result.GetValue(scope)!, result.GetValue(service)!, result.GetValue(subject)!, result.GetValue(expires)!,
            result.GetValue(issuer), result.GetValue(audience), result.GetValue(outFile), result.InvocationConfiguration));

        var client = new Argument<string>("client") { Description = "agent, hmi or console." };
        client.AcceptOnlyFromAmong("agent", "hmi", "console");
        var screens = new Option<string?>("--screens") { Description = "With hmi: the HMI's screen file (Gui:ScreensFile), if not the embedded one." };
        var scopeCommand = new Command("scope", "Print the least vehicle scope the agent (its action catalog), the HMI (its screens) or the console (its car panel) needs.") { client, screens };
        scopeCommand.SetAction(result =>
        {
            result.InvocationConfiguration.Output.WriteLine(result.GetValue(client) switch
            {
                "agent" => EmbeddedAuthorization.AgentScope(ActionCatalog.Default),
                "console" => CarSignals.ReadScope,
                _ => HmiVehicleScope.For(new GuiOptions { ScreensFile = result.GetValue(screens) }),
            });
            return 0;
        });

        return new Command("token", "Create keys and tokens for Cockpit's services (vehicle, HMI, agent, console).") { keygen, issue, scopeCommand };
    }

    private static int Keygen(DirectoryInfo directory, InvocationConfiguration console)
    {
        var privatePath = Path.Combine(directory.FullName, PrivateKeyFile);
        var publicPath = Path.Combine(directory.FullName, PublicKeyFile);
        if (File.Exists(privatePath) || File.Exists(publicPath))
        {
            console.Error.WriteLine($"{directory.FullName} holds a key pair already; remove it first to replace it");
            return 2;
        }

        directory.Create();
        var (privateKey, publicKey) = TokenKeys.CreateRsaPem();
        WriteOwnerOnly(privatePath, privateKey, FileMode.CreateNew);
        File.WriteAllText(publicPath, publicKey);
        console.Output.WriteLine($"{privatePath} (keep it secret: it signs tokens)");
        console.Output.WriteLine($"{publicPath} (give it to the vehicle service: --Vehicle:Authorization:PublicKeyPath={publicPath})");
        return 0;
    }

    private static int Issue(FileInfo key, string scope, string service, string subject, string expires, string? issuer, string? audience, FileInfo? outFile, InvocationConfiguration console)
    {
        try
        {
            ValidateScope(service, scope); // refuse to sign what the service would reject
            var token = new TokenIssuer(File.ReadAllText(key.FullName)).Issue(subject, scope, ParseDuration(expires), issuer, audience);
            if (outFile is null)
            {
                console.Output.WriteLine(token);
            }
            else
            {
                WriteOwnerOnly(outFile.FullName, token + "\n", FileMode.Create);
                console.Output.WriteLine(outFile.FullName);
            }

            return 0;
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException or FormatException)
        {
            console.Error.WriteLine($"cannot issue the token: {error.Message}");
            return 2;
        }
    }

    private static void ValidateScope(string service, string scope)
    {
        string[] names = service switch
        {
            "agent" => [AgentScopes.Converse, AgentScopes.Watch],
            "hmi" => [HmiScopes.Observe, HmiScopes.Act, HmiScopes.Simulate],
            "console" => [ConsoleScopes.Use],
            _ => [],
        };
        if (names.Length == 0)
        {
            VehicleScope.Validate(scope);
            return;
        }

        foreach (var entry in scope.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (!names.Contains(entry, StringComparer.Ordinal))
            {
                throw new FormatException($"scope entry '{entry}' is none of {string.Join(", ", names)} (the {service}'s scopes)");
            }
        }
    }

    private static void WriteOwnerOnly(string path, string text, FileMode mode)
    {
        var options = new FileStreamOptions { Mode = mode, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using var writer = new StreamWriter(path, options);
        writer.Write(text);
    }

    /// <summary>90s, 15m, 12h, 30d, or a TimeSpan (1.00:00:00).</summary>
    internal static TimeSpan ParseDuration(string text)
    {
        var unit = text.Length > 1 ? text[^1] : ' ';
        if (unit is 's' or 'm' or 'h' or 'd' && double.TryParse(text[..^1], NumberStyles.Float, CultureInfo.InvariantCulture, out var amount) && amount > 0)
        {
            return unit switch
            {
                's' => TimeSpan.FromSeconds(amount),
                'm' => TimeSpan.FromMinutes(amount),
                'h' => TimeSpan.FromHours(amount),
                _ => TimeSpan.FromDays(amount),
            };
        }

        return TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out var span) && span > TimeSpan.Zero
            ? span
            : throw new FormatException($"--expires '{text}': expected e.g. 90s, 15m, 12h or 30d");
    }
}
