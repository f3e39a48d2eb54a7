using System.Globalization;

namespace Cockpit.Can.Dbc.Internal;

/// <summary>
/// Builds a <see cref="DbcDatabase"/> from tokens, one labelled block per section keyword, in the order
/// docs/formats/dbc.md lists them. Sections the model does not keep are skipped to their ';'.
/// </summary>
internal sealed partial class DbcFileReader
{
    private static readonly HashSet<string> Keywords = new(StringComparer.Ordinal)
    {
        "VERSION", "NS_", "BS_", "BU_", "BO_", "SG_", "CM_", "BA_DEF_", "BA_DEF_DEF_", "BA_", "VAL_", "VAL_TABLE_",
        "SIG_VALTYPE_", "SG_MUL_VAL_", "BO_TX_BU_",
        // Known sections that the model does not keep.
        "EV_", "ENVVAR_DATA_", "SGTYPE_", "SGTYPE_VAL_", "BA_DEF_SGTYPE_", "BA_SGTYPE_", "SIG_TYPE_REF_", "SIG_GROUP_",
        "SIGTYPE_VALTYPE_", "BA_DEF_REL_", "BA_REL_", "BA_DEF_DEF_REL_", "BU_SG_REL_", "BU_EV_REL_", "BU_BO_REL_",
        "CAT_DEF_", "CAT_", "FILTER", "NS_DESC_", "EV_DATA_",
    };

    private readonly List<DbcToken> _tokens;
    private readonly string _fileName;
    private readonly DbcDatabase _database;
    private readonly List<(DbcSignal Signal, DbcToken Where)> _pendingSignals = [];
    private readonly Dictionary<(uint, string), List<(string Multiplexer, List<DbcValueRange> Ranges)>> _extendedMux = [];
    private int _index;
    private DbcMessage? _currentMessage;

    public DbcFileReader(string text, string fileName)
    {
        _fileName = fileName;
        _tokens = new DbcLexer(text, fileName).ReadAll();
        _database = new DbcDatabase(fileName);
    }

    private DbcToken Current => _tokens[_index];

    public DbcDatabase Read()
    {
        while (Current.Kind != DbcTokenKind.End)
        {
            var keyword = Current;
            if (keyword.Kind != DbcTokenKind.Identifier || !Keywords.Contains(keyword.Text))
            {
                throw Error(keyword, "a section keyword such as VERSION, BU_, BO_, SG_, CM_, BA_ or VAL_");
            }

            _index++;
            switch (keyword.Text)
            {
                case "VERSION": _database.Version = ExpectString("the version string after VERSION"); break;
                case "NS_": SkipNewSymbols(); break;
                case "BS_": SkipLine(keyword.Line); break;
                case "BU_": ReadNodes(); break;
                case "VAL_TABLE_": ReadValueTable(); break;
                case "BO_": ReadMessage(); break;
                case "SG_": ReadSignal(keyword); break;
                case "BO_TX_BU_": ReadTransmitters(); break;
                case "CM_": ReadComment(); break;
                case "BA_DEF_": ReadAttributeDefinition(); break;
                case "BA_DEF_DEF_": ReadAttributeDefault(); break;
                case "BA_": ReadAttribute(); break;
                case "VAL_": ReadChoices(); break;
                case "SIG_VALTYPE_": ReadValueType(); break;
                case "SG_MUL_VAL_": ReadExtendedMultiplexing(); break;
                default: SkipStatement(); break;
            }
        }

        ResolveMultiplexing();
        FillAttributeDefaults();
        ResolveLongNames();
        return _database;
    }

    // ---- NS_ and BS_: kept only for their shape --------------------------------------------------------------

    private void SkipNewSymbols()
    {
        ExpectSymbol(':', "':' after NS_");

        // The symbol list repeats section keywords, indented; the list ends at the first unindented token.
        while (Current.Kind != DbcTokenKind.End && !(Current.StartsLine && Current.Column == 1))
        {
            _index++;
        }
    }

    private void SkipLine(int line)
    {
        while (Current.Kind != DbcTokenKind.End && Current.Line == line)
        {
            _index++;
        }
    }

