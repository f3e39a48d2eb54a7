namespace Cockpit.Can.Dbc.Internal;

/// <summary>
/// What <see cref="DbcFileReader"/> can only do once the whole file is read: later sections (<c>SG_MUL_VAL_</c>,
/// <c>BA_DEF_DEF_</c>, <c>BA_</c>) refine signals and messages defined earlier.
/// </summary>
internal sealed partial class DbcFileReader
{
    private const string NodeLongSymbol = "SystemNodeLongSymbol";
    private const string MessageLongSymbol = "SystemMessageLongSymbol";
    private const string SignalLongSymbol = "SystemSignalLongSymbol";

    // ---- After the last section --------------------------------------------------------------------------------

    private void ResolveMultiplexing()
    {
        foreach (var message in _database.MessageList)
        {
            var plain = message.SignalList.FindAll(s => s.IsMultiplexer && s.SwitchValue is null);
            foreach (var signal in message.SignalList)
            {
                if (_extendedMux.TryGetValue((message.FileId, signal.Name), out var entries))
                {
                    // cantools and Vector allow one multiplexer per signal; the last entry wins as in those tools.
                    var (multiplexer, ranges) = entries[^1];
                    if (!message.SignalList.Exists(s => s.Name == multiplexer))
                    {
                        throw new DbcParseException(_fileName, signal.Line, 1,
                            $"expected a signal named in SG_MUL_VAL_: multiplexer '{multiplexer}' for '{signal.Name}', but message '{message.Name}' has no such signal");
                    }

                    signal.Multiplexer = multiplexer;
                    signal.MultiplexerValues = ranges;
                }
                else if (signal.SwitchValue is { } value)
                {
                    if (plain.Count == 0)
                    {
                        throw new DbcParseException(_fileName, signal.Line, 1,
                            $"expected a multiplexer signal (M) in message '{message.Name}' for '{signal.Name}' m{value}, found none");
                    }

                    signal.Multiplexer = plain[0].Name;
                    signal.MultiplexerValues = [new DbcValueRange(value, value)];
                }
            }
        }
    }

    private void FillAttributeDefaults()
    {
        foreach (var definition in _database.AttributeDefinitionMap.Values)
        {
            if (definition.DefaultValue is not { } value)
            {
                continue;
            }

            switch (definition.ObjectType)
            {
                case DbcObjectType.Network:
                    _database.AttributeValues.TryAdd(definition.Name, value);
                    break;
                case DbcObjectType.Node:
                    _database.NodeList.ForEach(n => n.AttributeValues.TryAdd(definition.Name, value));
                    break;
                case DbcObjectType.Message:
                    _database.MessageList.ForEach(m => m.AttributeValues.TryAdd(definition.Name, value));
                    break;
                case DbcObjectType.Signal:
                    _database.MessageList.ForEach(m => m.SignalList.ForEach(s => s.AttributeValues.TryAdd(definition.Name, value)));
                    break;
            }
        }

        // VFrameFormat may come only from the default.
        foreach (var message in _database.MessageList)
        {
            if (message.Attributes.TryGetValue("VFrameFormat", out var format) && format is string name &&
                name.Contains("FD", StringComparison.Ordinal))
            {
                message.IsFd = true;
            }
        }
    }

    // Names longer than 32 characters are cut on the BU_, BO_ and SG_ lines and kept whole in these attributes.
    // Every section refers to the cut name, so the long names replace them only now, references included.
    private void ResolveLongNames()
    {
        var nodes = LongNames(_database.NodeList.Select(n => (n.ShortName, n.Attributes, n.Line)), NodeLongSymbol, "node", "the file");
        foreach (var node in _database.NodeList)
        {
            node.Name = Renamed(nodes, node.ShortName);
        }

        var messages = LongNames(_database.MessageList.Select(m => (m.ShortName, m.Attributes, m.Line)), MessageLongSymbol, "message", "the file");
        foreach (var message in _database.MessageList)
        {
            message.Name = Renamed(messages, message.ShortName);
            message.Sender = message.Sender is { } sender ? Renamed(nodes, sender) : null;
            message.Transmitters = [.. message.Transmitters.Select(t => Renamed(nodes, t))];
            var signals = LongNames(message.SignalList.Select(s => (s.ShortName, s.Attributes, s.Line)), SignalLongSymbol, "signal", $"message '{message.Name}'");
            foreach (var signal in message.SignalList)
            {
                signal.Name = Renamed(signals, signal.ShortName);
                signal.Multiplexer = signal.Multiplexer is { } multiplexer ? Renamed(signals, multiplexer) : null;
                signal.Receivers = [.. signal.Receivers.Select(r => Renamed(nodes, r))];
            }
        }

        _database.IndexNames();
    }

    // Short name → long name for each object whose attribute gives a non-empty one. A long name that another
    // object of the same scope already answers to would make lookups ambiguous; that object keeps its short name.
    private Dictionary<string, string> LongNames(
        IEnumerable<(string ShortName, IReadOnlyDictionary<string, object> Attributes, int Line)> objects,
        string attribute, string kind, string scope)
    {
        var candidates = objects.ToList();
        var taken = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (shortName, attributes, _) in candidates)
        {
            if (LongName(attributes, attribute) is null)
            {
                taken.Add(shortName);
            }
        }

        var renames = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (shortName, attributes, line) in candidates)
        {
            if (LongName(attributes, attribute) is not { } longName || longName == shortName)
            {
                taken.Add(shortName);
            }
            else if (taken.Add(longName))
            {
                renames[shortName] = longName;
            }
            else
            {
                _database.WarningList.Add(
                    $"{_fileName}({line}): {attribute} '{longName}' of {kind} '{shortName}' is already a {kind} name in {scope}; the {kind} keeps its name '{shortName}'");
                taken.Add(shortName);
            }
        }

        return renames;
    }

    private static string? LongName(IReadOnlyDictionary<string, object> attributes, string attribute) =>
        attributes.TryGetValue(attribute, out var value) && value is string { Length: > 0 } name ? name : null;

    private static string Renamed(Dictionary<string, string> renames, string name) => renames.GetValueOrDefault(name, name);
}
