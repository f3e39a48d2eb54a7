using System.Text.Json;

namespace Cockpit.Vehicle.Vss;

/// <summary>
/// Reads a VSS catalog in the vss-tools JSON format (instances expanded; see docs/formats/vss-catalog.md):
/// nested objects with <c>type</c> (branch, sensor, actuator, attribute), <c>children</c> for branches and
/// <c>datatype</c>, <c>min</c>, <c>max</c>, <c>allowed</c>, <c>default</c>, <c>unit</c> for leaves.
/// </summary>
public static class VssCatalogReader
{
    /// <summary>The resource name of the simulated car's own catalog.</summary>
    public const string EmbeddedCatalogName = "Cockpit.Vehicle.Vss.cockpit-vss.json";

    /// <summary>Reads the simulated car's catalog shipped inside this assembly.</summary>
    public static VssCatalog ReadEmbedded()
    {
        using var stream = typeof(VssCatalogReader).Assembly.GetManifestResourceStream(EmbeddedCatalogName)
            ?? throw new InvalidOperationException($"resource {EmbeddedCatalogName} is missing from the assembly");
        return Read(stream, EmbeddedCatalogName);
    }

    /// <summary>Reads a catalog file.</summary>
    public static VssCatalog ReadFile(string path)
    {
        using var stream = File.OpenRead(path);
        return Read(stream, path);
    }

    /// <summary>Reads a catalog; <paramref name="source"/> names it in error messages.</summary>
    public static VssCatalog Read(Stream json, string source)
    {
        using var document = JsonDocument.Parse(json, new JsonDocumentOptions { AllowTrailingCommas = true });
        var leaves = new List<(string Path, JsonElement Node)>();
        foreach (var root in document.RootElement.EnumerateObject())
        {
            Collect(root.Name, root.Value, leaves, source);
        }

        leaves.Sort((left, right) => string.CompareOrdinal(left.Path, right.Path));
        var entries = new List<VssEntry>(leaves.Count);
        foreach (var (path, node) in leaves)
        {
            if (ReadLeaf(entries.Count + 1, path, node, source) is { } entry)
            {
                entries.Add(entry);
            }
        }

        return new VssCatalog(entries);
    }

    private static void Collect(string path, JsonElement node, List<(string, JsonElement)> leaves, string source)
    {
        if (node.ValueKind != JsonValueKind.Object)
        {
            throw new VssCatalogException(source, path, "expected an object");
        }

        var type = node.TryGetProperty("type", out var typeElement) ? typeElement.GetString() : null;
        if (type == "branch")
        {
            if (node.TryGetProperty("children", out var children))
            {
                foreach (var child in children.EnumerateObject())
                {
                    Collect($"{path}.{child.Name}", child.Value, leaves, source);
                }
            }

            return;
        }

        leaves.Add((path, node));
    }

    private static VssEntry? ReadLeaf(int id, string path, JsonElement node, string source)
    {
        var typeName = node.TryGetProperty("type", out var typeElement) ? typeElement.GetString() : null;
        VssEntryType entryType = typeName switch
        {
            "sensor" => VssEntryType.Sensor,
            "actuator" => VssEntryType.Actuator,
            "attribute" => VssEntryType.Attribute,
            _ => throw new VssCatalogException(source, path, $"unknown type '{typeName}' (expected branch, sensor, actuator or attribute)"),
        };

        var dataTypeName = node.TryGetProperty("datatype", out var dataTypeElement) ? dataTypeElement.GetString() : null;
        if (dataTypeName is null || !VssDataTypes.TryParse(dataTypeName, out var dataType))
        {
            throw new VssCatalogException(source, path, $"unknown datatype '{dataTypeName}'");
        }

        var allowed = node.TryGetProperty("allowed", out var allowedElement)
            ? allowedElement.EnumerateArray().Select(element => ToValue(VssDataTypes.ElementType(dataType), element, source, path)).ToArray()
            : null;
        var defaultValue = node.TryGetProperty("default", out var defaultElement)
            ? ToValue(dataType, defaultElement, source, path)
            : null;

        return new VssEntry(id, path, entryType, dataType, Number(node, "min", source, path), Number(node, "max", source, path), allowed, defaultValue)
        {
            Description = Text(node, "description"),
            Comment = Text(node, "comment"),
            Deprecation = Text(node, "deprecation"),
            Unit = Text(node, "unit"),
        };
    }

    private static object ToValue(VssDataType type, JsonElement element, string source, string path)
    {
        if (VssDataTypes.IsArray(type))
        {
            if (element.ValueKind != JsonValueKind.Array)
            {
                throw new VssCatalogException(source, path, "expected an array value");
            }

            var elementType = VssDataTypes.ElementType(type);
            var items = element.EnumerateArray().Select(item => ToValue(elementType, item, source, path)).ToArray();
            return elementType switch
            {
                VssDataType.String => items.Cast<string>().ToArray(),
                VssDataType.Boolean => items.Cast<bool>().ToArray(),
                VssDataType.Float => items.Cast<float>().ToArray(),
                VssDataType.Double => items.Cast<double>().ToArray(),
                _ when VssDataTypes.IsSigned(elementType) => items.Cast<long>().ToArray(),
                _ => items.Cast<ulong>().ToArray(),
            };
        }

        return (type, element.ValueKind) switch
        {
            (VssDataType.String, JsonValueKind.String) => element.GetString()!,
            (VssDataType.Boolean, JsonValueKind.True or JsonValueKind.False) => element.GetBoolean(),
            (_, JsonValueKind.Number) when VssValues.FromNumber(type, element.GetDouble()) is { } number => number,
            _ => throw new VssCatalogException(source, path, $"value {element} does not fit datatype {VssDataTypes.Name(type)}"),
        };
    }

    private static double? Number(JsonElement node, string name, string source, string path)
    {
        if (!node.TryGetProperty(name, out var element))
        {
            return null;
        }

        return element.ValueKind == JsonValueKind.Number
            ? element.GetDouble()
            : throw new VssCatalogException(source, path, $"'{name}' must be a number");
    }

    private static string Text(JsonElement node, string name) =>
        node.TryGetProperty(name, out var element) && element.ValueKind == JsonValueKind.String ? element.GetString()! : "";
}
