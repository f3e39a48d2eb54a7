using System.Globalization;

namespace Cockpit.Can.Dbc.Internal;

/// <summary>Token expectations of <see cref="DbcFileReader"/>: each failure names what was expected and what was found.</summary>
internal sealed partial class DbcFileReader
{
    // ---- Token helpers -----------------------------------------------------------------------------------------

    private DbcMessage? ExpectMessage(string what)
    {
        var token = Current;
        var fileId = (uint)ExpectUnsigned(what);
        if (_database.TryGetByFileId(fileId, out var message))
        {
            return message;
        }

        Warn(token, $"reference to message {fileId}, which the file does not define");
        return null;
    }

    private DbcSignal? ExpectSignal()
    {
        var token = Current;
        var message = ExpectMessage("a message id");
        var name = ExpectIdentifier("a signal name");
        if (message is null)
        {
            return null;
        }

        var signal = message.SignalList.Find(s => s.Name == name);
        if (signal is null)
        {
            Warn(token, $"reference to signal '{name}', which message '{message.Name}' does not have");
        }

        return signal;
    }

    private void Warn(DbcToken token, string text) => _database.WarningList.Add($"{_fileName}({token.Line}): {text}");

    private string ExpectIdentifier(string what)
    {
        var token = Current;
        if (token.Kind != DbcTokenKind.Identifier)
        {
            throw Error(token, what);
        }

        _index++;
        return token.Text;
    }

    private string ExpectString(string what)
    {
        var token = Current;
        if (token.Kind != DbcTokenKind.String)
        {
            throw Error(token, what);
        }

        _index++;
        return token.Text;
    }

    private void ExpectSymbol(char symbol, string what)
    {
        if (!Current.IsSymbol(symbol))
        {
            throw Error(Current, what);
        }

        _index++;
    }

    private double ExpectNumber(string what)
    {
        var token = Current;
        if (token.Kind != DbcTokenKind.Number)
        {
            throw Error(token, what);
        }

        _index++;
        return ParseNumber(token);
    }

    private ulong ExpectUnsigned(string what)
    {
        var token = Current;
        if (token.Kind != DbcTokenKind.Number ||
            !ulong.TryParse(token.Text, NumberStyles.None, CultureInfo.InvariantCulture, out var value))
        {
            throw Error(token, what);
        }

        _index++;
        return value;
    }

    private long ExpectInteger(string what)
    {
        var token = Current;
        if (token.Kind != DbcTokenKind.Number)
        {
            throw Error(token, what);
        }

        _index++;
        if (long.TryParse(token.Text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        // Unsigned 64-bit choice values above long.MaxValue keep their bit pattern.
        return ulong.TryParse(token.Text, NumberStyles.None, CultureInfo.InvariantCulture, out var big)
            ? unchecked((long)big)
            : throw Error(token, what);
    }

    private double ParseNumber(DbcToken token) =>
        double.TryParse(token.Text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw Error(token, "a number");

    private DbcParseException Error(DbcToken token, string expected) =>
        new(_fileName, token.Line, token.Column, $"expected {expected}, found {token.Describe()}");
}
