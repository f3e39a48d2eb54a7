using System.Text;
using Cockpit.Can.Dbc.Internal;

namespace Cockpit.Can.Dbc;

/// <summary>Reads DBC files into a <see cref="DbcDatabase"/>.</summary>
public static class DbcParser
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>
    /// Windows-1252, the encoding most DBC editors write. It comes from the code pages provider, which .NET keeps
    /// outside the default encodings.
    /// </summary>
    public static Encoding Windows1252 { get; } = CodePagesEncodingProvider.Instance.GetEncoding(1252)
        ?? throw new InvalidOperationException("The code pages provider has no Windows-1252 encoding.");

    /// <summary>Parses DBC text.</summary>
    /// <param name="text">The file contents.</param>
    /// <param name="fileName">The name used in error messages and <see cref="DbcDatabase.FileName"/>.</param>
    /// <returns>The database.</returns>
    /// <exception cref="DbcParseException">The text does not follow the format; the message names file, line and what was expected.</exception>
    public static DbcDatabase Parse(string text, string fileName = "<text>")
    {
        ArgumentNullException.ThrowIfNull(text);
        return new DbcFileReader(text, fileName).Read();
    }

    /// <summary>
    /// Parses DBC bytes. Valid UTF-8 (with or without BOM) is read as UTF-8; anything else as Windows-1252, so that
    /// degree signs and umlauts in comments and units survive.
    /// </summary>
    /// <param name="bytes">The file contents.</param>
    /// <param name="fileName">The name used in error messages.</param>
    /// <returns>The database.</returns>
    /// <exception cref="DbcParseException">The text does not follow the format.</exception>
    public static DbcDatabase Parse(ReadOnlySpan<byte> bytes, string fileName = "<bytes>") =>
        Parse(Decode(bytes), fileName);

    /// <summary>Reads and parses a DBC file (UTF-8 or Windows-1252, see <see cref="Parse(ReadOnlySpan{byte}, string)"/>).</summary>
    /// <param name="path">The file path; its name is used in error messages.</param>
    /// <returns>The database.</returns>
    /// <exception cref="DbcParseException">The file does not follow the format.</exception>
    public static DbcDatabase Load(string path) => Parse(File.ReadAllBytes(path), Path.GetFileName(path));

    private static string Decode(ReadOnlySpan<byte> bytes)
    {
        var preamble = StrictUtf8.Preamble;
        if (bytes.StartsWith(preamble))
        {
            bytes = bytes[preamble.Length..];
        }

        try
        {
            return StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            return Windows1252.GetString(bytes);
        }
    }
}