    private void SkipStatement()
    {
        while (Current.Kind != DbcTokenKind.End)
        {
            if (Current.IsSymbol(';'))
            {
                _index++;
                return;
            }

            if (Current.StartsLine && Current.Kind == DbcTokenKind.Identifier && Keywords.Contains(Current.Text))
            {
                return;
            }

            _index++;
        }
    }

    // ---- BU_ ---------------------------------------------------------------------------------------------------

    private void ReadNodes()
    {
        ExpectSymbol(':', "':' after BU_");
        // Node names follow on the BU_ line (or indented continuation lines); an unindented token starts the next section.
        while (Current.Kind == DbcTokenKind.Identifier && !(Current.StartsLine && Current.Column == 1))
        {
            _database.NodeList.Add(new DbcNode(Current.Text) { Line = Current.Line });
            _index++;
        }
    }

    // ---- VAL_TABLE_ --------------------------------------------------------------------------------------------

    private void ReadValueTable()
    {
        var name = ExpectIdentifier("a value table name after VAL_TABLE_");
        var table = ReadValueDescriptions();
        _database.ValueTableMap[name] = table;
    }

    private Dictionary<long, string> ReadValueDescriptions()
    {
        var table = new Dictionary<long, string>();
        while (!Current.IsSymbol(';'))
        {
            var value = ExpectInteger("a raw value or ';'");
            table[value] = ExpectString("the name of the value");
        }

        _index++;
        return table;
    }

    // ---- BO_ and SG_ -------------------------------------------------------------------------------------------

    private void ReadMessage()
    {
        var idToken = Current;
        var fileId = ExpectUnsigned("a message id after BO_");
        var name = ExpectIdentifier("a message name");
        ExpectSymbol(':', "':' after the message name");
        var lengthToken = Current;
        var length = (int)ExpectUnsigned("the message length in bytes");
        if (length > 64)
        {
            throw Error(lengthToken, "a message length of at most 64 bytes");
        }

        var sender = ExpectIdentifier("the sending node (or Vector__XXX)");
        var message = new DbcMessage((uint)fileId, name)
        {
            Length = length,
            IsFd = length > 8,
            Sender = sender == "Vector__XXX" ? null : sender,
            Line = idToken.Line,
        };

        var isExtended = (fileId & 0x8000_0000) != 0;
        if (isExtended ? (fileId & 0x6000_0000) != 0 : fileId > 0x7FF)
        {
            // Vector's VECTOR__INDEPENDENT_SIG_MSG (0xC0000000) is the usual case: a holder, not a real frame.
            Warn(idToken, $"message id {fileId} fits neither an 11-bit nor a flagged 29-bit identifier");
        }

        if (!_database.TryAddMessage(message))
        {
            throw Error(idToken, $"a message id not used before, found {fileId} a second time");
        }

        _currentMessage = message;
    }

    private void ReadSignal(DbcToken keyword)
    {
        var message = _currentMessage ?? throw Error(keyword, "BO_ before the first SG_");
        var name = ExpectIdentifier("a signal name after SG_");
        var signal = new DbcSignal(name) { Line = keyword.Line };
        if (Current.Kind == DbcTokenKind.Identifier)
        {
            ReadMultiplexIndicator(signal);
        }

        ExpectSymbol(':', "':' after the signal name");
        signal.StartBit = (int)ExpectUnsigned("the start bit");
        ExpectSymbol('|', "'|' between start bit and length");
        var lengthToken = Current;
        signal.Length = (int)ExpectUnsigned("the signal length in bits");
        if (signal.Length is < 1 or > 64)
        {
            throw Error(lengthToken, "a signal length from 1 to 64 bits");
        }

        ExpectSymbol('@', "'@' before the byte order");
        var orderToken = Current;
        signal.ByteOrder = ExpectUnsigned("byte order 0 (Motorola) or 1 (Intel)") switch
        {
            0 => DbcByteOrder.BigEndian,
            1 => DbcByteOrder.LittleEndian,
            _ => throw Error(orderToken, "byte order 0 (Motorola) or 1 (Intel)"),
        };
        signal.IsSigned = ReadSign();
        ExpectSymbol('(', "'(' before factor and offset");
        signal.Factor = ExpectNumber("the factor");
        ExpectSymbol(',', "',' between factor and offset");
        signal.Offset = ExpectNumber("the offset");
        ExpectSymbol(')', "')' after the offset");
        ExpectSymbol('[', "'[' before the minimum");
        signal.Minimum = ExpectNumber("the minimum");
        ExpectSymbol('|', "'|' between minimum and maximum");
        signal.Maximum = ExpectNumber("the maximum");
        ExpectSymbol(']', "']' after the maximum");
        signal.Unit = ExpectString("the unit string");
        signal.Receivers = ReadReceivers(keyword.Line);

        if (message.SignalList.Exists(s => s.Name == name))
        {
            throw Error(keyword, $"a signal name not used before in message '{message.Name}', found '{name}' a second time");
        }

        message.SignalList.Add(signal);
        _pendingSignals.Add((signal, keyword));
    }

