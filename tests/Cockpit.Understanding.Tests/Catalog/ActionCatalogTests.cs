using System.Text.Json;
using Cockpit.Understanding.Catalog;

namespace Cockpit.Understanding.Tests.Catalog;

public class ActionCatalogTests
{
    private static readonly Dictionary<string, JsonElement> Vss = LoadVss();

    [Theory]
    [InlineData("lights.low_beam", "close", "off")]
    [InlineData("lights.low_beam", "on", "on")]
    [InlineData("window.position", "max", "open")]
    [InlineData("media.playback", "off", "pause")]
    [InlineData("seat.heating", "max", "max")]
    public void CanonicalOperation_SameLiteral_FirstSpelling(string function, string op, string expected)
    {
        Assert.Equal(expected, ActionCatalog.Default.FindFunction(function)!.CanonicalOperation(op));
    }

    [Fact]
    public void Default_Loads_WithFunctionsZonesAndOperations()
    {
        var catalog = ActionCatalog.Default;

        Assert.NotEmpty(catalog.Functions);
        Assert.Equal(8, catalog.Zones.Count);
        Assert.Equal(64, catalog.Sha256.Length);
        Assert.NotNull(catalog.FindFunction("climate.temperature"));
    }

    [Fact]
    public void AllPaths_ExistInVehicleCatalog_AsActuators()
    {
        var missing = ActionCatalog.Default.AllPaths().Where(p => !Vss.TryGetValue(p, out var e) || e.GetProperty("type").GetString() != "actuator").ToList();

        Assert.Empty(missing);
    }

    [Fact]
    public void Functions_ValuesAgreeWithVssMetadata()
    {
        var catalog = ActionCatalog.Default;
        var problems = new List<string>();

        foreach (var f in catalog.Functions.Where(f => !f.IsScreenTask))
        {
            var paths = f.Zoning is null ? [catalog.PathFor(f, null)] : f.Zoning.Seats.Select(s => catalog.PathFor(f, s)).ToList();
            foreach (var path in paths)
            {
                var e = Vss[path];
                var datatype = e.GetProperty("datatype").GetString();
                var allowed = e.TryGetProperty("allowed", out var a) ? a.EnumerateArray().Select(x => x.GetString()).ToHashSet() : null;
                var min = e.TryGetProperty("min", out var mn) ? mn.GetDouble() : double.NegativeInfinity;
                var max = e.TryGetProperty("max", out var mx) ? mx.GetDouble() : double.PositiveInfinity;
                switch (f.Value.Type)
                {
                    case CatalogValueType.Bool when datatype != "boolean":
                        problems.Add($"{path}: bool function on {datatype}");
                        break;
                    case CatalogValueType.Number when f.Value.Min < min || f.Value.Max > max:
                        problems.Add($"{path}: range {f.Value.Min}..{f.Value.Max} outside {min}..{max}");
                        break;
                    case CatalogValueType.Level when f.Value.Levels.Any(l => l * f.Value.Sign < min || l * f.Value.Sign > max):
                        problems.Add($"{path}: levels outside {min}..{max}");
                        break;
                    case CatalogValueType.Enum or CatalogValueType.Command:
                        var values = f.Value.Values.Select(v => v.Value).Concat(f.Ops.Keys.Select(f.Literal).OfType<string>());
                        problems.AddRange(values.Where(v => allowed is null || !allowed.Contains(v)).Select(v => $"{path}: {v} not allowed"));
                        break;
                }
            }
        }

        Assert.Empty(problems);
    }

    [Fact]
    public void Temperature_RangeIs16To32InHalfSteps()
    {
        var t = ActionCatalog.Default.FindFunction("climate.temperature")!;

        Assert.Equal((16d, 32d, 0.5), (t.Value.Min, t.Value.Max, t.Value.Step));
    }

    [Theory]
    [InlineData("window.position", "up", "lower", true)]
    [InlineData("window.position", "up", "raise", false)]
    [InlineData("window.position", "down", "raise", true)]
    [InlineData("window.position", "down", "lower", false)]
    [InlineData("window.position", "min", "all the way up", true)]
    [InlineData("climate.temperature", "down", "lower", true)]
    [InlineData("climate.temperature", "up", "raise", true)]
    public void PhrasesOf_FunctionsOwnWordsReplaceTheOperations(string function, string op, string phrase, bool says)
    {
        var catalog = ActionCatalog.Default;

        Assert.Equal(says, catalog.FindFunction(function)!.PhrasesOf(catalog.FindOperation(op)!).Contains(phrase));
    }

    [Fact]
    public void Load_PhrasesForAnOperationNotAccepted_ThrowsCatalogException()
    {
        using var stream = new MemoryStream("""
            { "version": "1", "seats": {}, "zones": [], "ops": [{ "id": "on", "rank": 1 }, { "id": "up", "rank": 3 }],
              "functions": [{ "id": "screen.x", "kind": "screen", "ops": { "on": null }, "phrases": { "up": { "en": ["raise"] } } }] }
            """u8.ToArray());

        var error = Assert.Throws<CatalogException>(() => ActionCatalog.Load(stream));
        Assert.Contains("screen.x gives phrases for up", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_MalformedJson_ThrowsCatalogException()
    {
        using var stream = new MemoryStream("{ not json"u8.ToArray());

        Assert.Throws<CatalogException>(() => ActionCatalog.Load(stream));
    }

    private static Dictionary<string, JsonElement> LoadVss()
    {
        var result = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        using var doc = JsonDocument.Parse(File.ReadAllBytes(RepoPaths.VssCatalog));
        void Walk(JsonElement node, string prefix)
        {
            foreach (var p in node.EnumerateObject())
            {
                var path = prefix.Length == 0 ? p.Name : prefix + "." + p.Name;
                if (p.Value.TryGetProperty("type", out var type) && type.GetString() == "branch")
                {
                    Walk(p.Value.GetProperty("children"), path);
                }
                else
                {
                    result[path] = p.Value.Clone();
                }
            }
        }

        Walk(doc.RootElement, "");
        return result;
    }
}
