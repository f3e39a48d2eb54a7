using System.Text;
using Cockpit.Testing;
using Cockpit.Vehicle.Vss;

namespace Cockpit.Vehicle.Tests.Vss;

public sealed class VssCatalogReaderTests
{
    [Fact]
    public void ReadEmbedded_SimulatedCar_HasEverySignalTheOccupantCanAskFor()
    {
        var catalog = VssCatalogReader.ReadEmbedded();

        Assert.Equal(86, catalog.Count);
        var temperature = catalog.Get("Vehicle.Cabin.HVAC.Station.Row1.Driver.Temperature");
        Assert.Equal((VssEntryType.Actuator, VssDataType.Float, 16.0, 32.0), (temperature.EntryType, temperature.DataType, temperature.Min, temperature.Max));
        Assert.Equal(VssEntryType.Sensor, catalog.Get("Vehicle.Cabin.Sunroof.Position").EntryType);
        Assert.Contains("RAIN_SENSOR", catalog.Get("Vehicle.Body.Windshield.Front.Wiping.Mode").Allowed!);
        Assert.Equal(Enumerable.Range(1, catalog.Count), catalog.Entries.Select(entry => entry.Id));
    }

    [Fact]
    public void ReadFile_FullVss60Release_LoadsEveryLeaf()
    {
        var path = SharedFiles.Find("vss/vss_release_6.0.json");

        var catalog = VssCatalogReader.ReadFile(path);

        Assert.Equal(643 + 490 + 130, catalog.Count);
        Assert.Equal(VssDataType.StringArray, catalog.Entries.First(entry => entry.DataType == VssDataType.StringArray).DataType);
        Assert.True(catalog.TryGet("Vehicle.Cabin.Sunroof.Switch", out var sunroof));
        Assert.Equal(7, sunroof.Allowed!.Count);
    }

    [Theory]
    [InlineData("""{"Vehicle":{"type":"branch","children":{"Speed":{"type":"sensor","datatype":"float8"}}}}""", "Vehicle.Speed: unknown datatype 'float8'")]
    [InlineData("""{"Vehicle":{"type":"branch","children":{"Speed":{"type":"signal","datatype":"float"}}}}""", "Vehicle.Speed: unknown type 'signal' (expected branch, sensor, actuator or attribute)")]
    [InlineData("""{"Vehicle":{"type":"branch","children":{"Speed":{"type":"sensor","datatype":"float","min":"low"}}}}""", "Vehicle.Speed: 'min' must be a number")]
    [InlineData("""{"Vehicle":{"type":"branch","children":{"Gear":{"type":"sensor","datatype":"uint8","default":-1}}}}""", "Vehicle.Gear: value -1 does not fit datatype uint8")]
    public void Read_MalformedCatalog_ErrorNamesSourcePathAndReason(string json, string expected)
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(json));

        var error = Assert.Throws<VssCatalogException>(() => VssCatalogReader.Read(stream, "broken.json"));

        Assert.Equal($"broken.json: {expected}", error.Message);
    }
}
