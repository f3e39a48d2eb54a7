using System.Collections.Frozen;
using System.Security.Cryptography;
using System.Text.Json;

namespace Cockpit.Understanding.Catalog;

/// <summary>
/// The declarative action catalog: functions with typed parameters, zones, operation words and VSS bindings.
/// One source of truth for the data generator, the model's label set, the decoder, the resolver and the agent.
/// Immutable and thread-safe once loaded.
/// </summary>
public sealed class ActionCatalog
{
    private const string ResourceName = "Cockpit.Understanding.Catalog.action-catalog.json";

    private static readonly Lazy<ActionCatalog> Embedded = new(() =>
    {
        using var stream = typeof(ActionCatalog).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new CatalogException($"Embedded resource {ResourceName} is missing.");
        return Load(stream);
    });

    private readonly FrozenDictionary<string, CatalogFunction> _functions;
    private readonly FrozenDictionary<string, CatalogZone> _zones;
    private readonly FrozenDictionary<string, CatalogOperation> _ops;

    private ActionCatalog(CatalogDocument document, string sha256)
    {
        Version = document.Version;
        Sha256 = sha256;
        Functions = document.Functions;
        Readings = document.Readings;
        Zones = document.Zones;
        Operations = document.Ops;
        Seats = document.Seats.ToFrozenDictionary();
        _functions = document.Functions.ToFrozenDictionary(f => f.Id);
        _zones = document.Zones.ToFrozenDictionary(z => z.Id);
        _ops = document.Ops.ToFrozenDictionary(o => o.Id);
        Validate();
    }

    /// <summary>The catalog built into this assembly.</summary>
    public static ActionCatalog Default => Embedded.Value;

    /// <summary>Catalog version string.</summary>
    public string Version { get; }

    /// <summary>SHA-256 (lower-case hex) of the catalog JSON; recorded in the model manifest.</summary>
    public string Sha256 { get; }

    /// <summary>All functions in catalog order.</summary>
    public IReadOnlyList<CatalogFunction> Functions { get; }

    /// <summary>The states the occupant may ask about that no function sets (sensors, what is playing).</summary>
    public IReadOnlyList<CatalogReading> Readings { get; }

    /// <summary>The reading with the given id, or null.</summary>
    /// <param name="id">Reading id, e.g. <c>sensor.speed</c>.</param>
    public CatalogReading? FindReading(string id) => Readings.FirstOrDefault(reading => reading.Id == id);

    /// <summary>All zones in catalog order.</summary>
    public IReadOnlyList<CatalogZone> Zones { get; }

    /// <summary>All operation word classes in catalog order.</summary>
    public IReadOnlyList<CatalogOperation> Operations { get; }

    /// <summary>Seat id → VSS branch names.</summary>
    public IReadOnlyDictionary<string, CatalogSeat> Seats { get; }

    /// <summary>Reads a catalog from JSON.</summary>
    /// <param name="json">UTF-8 JSON in the <c>action-catalog.json</c> shape.</param>
    /// <exception cref="CatalogException">The JSON is malformed or inconsistent.</exception>
    public static ActionCatalog Load(Stream json)
    {
        ArgumentNullException.ThrowIfNull(json);
        using var buffer = new MemoryStream();
        json.CopyTo(buffer);
        var bytes = buffer.ToArray();
        CatalogDocument document;
        try
        {
            document = JsonSerializer.Deserialize<CatalogDocument>(bytes)
                ?? throw new CatalogException("The catalog JSON is empty.");
        }
        catch (JsonException e)
        {
            throw new CatalogException($"The catalog JSON is malformed: {e.Message}", e);
        }

        return new ActionCatalog(document, Convert.ToHexStringLower(SHA256.HashData(bytes)));
    }

    /// <summary>The function with this id, or null.</summary>
    /// <param name="id">Function id.</param>
    public CatalogFunction? FindFunction(string? id) => id is not null && _functions.TryGetValue(id, out var f) ? f : null;

    /// <summary>The zone with this id, or null.</summary>
    /// <param name="id">Zone id.</param>
    public CatalogZone? FindZone(string? id) => id is not null && _zones.TryGetValue(id, out var z) ? z : null;

    /// <summary>The operation with this id, or null.</summary>
    /// <param name="id">Operation id.</param>
    public CatalogOperation? FindOperation(string? id) => id is not null && _ops.TryGetValue(id, out var o) ? o : null;

    /// <summary>The concrete VSS path of a function for one seat (or its only path when not zoned).</summary>
    /// <param name="function">A vehicle function.</param>
    /// <param name="seatId">Seat id; ignored for functions without zoning.</param>
    public string PathFor(CatalogFunction function, string? seatId) => PathFor(function, seatId, function?.Path);

    /// <summary>A path template of <paramref name="function"/> (its actuator's, or its state's) made concrete for a seat.</summary>
    /// <param name="function">The function.</param>
    /// <param name="seatId">The seat, or null for a function without zones.</param>
    /// <param name="template">The template, e.g. <see cref="CatalogFunction.StatePath"/>.</param>
    public string PathFor(CatalogFunction function, string? seatId, string? template)
    {
        ArgumentNullException.ThrowIfNull(function);
        if (template is null)
        {
            throw new CatalogException($"{function.Id} has no VSS path.");
        }
        if (function.Zoning is null || seatId is null)
        {
            return template;
        }

        var seat = Seats[seatId];
        return template.Replace("{Row}", seat.Row, StringComparison.Ordinal)
            .Replace("{Side}", seat.Side, StringComparison.Ordinal)
            .Replace("{Station}", seat.Station, StringComparison.Ordinal);
    }

    /// <summary>Every concrete VSS path the catalog can write.</summary>
    public IEnumerable<string> AllPaths()
    {
        foreach (var f in Functions.Where(f => !f.IsScreenTask))
        {
            if (f.Zoning is null)
            {
                yield return PathFor(f, null);
                continue;
            }

            foreach (var seat in f.Zoning.Seats)
            {
                yield return PathFor(f, seat);
            }
        }
    }

    private void Validate()
    {
        foreach (var f in Functions)
        {
            if (!f.IsScreenTask && f.Path is null)
            {
                throw new CatalogException($"Function {f.Id} is a vehicle function without a VSS path.");
            }

            if (f.Zoning is not null && (FindZone(f.Zoning.Default) is null || f.Zoning.Seats.Any(s => !Seats.ContainsKey(s))))
            {
                throw new CatalogException($"Function {f.Id} names an unknown default zone or seat.");
            }

            foreach (var op in f.Ops.Keys)
            {
                if (FindOperation(op) is null)
                {
                    throw new CatalogException($"Function {f.Id} accepts unknown operation {op}.");
                }
            }

            if (f.Phrases.Keys.FirstOrDefault(op => !f.Accepts(op)) is { } foreign)
            {
                throw new CatalogException($"Function {f.Id} gives phrases for {foreign}, an operation it does not accept.");
            }

            if (f.Value.Type is CatalogValueType.Number && f.Value.Min > f.Value.Max)
            {
                throw new CatalogException($"Function {f.Id} has min > max.");
            }
        }

        foreach (var o in Operations.Where(o => o.Implies is not null))
        {
            if (FindFunction(o.Implies!.Function) is not { } f || !f.Accepts(o.Implies.Op))
            {
                throw new CatalogException($"Operation {o.Id} implies {o.Implies!.Function}.{o.Implies.Op}, which the catalog lacks.");
            }
        }

        foreach (var z in Zones.Where(z => z.Seats.Any(s => !Seats.ContainsKey(s))))
        {
            throw new CatalogException($"Zone {z.Id} names an unknown seat.");
        }
    }
}
