using System.Reflection;
using System.Text;
using System.Text.Json;

namespace Cockpit.Vehicle.Can;

/// <summary>
/// Reads VSS↔DBC mapping files in the shape of kuksa-can-provider's <c>vss_dbc.json</c>: either a VSS tree (branches
/// with <c>children</c>) or flat dotted paths, where each leaf holds <c>dbc2vss</c> and/or <c>vss2dbc</c>.
/// </summary>
internal static class VssDbcMappingReader
{
    /// <summary>The name of the simulated car's own mapping, embedded in the assembly.</summary>
    public const string EmbeddedName = "cockpit-car.vss_dbc.json";

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: true, throwOnInvalidBytes: true);

    /// <summary>Reads the embedded mapping of the simulated car.</summary>
    public static VssDbcMapping ReadEmbedded()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("Cockpit.Vehicle.Can." + EmbeddedName)
            ?? throw new InvalidOperationException($"{EmbeddedName} is not embedded");
        return Read(stream, EmbeddedName);
    }

    /// <summary>Reads a mapping file.</summary>
    public static VssDbcMapping ReadFile(string path)
    {
        using var stream = File.OpenRead(path);
        return Read(stream, Path.GetFileName(path));
    }

    /// <summary>Reads a mapping from a stream.</summary>
    /// <exception cref="VssDbcMappingException">The JSON does not follow the format.</exception>
    public static VssDbcMapping Read(Stream json, string source)
    {
        // JsonDocument checks UTF-8 only when a string is read, which would surface as InvalidOperationException deep in
        // the walk; so the whole file is checked once here.
        string text;
        try
        {
            using var buffer = new MemoryStream();
            json.CopyTo(buffer);
            var bytes = buffer.GetBuffer().AsSpan(0, (int)buffer.Length);
            text = StrictUtf8.GetString(bytes.StartsWith(StrictUtf8.Preamble) ? bytes[StrictUtf8.Preamble.Length..] : bytes);
        }
        catch (DecoderFallbackException error)
        {
            throw new VssDbcMappingException($"{source}: not UTF-8 ({error.Message})");
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(text, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException error)
        {
            throw new VssDbcMappingException($"{source}: not JSON ({error.Message})");
        }

        using (document)
        {
            var paths = new Dictionary<string, (MappingRule?, MappingRule?)>(StringComparer.Ordinal);
            Walk(document.RootElement, null, paths, source);
            return new VssDbcMapping(source, paths);
        }
    }

    private static void Walk(JsonElement node, string? prefix, Dictionary<string, (MappingRule?, MappingRule?)> paths, string source)
    {
        if (node.ValueKind != JsonValueKind.Object)
        {
            throw new VssDbcMappingException($"{source}: {prefix ?? "the root"}: expected an object");
        }

        var hasDbc2Vss = node.TryGetProperty("dbc2vss", out var dbc2vss);
        var hasVss2Dbc = node.TryGetProperty("vss2dbc", out var vss2dbc);
        if (hasDbc2Vss || hasVss2Dbc)
        {
            var path = prefix ?? throw new VssDbcMappingException($"{source}: the root cannot be a signal");
            paths[path] = (
                hasDbc2Vss ? Rule(dbc2vss, path, "dbc2vss", source) : null,
                hasVss2Dbc ? Rule(vss2dbc, path, "vss2dbc", source) : null);
            return;
        }

        var children = node.TryGetProperty("children", out var nested) ? nested : node;
        foreach (var child in children.EnumerateObject())
        {
            if (child.Value.ValueKind != JsonValueKind.Object)
            {
                continue; // VSS metadata such as "type" or "description" beside the mapping
            }

            Walk(child.Value, prefix is null ? child.Name : $"{prefix}.{child.Name}", paths, source);
        }
    }

    private static MappingRule Rule(JsonElement rule, string path, string direction, string source)
    {
        string Where() => $"{source}: {path}: {direction}";
        if (rule.ValueKind != JsonValueKind.Object)
        {
            throw new VssDbcMappingException($"{Where()}: expected an object");
        }

        if (!rule.TryGetProperty("signal", out var signal) || signal.ValueKind != JsonValueKind.String || signal.GetString() is not { Length: > 0 } name)
        {
            throw new VssDbcMappingException($"{Where()}: expected \"signal\": the DBC signal name");
        }

        var interval = TimeSpan.Zero;
        if (rule.TryGetProperty("interval_ms", out var ms))
        {
            if (ms.ValueKind != JsonValueKind.Number || !ms.TryGetDouble(out var value) || value < 0)
            {
                throw new VssDbcMappingException($"{Where()}: expected \"interval_ms\" to be a number of milliseconds ≥ 0");
            }

            interval = TimeSpan.FromMilliseconds(value);
        }

        var onChange = true;
        if (rule.TryGetProperty("on_change", out var change))
        {
            onChange = change.ValueKind switch
            {
                JsonValueKind.True => true,
                JsonValueKind.False => false,
                _ => throw new VssDbcMappingException($"{Where()}: expected \"on_change\" to be true or false"),
            };
        }

        var transform = rule.TryGetProperty("transform", out var t) ? Transform(t, Where()) : ValueTransform.None;
        return new MappingRule(name, transform, interval, onChange);
    }

    private static ValueTransform Transform(JsonElement transform, string where)
    {
        if (transform.ValueKind == JsonValueKind.Object && transform.TryGetProperty("math", out var math))
        {
            try
            {
                return ValueTransform.Math(MathExpression.Parse(math.GetString() ?? ""));
            }
            catch (Exception error) when (error is FormatException or InvalidOperationException)
            {
                throw new VssDbcMappingException($"{where}: transform math: {error.Message}");
            }
        }

        if (transform.ValueKind == JsonValueKind.Object && transform.TryGetProperty("mapping", out var mapping) && mapping.ValueKind == JsonValueKind.Array)
        {
            var pairs = new List<(object, object)>();
            foreach (var row in mapping.EnumerateArray())
            {
                if (row.ValueKind != JsonValueKind.Object || !row.TryGetProperty("from", out var from) || !row.TryGetProperty("to", out var to))
                {
                    throw new VssDbcMappingException($"{where}: transform mapping: expected rows {{\"from\": …, \"to\": …}}");
                }

                pairs.Add((Scalar(from, where), Scalar(to, where)));
            }

            return ValueTransform.Mapping(pairs);
        }

        throw new VssDbcMappingException($"{where}: expected \"transform\" to hold \"math\" (a string) or \"mapping\" (an array)");
    }

    private static object Scalar(JsonElement value, string where) => value.ValueKind switch
    {
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        JsonValueKind.Number when value.TryGetDouble(out var number) => number,
        JsonValueKind.String => value.GetString()!,
        _ => throw new VssDbcMappingException($"{where}: transform mapping: from and to are numbers, strings or booleans"),
    };
}
