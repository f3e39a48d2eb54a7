// Cockpit runs on Linux head units; these tests use Unix sockets, file modes and systemd tools.
[assembly: System.Runtime.Versioning.SupportedOSPlatform("linux")]
