using Cockpit.Vehicle.Can;
using Cockpit.Vehicle.Vss;

namespace Cockpit.Vehicle.Tests.Can;

public sealed class CarDatabaseTests
{
    private static readonly VssCatalog Catalog = VssCatalogReader.ReadEmbedded();
    private static readonly CarNetwork Network = CarNetwork.Load(Catalog);

    [Fact]
    public void Load_EmbeddedCar_EverySignalButTheMediaUriIsOnTheBus()
    {
        var offBus = Catalog.Entries.Where(entry => !Network.IsOnBus(entry)).Select(entry => entry.Path);

        Assert.Equal(86, Catalog.Count);
        Assert.Equal(["Vehicle.Cabin.Infotainment.Media.SelectedURI"], offBus);
        Assert.Empty(Network.Codec.Database.Warnings);
    }

    [Fact]
    public void Load_EmbeddedCar_EveryActuatorOnTheBusHasACommandSignalToItsOwnEcu()
    {
        var actuators = Catalog.Entries.Where(entry => entry.IsActuator && Network.IsOnBus(entry)).ToList();

        Assert.All(actuators, entry =>
        {
            var command = Network.Commands[entry];
            Assert.Equal("HU", command.Message.Message.Sender);
            Assert.Equal(Network.Status[entry].Ecu, command.Ecu);
            Assert.Contains(command.Ecu, command.Signal.Signal.Receivers);
        });
    }

    [Fact]
    public void Load_EmbeddedCar_StatusMessagesAreCyclicOrEvents()
    {
        var status = Network.Codec.Database.Messages.Where(message => message.Sender != "HU").ToList();

        Assert.All(status.Where(message => message.Name.Contains("_Status", StringComparison.Ordinal)), message => Assert.NotNull(message.CycleTime));
        Assert.Equal(["ROOF_Event", "IVI_Event"], status.Where(message => message.CycleTime is null).Select(message => message.Name));
        Assert.Equal(["HVAC", "SCU", "DCU", "BCM", "ILM", "ROOF", "IVI", "NAV", "VCU"], Network.Ecus);
    }

    [Fact]
    public void Load_EmbeddedCar_EveryMessageIsProtectedByCounterAndCrc()
    {
        Assert.All(Network.Codec.Database.Messages, message =>
        {
            Assert.Contains(message.Signals, signal => signal.Name == "Counter");
            Assert.Contains(message.Signals, signal => signal.Name == "Crc");
        });
    }
}