    private void ReadMultiplexIndicator(DbcSignal signal)
    {
        var token = Current;
        var text = token.Text;
        _index++;
        if (text == "M")
        {
            signal.IsMultiplexer = true;
            return;
        }

        var body = text.EndsWith('M') ? text[..^1] : text;
        if (body.Length < 2 || body[0] != 'm' || !ulong.TryParse(body.AsSpan(1), NumberStyles.None, CultureInfo.InvariantCulture, out var value))
        {
            throw Error(token, "a multiplex indicator M, mN or mNM, or ':'");
        }

        signal.IsMultiplexer = text.EndsWith('M');
        signal.SwitchValue = value;
    }

    private bool ReadSign()
    {
        var token = Current;
        if (token.IsSymbol('+') || token.IsSymbol('-'))
        {
            _index++;
            return token.Text == "-";
        }

        throw Error(token, "'+' (unsigned) or '-' (signed) after the byte order");
    }

    private List<string> ReadReceivers(int line)
    {
        var receivers = new List<string>();
        while (Current.Line == line && Current.Kind != DbcTokenKind.End)
        {
            if (Current.IsSymbol(','))
            {
                _index++;
                continue;
            }

            var receiver = ExpectIdentifier("a receiving node");
            if (receiver != "Vector__XXX")
            {
                receivers.Add(receiver);
            }
        }

        return receivers;
    }

    // ---- BO_TX_BU_ ---------------------------------------------------------------------------------------------

    private void ReadTransmitters()
    {
        var message = ExpectMessage("a message id after BO_TX_BU_");
        ExpectSymbol(':', "':' after the message id");
        var transmitters = new List<string>();
        while (!Current.IsSymbol(';'))
        {
            if (Current.IsSymbol(','))
            {
                _index++;
                continue;
            }

            transmitters.Add(ExpectIdentifier("a node name or ';'"));
        }

        _index++;
        if (message is not null)
        {
            message.Transmitters = transmitters;
        }
    }

    // ---- CM_ ---------------------------------------------------------------------------------------------------

    private void ReadComment()
    {
        if (Current.Kind == DbcTokenKind.String)
        {
            _database.Comment = ExpectString("the comment");
            ExpectSymbol(';', "';' after the comment");
            return;
        }

        var kind = ExpectIdentifier("BU_, BO_, SG_, EV_ or a comment string after CM_");
        switch (kind)
        {
            case "BU_":
                var nodeName = ExpectIdentifier("a node name");
                var nodeComment = ExpectString("the comment");
                var node = _database.NodeList.Find(n => n.Name == nodeName);
                if (node is not null)
                {
                    node.Comment = nodeComment;
                }

                break;
            case "BO_":
                var message = ExpectMessage("a message id");
                var messageComment = ExpectString("the comment");
                message?.Comment = messageComment;
                break;
            case "SG_":
                var signal = ExpectSignal();
                var signalComment = ExpectString("the comment");
                signal?.Comment = signalComment;
                break;
            case "EV_":
                ExpectIdentifier("an environment variable name");
                ExpectString("the comment");
                break;
            default:
                throw Error(_tokens[_index - 1], "BU_, BO_, SG_, EV_ or a comment string after CM_");
        }

        ExpectSymbol(';', "';' after the comment");
    }

