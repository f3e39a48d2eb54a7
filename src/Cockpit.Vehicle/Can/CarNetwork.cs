using System.Reflection;
using Cockpit.Can.Codec;
using Cockpit.Can.Dbc;
using Cockpit.Vehicle.Vss;

namespace Cockpit.Vehicle.Can;

/// <summary>
/// The car's DBC and VSS↔DBC mapping, resolved against the catalog: which status signal carries each signal's
/// current value (and which ECU sends it), and which command signal carries each actuator's target. Signals the
/// mapping does not name, or whose path the catalog lacks, stay off the bus.
/// </summary>
internal sealed class CarNetwork
{
    /// <summary>The name of the simulated car's own DBC, embedded in the assembly.</summary>
    public const string EmbeddedDbcName = "cockpit-car.dbc";

    private readonly Dictionary<VssEntry, StatusBinding> _status = [];
    private readonly Dictionary<VssEntry, CommandBinding> _commands = [];

    private CarNetwork(DbcCodec codec, VssDbcMapping mapping, VssCatalog catalog)
    {
        Codec = codec;
        var bySignal = new Dictionary<string, (MessageCodec Message, SignalCodec Signal)>(StringComparer.Ordinal);
        var duplicates = new HashSet<string>(StringComparer.Ordinal);
        foreach (var message in codec.Database.Messages)
        {
            var messageCodec = codec.GetMessage(message.Name);
            foreach (var signal in messageCodec.Signals)
            {
                if (!bySignal.TryAdd(signal.Name, (messageCodec, signal)))
                {
                    duplicates.Add(signal.Name);
                }
            }
        }

        (MessageCodec, SignalCodec) Find(string path, string direction, string name)
        {
            if (duplicates.Contains(name))
            {
                throw new VssDbcMappingException($"{mapping.Source}: {path}: {direction}: signal {name} is in more than one message of {codec.Database.FileName}");
            }

            return bySignal.TryGetValue(name, out var found)
                ? found
                : throw new VssDbcMappingException($"{mapping.Source}: {path}: {direction}: {codec.Database.FileName} has no signal {name}");
        }

        foreach (var (path, (dbc2vss, vss2dbc)) in mapping.Paths)
        {
            if (!catalog.TryGet(path, out var entry))
            {
                continue;
            }

            if (dbc2vss is null)
            {
                throw new VssDbcMappingException($"{mapping.Source}: {path}: expected dbc2vss (the status signal that reports its value)");
            }

            var (statusMessage, statusSignal) = Find(path, "dbc2vss", dbc2vss.Signal);
            var ecu = statusMessage.Message.Sender ?? throw new VssDbcMappingException($"{mapping.Source}: {path}: message {statusMessage.Message.Name} names no sender");
            _status[entry] = new StatusBinding(entry, ecu, statusMessage, statusSignal, dbc2vss);
            if (vss2dbc is null)
            {
                continue;
            }

            if (!entry.IsActuator)
            {
                throw new VssDbcMappingException($"{mapping.Source}: {path}: vss2dbc is only for actuators");
            }

            var (commandMessage, commandSignal) = Find(path, "vss2dbc", vss2dbc.Signal);
            _commands[entry] = new CommandBinding(entry, ecu, commandMessage, commandSignal, vss2dbc);
        }

        foreach (var entry in catalog.Entries.Where(entry => entry.IsActuator && _status.ContainsKey(entry) && !_commands.ContainsKey(entry)))
        {
            throw new VssDbcMappingException($"{mapping.Source}: {entry.Path}: an actuator on the bus needs vss2dbc (the command signal for its target)");
        }
    }

    /// <summary>The codec of the car's DBC.</summary>
    public DbcCodec Codec { get; }

    /// <summary>Where each signal on the bus reports its current value.</summary>
    public IReadOnlyDictionary<VssEntry, StatusBinding> Status => _status;

    /// <summary>Where each actuator on the bus takes its target.</summary>
    public IReadOnlyDictionary<VssEntry, CommandBinding> Commands => _commands;

    /// <summary>The ECUs (DBC nodes) that own at least one signal, in DBC order.</summary>
    public IReadOnlyList<string> Ecus => [.. Codec.Database.Nodes.Select(node => node.Name).Where(name => _status.Values.Any(binding => binding.Ecu == name))];

    /// <summary>Whether the signal travels on the bus.</summary>
    public bool IsOnBus(VssEntry entry) => _status.ContainsKey(entry);

    /// <summary>Resolves a DBC and a mapping (files, or the simulated car's embedded ones) against a catalog.</summary>
    public static CarNetwork Load(VssCatalog catalog, string? dbcPath = null, string? mappingPath = null)
    {
        var database = dbcPath is null ? ReadEmbeddedDbc() : DbcParser.Load(dbcPath);
        var mapping = mappingPath is null ? VssDbcMappingReader.ReadEmbedded() : VssDbcMappingReader.ReadFile(mappingPath);
        return new CarNetwork(new DbcCodec(database), mapping, catalog);
    }

    private static DbcDatabase ReadEmbeddedDbc()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("Cockpit.Vehicle.Can." + EmbeddedDbcName)
            ?? throw new InvalidOperationException($"{EmbeddedDbcName} is not embedded");
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return DbcParser.Parse(buffer.ToArray(), EmbeddedDbcName);
    }
}
