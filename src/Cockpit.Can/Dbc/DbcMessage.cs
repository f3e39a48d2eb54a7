namespace Cockpit.Can.Dbc;

/// <summary>A message (<c>BO_</c>) and its signals.</summary>
public sealed class DbcMessage
{
    internal DbcMessage(uint fileId, string name)
    {
        FileId = fileId;
        Name = ShortName = name;
    }

    /// <summary>The identifier without flag bits: 11 bits, or 29 bits when <see cref="IsExtended"/>.</summary>
    public uint Id => FileId & 0x1FFF_FFFF;

    /// <summary>Whether the identifier is 29 bits long; the file marks this with bit 31 of the <c>BO_</c> id.</summary>
    public bool IsExtended => (FileId & 0x8000_0000) != 0;

    /// <summary>The identifier as the file writes it, bit 31 included.</summary>
    public uint FileId { get; }

    /// <summary>
    /// The message name: the <c>SystemMessageLongSymbol</c> attribute when the file gives one, otherwise the name on
    /// the <c>BO_</c> line.
    /// </summary>
    public string Name { get; internal set; }

    /// <summary>The name on the <c>BO_</c> line, cut to 32 characters by some tools (see <see cref="Name"/>).</summary>
    public string ShortName { get; }

    /// <summary>The payload length in bytes (DLC as a byte count), up to 64.</summary>
    public int Length { get; internal set; }

    /// <summary>Whether the message is sent as CAN FD: <c>VFrameFormat</c> says so, or it is longer than 8 bytes.</summary>
    public bool IsFd { get; internal set; }

    /// <summary>The sending node; <see langword="null"/> for <c>Vector__XXX</c>.</summary>
    public string? Sender { get; internal set; }

    /// <summary>Further senders from <c>BO_TX_BU_</c>.</summary>
    public IReadOnlyList<string> Transmitters { get; internal set; } = [];

    /// <summary>The signals, in file order.</summary>
    public IReadOnlyList<DbcSignal> Signals => SignalList;

    /// <summary>The comment from <c>CM_ BO_</c>, or <see langword="null"/>.</summary>
    public string? Comment { get; internal set; }

    /// <summary>The send period from the <c>GenMsgCycleTime</c> attribute (ms); <see langword="null"/> when absent or 0.</summary>
    public TimeSpan? CycleTime =>
        AttributeValues.TryGetValue("GenMsgCycleTime", out var value) && Convert.ToDouble(value) is > 0 and var ms
            ? TimeSpan.FromMilliseconds(ms)
            : null;

    /// <summary>Attribute values (<c>BA_ … BO_</c>, defaults filled in): <see cref="long"/>, <see cref="double"/> or <see cref="string"/>.</summary>
    public IReadOnlyDictionary<string, object> Attributes => AttributeValues;

    internal Dictionary<string, object> AttributeValues { get; } = new(StringComparer.Ordinal);

    internal List<DbcSignal> SignalList { get; } = [];

    internal int Line { get; set; }

    /// <summary>Finds a signal by name.</summary>
    /// <param name="name">The signal name.</param>
    /// <returns>The signal.</returns>
    /// <exception cref="KeyNotFoundException">The message has no such signal.</exception>
    public DbcSignal GetSignal(string name) =>
        SignalList.Find(s => s.Name == name) ?? throw new KeyNotFoundException($"Message '{Name}' has no signal '{name}'.");

    /// <inheritdoc />
    public override string ToString() => $"{Name} (0x{Id:X}{(IsExtended ? " ext" : string.Empty)}, {Length} bytes)";
}
