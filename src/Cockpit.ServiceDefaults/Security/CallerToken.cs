namespace Cockpit.ServiceDefaults.Security;

/// <summary>A token that passed every check: who holds it, what it grants, and until when.</summary>
/// <param name="Subject">The <c>sub</c> claim, or <c>(no subject)</c>.</param>
/// <param name="Scope">The <c>scope</c> claims, space-separated entries joined into one string.</param>
/// <param name="ValidTo">The token's expiry (UTC).</param>
public sealed record CallerToken(string Subject, string Scope, DateTime ValidTo);
