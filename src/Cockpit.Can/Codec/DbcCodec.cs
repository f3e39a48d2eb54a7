using System.Diagnostics.CodeAnalysis;
using Cockpit.Can.Dbc;
using Cockpit.Can.Frames;

namespace Cockpit.Can.Codec;

/// <summary>Encodes and decodes frames for every message of a <see cref="DbcDatabase"/>.</summary>
public sealed class DbcCodec
{
    private readonly Dictionary<(uint Id, bool Extended), MessageCodec> _byId = [];
    private readonly Dictionary<string, MessageCodec> _byName = new(StringComparer.Ordinal);

    /// <summary>Prepares codecs for all messages of <paramref name="database"/>.</summary>
    /// <param name="database">The database.</param>
    public DbcCodec(DbcDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        Database = database;
        foreach (var message in database.Messages)
        {
            var codec = new MessageCodec(message);
            _byId.TryAdd((message.Id, message.IsExtended), codec);
            _byName.TryAdd(message.Name, codec);
        }
    }

    /// <summary>The database.</summary>
    public DbcDatabase Database { get; }

    /// <summary>Finds the codec for a frame identifier.</summary>
    /// <param name="id">The identifier without flag bits.</param>
    /// <param name="isExtended">Whether it is a 29-bit identifier.</param>
    /// <param name="codec">The codec, when found.</param>
    /// <returns><see langword="true"/> when the database defines the message.</returns>
    public bool TryGetMessage(uint id, bool isExtended, [NotNullWhen(true)] out MessageCodec? codec) =>
        _byId.TryGetValue((id, isExtended), out codec);

    /// <summary>Finds the codec for a message name.</summary>
    /// <param name="name">The message name (<see cref="DbcMessage.Name"/>: the long name when the file gives one).</param>
    /// <returns>The codec.</returns>
    /// <exception cref="CanCodecException">The database has no such message.</exception>
    public MessageCodec GetMessage(string name)
    {
        if (_byName.TryGetValue(name, out var codec))
        {
            return codec;
        }

        var cut = Database.Messages.FirstOrDefault(m => m.ShortName == name && m.Name != name);
        throw new CanCodecException(cut is null
            ? $"{Database.FileName} has no message '{name}'."
            : $"{Database.FileName} has no message '{name}'; the file's long name for it is '{cut.Name}'.");
    }

    /// <summary>Decodes a frame.</summary>
    /// <param name="frame">The frame.</param>
    /// <returns>The present signals.</returns>
    /// <exception cref="CanCodecException">The database has no message with the frame's identifier, or the payload is too short.</exception>
    public IReadOnlyList<DecodedSignal> Decode(CanFrame frame) =>
        TryGetMessage(frame.Id, frame.IsExtended, out var codec)
            ? codec.Decode(frame.Data.Span)
            : throw new CanCodecException($"{Database.FileName} has no message with id 0x{frame.Id:X}{(frame.IsExtended ? " (extended)" : string.Empty)}.");

    /// <summary>Encodes a message into a frame with the message's identifier, length and format.</summary>
    /// <param name="messageName">The message name.</param>
    /// <param name="values">Signal name → physical value.</param>
    /// <param name="checkRange">Whether to reject values outside a signal's <c>[min|max]</c>.</param>
    /// <returns>The frame.</returns>
    /// <exception cref="CanCodecException">The message is unknown, or a value is missing or does not fit.</exception>
    public CanFrame Encode(string messageName, IReadOnlyDictionary<string, double> values, bool checkRange = true)
    {
        var codec = GetMessage(messageName);
        var message = codec.Message;
        return new CanFrame(message.Id, codec.Encode(values, checkRange), message.IsExtended, message.IsFd);
    }

    /// <summary>
    /// Encodes a message into a frame with the message's identifier, length and format; integer values reach the
    /// payload exactly (all 64 bits; see <see cref="SignalCodec.ToBits(long, bool)"/>).
    /// </summary>
    /// <param name="messageName">The message name.</param>
    /// <param name="values">Signal name → physical value, an integer or a double.</param>
    /// <param name="checkRange">Whether to reject values outside a signal's <c>[min|max]</c>.</param>
    /// <returns>The frame.</returns>
    /// <exception cref="CanCodecException">The message is unknown, or a value is missing or does not fit.</exception>
    public CanFrame Encode(string messageName, IReadOnlyDictionary<string, SignalValue> values, bool checkRange = true)
    {
        var codec = GetMessage(messageName);
        var message = codec.Message;
        return new CanFrame(message.Id, codec.Encode(values, checkRange), message.IsExtended, message.IsFd);
    }
}
