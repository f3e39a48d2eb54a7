using Cockpit.Can.Frames;

namespace Cockpit.Can.Bus;

/// <summary>
/// A CAN bus: send frames, and receive the frames that pass an ID filter. Implemented in memory
/// (<see cref="VirtualCanBus"/>) and over Linux SocketCAN (<see cref="SocketCanBus"/>).
/// </summary>
public interface ICanBus : IAsyncDisposable
{
    /// <summary>The interface name used in logs, e.g. <c>vcan0</c>.</summary>
    string Name { get; }

    /// <summary>Sends a frame.</summary>
    /// <param name="frame">The frame.</param>
    /// <param name="cancellationToken">Cancels the send.</param>
    /// <returns>A task that completes when the frame has been handed to the bus.</returns>
    ValueTask SendAsync(CanFrame frame, CancellationToken cancellationToken = default);

    /// <summary>
    /// Calls <paramref name="handler"/> for every frame on the bus that passes <paramref name="filter"/>, until the
    /// returned handle is disposed. Handlers run on the bus's delivery thread and should return quickly.
    /// </summary>
    /// <param name="filter">Which frames to receive.</param>
    /// <param name="handler">Called once per received frame.</param>
    /// <returns>A handle that ends the subscription.</returns>
    IDisposable Subscribe(CanIdFilter filter, Action<CanFrame> handler);
}
