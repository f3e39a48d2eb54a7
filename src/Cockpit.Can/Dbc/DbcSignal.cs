namespace Cockpit.Can.Dbc;

/// <summary>A signal (<c>SG_</c>) inside a message, with everything later sections add to it.</summary>
public sealed class DbcSignal
{
    internal DbcSignal(string name) => Name = ShortName = name;

    /// <summary>
    /// The signal name, unique within its message: the <c>SystemSignalLongSymbol</c> attribute when the file gives
    /// one, otherwise the name on the <c>SG_</c> line.
    /// </summary>
    public string Name { get; internal set; }

    /// <summary>
    /// The name on the <c>SG_</c> line, which other sections of the file use. Tools that limit names to 32
    /// characters cut longer ones here and keep the full name in <c>SystemSignalLongSymbol</c>.
    /// </summary>
    public string ShortName { get; }

    /// <summary>The start bit as written in the file: the LSB for Intel, the MSB (sawtooth numbering) for Motorola.</summary>
    public int StartBit { get; internal set; }

    /// <summary>The length in bits, 1 to 64.</summary>
    public int Length { get; internal set; }

    /// <summary>The bit layout.</summary>
    public DbcByteOrder ByteOrder { get; internal set; }

    /// <summary>Whether the raw integer is two's complement (<c>-</c>) rather than unsigned (<c>+</c>).</summary>
    public bool IsSigned { get; internal set; }

    /// <summary>How the raw bits are read as a number.</summary>
    public DbcValueType ValueType { get; internal set; }

    /// <summary>Physical value = raw × <see cref="Factor"/> + <see cref="Offset"/>.</summary>
    public double Factor { get; internal set; } = 1;

    /// <summary>Physical value = raw × <see cref="Factor"/> + <see cref="Offset"/>.</summary>
    public double Offset { get; internal set; }

    /// <summary>The smallest physical value. Together with <see cref="Maximum"/> 0 means "not given".</summary>
    public double Minimum { get; internal set; }

    /// <summary>The largest physical value. Together with <see cref="Minimum"/> 0 means "not given".</summary>
    public double Maximum { get; internal set; }

    /// <summary>Whether the file gives a physical range (not <c>[0|0]</c>).</summary>
    public bool HasRange => Minimum != 0 || Maximum != 0;

    /// <summary>The unit, e.g. <c>degK</c>; empty when none.</summary>
    public string Unit { get; internal set; } = string.Empty;

    /// <summary>The receiving nodes; <c>Vector__XXX</c> (none) is left out.</summary>
    public IReadOnlyList<string> Receivers { get; internal set; } = [];

    /// <summary>The comment from <c>CM_ SG_</c>, or <see langword="null"/>.</summary>
    public string? Comment { get; internal set; }

    /// <summary>Value names from <c>VAL_</c> (raw value → name); empty when none.</summary>
    public IReadOnlyDictionary<long, string> Choices { get; internal set; } = new Dictionary<long, string>();

    /// <summary>Whether this signal selects which multiplexed signals are present (<c>M</c> or <c>mNM</c>).</summary>
    public bool IsMultiplexer { get; internal set; }

    /// <summary>
    /// The multiplexer this signal depends on, or <see langword="null"/> when it is always present. For <c>mN</c> it
    /// is the message's <c>M</c> signal; <c>SG_MUL_VAL_</c> can name another one (extended multiplexing).
    /// </summary>
    public string? Multiplexer { get; internal set; }

    /// <summary>The multiplexer raw values for which this signal is present; empty when it is always present.</summary>
    public IReadOnlyList<DbcValueRange> MultiplexerValues { get; internal set; } = [];

    /// <summary>Attribute values (<c>BA_ … SG_</c>, defaults filled in): <see cref="long"/>, <see cref="double"/> or <see cref="string"/>.</summary>
    public IReadOnlyDictionary<string, object> Attributes => AttributeValues;

    internal Dictionary<string, object> AttributeValues { get; } = new(StringComparer.Ordinal);

    // The mN value and line from the SG_ line; resolved against SG_MUL_VAL_ once the whole file is read.
    internal ulong? SwitchValue { get; set; }

    internal int Line { get; set; }

    /// <inheritdoc />
    public override string ToString() => $"{Name} {StartBit}|{Length}@{(ByteOrder == DbcByteOrder.LittleEndian ? 1 : 0)}{(IsSigned ? '-' : '+')}";
}
