using System.Buffers.Binary;
using System.Runtime.InteropServices;
using Cockpit.Can.Bus.Internal;
using Cockpit.Can.Frames;

namespace Cockpit.Can.Bus;

/// <summary>
/// A Linux SocketCAN bus over a raw <c>AF_CAN</c> socket (<c>can0</c>, <c>vcan0</c>, ...), with CAN FD frames
/// enabled. A background thread reads frames and hands them to the subscribers whose filters pass them.
/// </summary>
/// <remarks>
/// <see cref="System.Net.Sockets.Socket"/> knows <c>AddressFamily.ControllerAreaNetwork</c> but has no endpoint type
/// for <c>sockaddr_can</c>, so the socket is opened and bound through libc.
/// </remarks>
public sealed class SocketCanBus : ICanBus
{
    // The read timeout lets the receive thread notice disposal without closing the descriptor under it.
    private static readonly TimeSpan ReceivePoll = TimeSpan.FromMilliseconds(100);

    private readonly Lock _gate = new();
    private readonly int _fd;
    private readonly Thread _receiver;
    private (CanIdFilter Filter, Action<CanFrame> Handler)[] _subscriptions = [];
    private volatile bool _disposed;

    private SocketCanBus(string name, int fd)
    {
        Name = name;
        _fd = fd;
        _receiver = new Thread(ReceiveLoop) { IsBackground = true, Name = $"SocketCAN {name}" };
        _receiver.Start();
    }

    /// <inheritdoc />
    public string Name { get; }

    /// <summary>Whether <paramref name="interfaceName"/> exists and is a CAN interface (link type ARPHRD_CAN).</summary>
    /// <param name="interfaceName">The interface name, e.g. <c>vcan0</c>.</param>
    /// <returns><see langword="true"/> when a SocketCAN bus can be opened on it.</returns>
    public static bool IsCanInterface(string interfaceName)
    {
        var typeFile = Path.Combine("/sys/class/net", interfaceName, "type");
        return OperatingSystem.IsLinux() && File.Exists(typeFile) && File.ReadAllText(typeFile).Trim() == SocketCanNative.ArphrdCan;
    }

    /// <summary>Opens a raw CAN socket bound to <paramref name="interfaceName"/>.</summary>
    /// <param name="interfaceName">The interface name, e.g. <c>vcan0</c>.</param>
    /// <returns>The bus.</returns>
    /// <exception cref="PlatformNotSupportedException">Not running on Linux.</exception>
    /// <exception cref="IOException">The interface does not exist or the socket cannot be opened.</exception>
    public static unsafe SocketCanBus Open(string interfaceName)
    {
        ArgumentException.ThrowIfNullOrEmpty(interfaceName);
        if (!OperatingSystem.IsLinux())
        {
            throw new PlatformNotSupportedException("SocketCAN exists only on Linux.");
        }

        var index = SocketCanNative.IfNameToIndex(interfaceName);
        if (index == 0)
        {
            throw new IOException($"SocketCAN: no network interface named '{interfaceName}' (errno {Marshal.GetLastPInvokeError()}).");
        }

        var fd = SocketCanNative.Socket(SocketCanNative.AfCan, SocketCanNative.SockRaw, SocketCanNative.CanRaw);
        if (fd < 0)
        {
            throw new IOException($"SocketCAN: cannot open a raw CAN socket (errno {Marshal.GetLastPInvokeError()}); is the can-raw module loaded?");
        }

        try
        {
            var on = 1;
            if (SocketCanNative.SetSocketOption(fd, SocketCanNative.SolCanRaw, SocketCanNative.CanRawFdFrames, &on, sizeof(int)) != 0)
            {
                throw new IOException($"SocketCAN: '{interfaceName}' does not accept CAN FD frames (errno {Marshal.GetLastPInvokeError()}).");
            }

            var timeout = stackalloc long[2] { 0, (long)ReceivePoll.TotalMicroseconds };
            SocketCanNative.SetSocketOption(fd, SocketCanNative.SolSocket, SocketCanNative.SoRcvTimeo, timeout, 2 * sizeof(long));

            var address = stackalloc byte[SocketCanNative.SockaddrCanSize];
            new Span<byte>(address, SocketCanNative.SockaddrCanSize).Clear();
            *(ushort*)address = SocketCanNative.AfCan;
            *(int*)(address + 4) = (int)index;
            if (SocketCanNative.Bind(fd, address, SocketCanNative.SockaddrCanSize) != 0)
            {
                throw new IOException($"SocketCAN: cannot bind to '{interfaceName}' (errno {Marshal.GetLastPInvokeError()}).");
            }

            return new SocketCanBus(interfaceName, fd);
        }
        catch
        {
            SocketCanNative.Close(fd);
            throw;
        }
    }