    // ---- BA_DEF_, BA_DEF_DEF_, BA_ -----------------------------------------------------------------------------

    private void ReadAttributeDefinition()
    {
        var objectType = DbcObjectType.Network;
        if (Current.Kind == DbcTokenKind.Identifier)
        {
            objectType = ReadObjectType(ExpectIdentifier("BU_, BO_, SG_, EV_ or the attribute name"));
        }

        var name = ExpectString("the attribute name");
        var typeToken = Current;
        var kind = ExpectIdentifier("the attribute type INT, HEX, FLOAT, STRING or ENUM") switch
        {
            "INT" => DbcAttributeKind.Integer,
            "HEX" => DbcAttributeKind.Hex,
            "FLOAT" => DbcAttributeKind.Float,
            "STRING" => DbcAttributeKind.String,
            "ENUM" => DbcAttributeKind.Enumeration,
            _ => throw Error(typeToken, "the attribute type INT, HEX, FLOAT, STRING or ENUM"),
        };
        var definition = new DbcAttributeDefinition(name, objectType, kind);
        switch (kind)
        {
            case DbcAttributeKind.Integer or DbcAttributeKind.Hex or DbcAttributeKind.Float:
                if (!Current.IsSymbol(';'))
                {
                    definition.Minimum = ExpectNumber("the minimum");
                    definition.Maximum = ExpectNumber("the maximum");
                }

                break;
            case DbcAttributeKind.Enumeration:
                var names = new List<string>();
                while (!Current.IsSymbol(';'))
                {
                    if (Current.IsSymbol(','))
                    {
                        _index++;
                        continue;
                    }

                    names.Add(ExpectString("an enumeration name or ';'"));
                }

                definition.EnumValues = names;
                break;
        }

        ExpectSymbol(';', "';' after the attribute definition");
        _database.AttributeDefinitionMap[name] = definition;
    }

    private DbcObjectType ReadObjectType(string keyword) => keyword switch
    {
        "BU_" => DbcObjectType.Node,
        "BO_" => DbcObjectType.Message,
        "SG_" => DbcObjectType.Signal,
        "EV_" => DbcObjectType.EnvironmentVariable,
        _ => throw Error(_tokens[_index - 1], "BU_, BO_, SG_ or EV_"),
    };

    private void ReadAttributeDefault()
    {
        var nameToken = Current;
        var name = ExpectString("the attribute name after BA_DEF_DEF_");
        var value = ReadAttributeValue();
        ExpectSymbol(';', "';' after the default value");
        if (_database.AttributeDefinitionMap.TryGetValue(name, out var definition))
        {
            definition.DefaultValue = Convert(definition, value);
        }
        else
        {
            Warn(nameToken, $"BA_DEF_DEF_ for attribute '{name}', which no BA_DEF_ defines");
        }
    }

    private void ReadAttribute()
    {
        var nameToken = Current;
        var name = ExpectString("the attribute name after BA_");
        Dictionary<string, object>? target = _database.AttributeValues;
        if (Current.Kind == DbcTokenKind.Identifier)
        {
            switch (ExpectIdentifier("BU_, BO_, SG_, EV_ or the value"))
            {
                case "BU_":
                    var nodeName = ExpectIdentifier("a node name");
                    target = _database.NodeList.Find(n => n.Name == nodeName)?.AttributeValues;
                    break;
                case "BO_":
                    target = ExpectMessage("a message id")?.AttributeValues;
                    break;
                case "SG_":
                    target = ExpectSignal()?.AttributeValues;
                    break;
                case "EV_":
                    ExpectIdentifier("an environment variable name");
                    target = null;
                    break;
                default:
                    throw Error(_tokens[_index - 1], "BU_, BO_, SG_ or EV_");
            }
        }

        var value = ReadAttributeValue();
        ExpectSymbol(';', "';' after the attribute value");
        if (target is null)
        {
            return;
        }

        if (_database.AttributeDefinitionMap.TryGetValue(name, out var definition))
        {
            target[name] = Convert(definition, value);
        }
        else
        {
            Warn(nameToken, $"BA_ for attribute '{name}', which no BA_DEF_ defines");
            target[name] = value;
        }
    }

