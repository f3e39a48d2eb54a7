using Cockpit.Can.Bus;

namespace Cockpit.Can.Tests.Bus;

/// <summary>
/// A fact that runs only where a SocketCAN vcan interface exists (<c>ip link add dev vcan0 type vcan</c>, which
/// needs root and the vcan module); elsewhere it is skipped with the reason.
/// </summary>
public sealed class VcanFactAttribute : FactAttribute
{
    public const string InterfaceName = "vcan0";

    public VcanFactAttribute()
    {
        if (!SocketCanBus.IsCanInterface(InterfaceName))
        {
            Skip = $"No SocketCAN interface '{InterfaceName}' on this machine; create one with " +
                   $"'sudo modprobe vcan && sudo ip link add dev {InterfaceName} type vcan && sudo ip link set up {InterfaceName}'.";
        }
    }
}