    /// <inheritdoc />
    public unsafe ValueTask SendAsync(CanFrame frame, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        ObjectDisposedException.ThrowIf(_disposed, this);
        var size = frame.IsFd ? SocketCanNative.CanFdFrameSize : SocketCanNative.CanFrameSize;
        var buffer = stackalloc byte[SocketCanNative.CanFdFrameSize];
        var span = new Span<byte>(buffer, size);
        span.Clear();
        BinaryPrimitives.WriteUInt32LittleEndian(span, frame.Id | (frame.IsExtended ? SocketCanNative.EffFlag : 0));
        span[4] = (byte)frame.Length;
        if (frame.IsFd)
        {
            span[5] = (byte)(SocketCanNative.FdFdf | (frame.BitRateSwitch ? SocketCanNative.FdBrs : 0) | (frame.ErrorStateIndicator ? SocketCanNative.FdEsi : 0));
        }

        frame.Data.Span.CopyTo(span[8..]);
        if (SocketCanNative.Write(_fd, buffer, size) != size)
        {
            throw new IOException($"SocketCAN: sending {frame} on '{Name}' failed (errno {Marshal.GetLastPInvokeError()}).");
        }

        return ValueTask.CompletedTask;
    }

    /// <inheritdoc />
    public IDisposable Subscribe(CanIdFilter filter, Action<CanFrame> handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        var entry = (filter, handler);
        lock (_gate)
        {
            _subscriptions = [.. _subscriptions, entry];
        }

        return new Unsubscriber(() =>
        {
            lock (_gate)
            {
                _subscriptions = Array.FindAll(_subscriptions, s => s != entry);
            }
        });
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync()
    {
        if (!_disposed)
        {
            _disposed = true;
            _receiver.Join(ReceivePoll * 5);
            SocketCanNative.Close(_fd);
        }

        return ValueTask.CompletedTask;
    }

    private unsafe void ReceiveLoop()
    {
        var buffer = new byte[SocketCanNative.CanFdFrameSize];
        while (!_disposed)
        {
            nint read;
            fixed (byte* p = buffer)
            {
                read = SocketCanNative.Read(_fd, p, buffer.Length);
            }

            if (read < 0)
            {
                var errno = Marshal.GetLastPInvokeError();
                if (errno is SocketCanNative.EAgain or SocketCanNative.EIntr)
                {
                    continue;
                }

                return;
            }

            if (TryParse(buffer.AsSpan(0, (int)read), out var frame))
            {
                foreach (var (filter, handler) in Volatile.Read(ref _subscriptions))
                {
                    if (filter.Matches(frame))
                    {
                        handler(frame);
                    }
                }
            }
        }
    }

    private static bool TryParse(ReadOnlySpan<byte> raw, out CanFrame frame)
    {
        frame = default;
        if (raw.Length is not (SocketCanNative.CanFrameSize or SocketCanNative.CanFdFrameSize))
        {
            return false;
        }

        var canId = BinaryPrimitives.ReadUInt32LittleEndian(raw);
        if ((canId & (SocketCanNative.RtrFlag | SocketCanNative.ErrFlag)) != 0)
        {
            return false;
        }

        var isFd = raw.Length == SocketCanNative.CanFdFrameSize;
        var extended = (canId & SocketCanNative.EffFlag) != 0;
        var length = Math.Min(raw[4], (byte)(isFd ? 64 : 8));
        var flags = isFd ? raw[5] : (byte)0;
        frame = new CanFrame(canId & (extended ? CanFrame.MaxExtendedId : CanFrame.MaxStandardId), raw.Slice(8, length).ToArray(),
            extended, isFd, (flags & SocketCanNative.FdBrs) != 0, (flags & SocketCanNative.FdEsi) != 0);
        return true;
    }

    private sealed class Unsubscriber(Action dispose) : IDisposable
    {
        public void Dispose() => dispose();
    }
}