    private object ReadAttributeValue()
    {
        var token = Current;
        _index++;
        return token.Kind switch
        {
            DbcTokenKind.String => token.Text,
            DbcTokenKind.Number => ParseNumber(token),
            _ => throw Error(token, "an attribute value (number or string)"),
        };
    }

    private static object Convert(DbcAttributeDefinition definition, object value) => (definition.Kind, value) switch
    {
        (DbcAttributeKind.Integer or DbcAttributeKind.Hex, double number) => (long)number,
        // BA_ stores an enumeration value as its index; BA_DEF_DEF_ usually as its name.
        (DbcAttributeKind.Enumeration, double index) when index >= 0 && index < definition.EnumValues.Count =>
            definition.EnumValues[(int)index],
        (DbcAttributeKind.String or DbcAttributeKind.Enumeration, double number) => number.ToString(CultureInfo.InvariantCulture),
        _ => value,
    };

    // ---- VAL_, SIG_VALTYPE_, SG_MUL_VAL_ -----------------------------------------------------------------------

    private void ReadChoices()
    {
        if (Current.Kind == DbcTokenKind.Identifier)
        {
            // VAL_ for an environment variable.
            SkipStatement();
            return;
        }

        var signal = ExpectSignal();
        var choices = ReadValueDescriptions();
        signal?.Choices = choices;
    }

    private void ReadValueType()
    {
        var signal = ExpectSignal();
        if (Current.IsSymbol(':'))
        {
            _index++;
        }

        var typeToken = Current;
        var type = ExpectUnsigned("value type 0 (integer), 1 (float) or 2 (double)");
        ExpectSymbol(';', "';' after the value type");
        if (signal is null)
        {
            return;
        }

        signal.ValueType = type switch
        {
            0 => DbcValueType.Integer,
            1 => DbcValueType.Float32,
            2 => DbcValueType.Float64,
            _ => throw Error(typeToken, "value type 0 (integer), 1 (float) or 2 (double)"),
        };
        var expected = signal.ValueType == DbcValueType.Float32 ? 32 : 64;
        if (signal.ValueType != DbcValueType.Integer && signal.Length != expected)
        {
            throw Error(typeToken, $"a {expected}-bit signal for value type {type}, found '{signal.Name}' with {signal.Length} bits");
        }
    }

    private void ReadExtendedMultiplexing()
    {
        var idToken = Current;
        var fileId = (uint)ExpectUnsigned("a message id after SG_MUL_VAL_");
        var signalName = ExpectIdentifier("the multiplexed signal name");
        var multiplexer = ExpectIdentifier("the multiplexer signal name");
        var ranges = new List<DbcValueRange>();
        while (!Current.IsSymbol(';'))
        {
            if (Current.IsSymbol(','))
            {
                _index++;
                continue;
            }

            ranges.Add(ReadRange());
        }

        _index++;
        if (!_database.TryGetByFileId(fileId, out _))
        {
            Warn(idToken, $"SG_MUL_VAL_ for message {fileId}, which the file does not define");
            return;
        }

        var key = (fileId, signalName);
        if (!_extendedMux.TryGetValue(key, out var list))
        {
            _extendedMux[key] = list = [];
        }

        list.Add((multiplexer, ranges));
    }

    // The lexer reads "2-5" as "2" and "-5"; a range never has negative ends, so the sign is the separator.
    private DbcValueRange ReadRange()
    {
        var first = Current;
        var minimum = ExpectUnsigned("a range such as 2-5");
        var second = Current;
        ulong maximum;
        if (second.Kind == DbcTokenKind.Number && second.Text.StartsWith('-'))
        {
            _index++;
            maximum = ulong.Parse(second.Text.AsSpan(1), NumberStyles.None, CultureInfo.InvariantCulture);
        }
        else
        {
            ExpectSymbol('-', "'-' inside a range such as 2-5");
            maximum = ExpectUnsigned("the end of a range such as 2-5");
        }

        return maximum < minimum
            ? throw Error(first, $"a range whose end is not below its start, found {minimum}-{maximum}")
            : new DbcValueRange(minimum, maximum);
    }
}
