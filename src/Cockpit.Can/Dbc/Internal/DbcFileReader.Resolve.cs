namespace Cockpit.Can.Dbc.Internal;

/// <summary>
/// What <see cref="DbcFileReader"/> can only do once the whole file is read: later sections (<c>SG_MUL_VAL_</c>,
/// <c>BA_DEF_DEF_</c>, <c>BA_</c>) refine signals and messages defined earlier.
/// </summary>
internal sealed partial class DbcFileReader
{
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
}
