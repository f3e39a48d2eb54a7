using Cockpit.Can.Bus;

namespace Cockpit.Vehicle.Tests.Can;

/// <summary>A fact that runs only where the SocketCAN interface <c>vcan0</c> exists; elsewhere it is skipped with the reason.</summary>
public sealed class VcanFactAttribute : FactAttribute
{
    public const string InterfaceName = "vcan0";

    public VcanFactAttribute()
    {
        if (!SocketCanBus.IsCanInterface(InterfaceName))
        {
            Skip = $"No SocketCAN interface '{InterfaceName}' here; create one with " +
                   $"'sudo modprobe vcan && sudo ip link add dev {InterfaceName} type vcan && sudo ip link set up {InterfaceName}'.";
        }
    }
}
