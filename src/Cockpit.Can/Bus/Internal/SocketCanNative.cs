using System.Runtime.InteropServices;

namespace Cockpit.Can.Bus.Internal;

/// <summary>The libc calls and Linux constants a raw AF_CAN socket needs (linux/can.h, linux/can/raw.h).</summary>
internal static partial class SocketCanNative
{
    public const int AfCan = 29;
    public const int SockRaw = 3;
    public const int CanRaw = 1;
    public const int SolSocket = 1;
    public const int SoRcvTimeo = 20;
    public const int SolCanRaw = 101;
    public const int CanRawFdFrames = 5;
    public const int SockaddrCanSize = 24;
    public const int CanFrameSize = 16;
    public const int CanFdFrameSize = 72;
    public const uint EffFlag = 0x8000_0000;
    public const uint RtrFlag = 0x4000_0000;
    public const uint ErrFlag = 0x2000_0000;
    public const byte FdBrs = 0x01;
    public const byte FdEsi = 0x02;
    public const byte FdFdf = 0x04;
    public const int EIntr = 4;
    public const int EAgain = 11;

    /// <summary>ARPHRD_CAN, the link type in /sys/class/net/&lt;name&gt;/type for CAN and vcan interfaces.</summary>
    public const string ArphrdCan = "280";

    [LibraryImport("libc", EntryPoint = "socket", SetLastError = true)]
    public static partial int Socket(int domain, int type, int protocol);

    [LibraryImport("libc", EntryPoint = "if_nametoindex", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    public static partial uint IfNameToIndex(string name);

    [LibraryImport("libc", EntryPoint = "bind", SetLastError = true)]
    public static unsafe partial int Bind(int fd, byte* address, int length);

    [LibraryImport("libc", EntryPoint = "setsockopt", SetLastError = true)]
    public static unsafe partial int SetSocketOption(int fd, int level, int name, void* value, int length);

    [LibraryImport("libc", EntryPoint = "read", SetLastError = true)]
    public static unsafe partial nint Read(int fd, byte* buffer, nint count);

    [LibraryImport("libc", EntryPoint = "write", SetLastError = true)]
    public static unsafe partial nint Write(int fd, byte* buffer, nint count);

    [LibraryImport("libc", EntryPoint = "close", SetLastError = true)]
    public static partial int Close(int fd);
}
