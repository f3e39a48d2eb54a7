namespace Cockpit.ServiceDefaults.Tests.Deployment;

/// <summary>The units in deploy/systemd: what every Cockpit service must have, and how they depend on each other.</summary>
public sealed class SystemdUnitTests
{
    /// <summary>Directives every service has with exactly this value (deploy/README.md explains each).</summary>
    public static TheoryData<string, string, string> RequiredDirectives()
    {
        (string Key, string Value)[] directives =
        [
            ("Type", "notify"),
            ("Restart", "on-failure"),
            ("User", "cockpit"),
            ("Group", "cockpit"),
            ("UMask", "0007"),
            ("WorkingDirectory", "/opt/cockpit"),
            ("Environment", "DOTNET_ENVIRONMENT=headunit"),
            ("EnvironmentFile", "-/etc/cockpit/cockpit.env"),
            ("NoNewPrivileges", "yes"),
            ("ProtectSystem", "strict"),
            ("ProtectHome", "yes"),
            ("PrivateTmp", "yes"),
            ("CapabilityBoundingSet", ""),
            ("AmbientCapabilities", ""),
            ("RuntimeDirectory", "cockpit"),
            ("RuntimeDirectoryPreserve", "yes"),
            ("StateDirectory", "cockpit"),
            ("LogsDirectory", "cockpit"),
            ("ConfigurationDirectory", "cockpit"),
            ("ConfigurationDirectoryMode", "0750"),
            ("SystemCallArchitectures", "native"),
            ("SystemCallErrorNumber", "EPERM"),
            ("MemoryDenyWriteExecute", "no"),
            ("IPAddressDeny", "any"),
            ("IPAddressAllow", "localhost"),
        ];
        var rows = new TheoryData<string, string, string>();
        foreach (var unit in SystemdUnitFile.ServiceNames)
        {
            foreach (var (key, value) in directives)
            {
                rows.Add(unit, key, value);
            }
        }

        return rows;
    }

    public static TheoryData<string> Services() => [.. SystemdUnitFile.ServiceNames];

    [Theory]
    [MemberData(nameof(RequiredDirectives))]
    public void Service_RequiredDirective_HasItsValue(string unit, string key, string value)
    {
        var file = SystemdUnitFile.Read(unit);

        Assert.Equal(value, file.Single("Service", key));
    }

    [Theory]
    [MemberData(nameof(Services))]
    public void Service_Watchdog_ArmedWithinTheStartTimeout(string unit)
    {
        var file = SystemdUnitFile.Read(unit);

        var watchdog = file.Duration("Service", "WatchdogSec");

        // SystemdWatchdogService pings every WatchdogSec/2; a few seconds between pings keeps the cost negligible.
        Assert.InRange(watchdog, TimeSpan.FromSeconds(10), TimeSpan.FromMinutes(2));
        Assert.True(file.Duration("Service", "TimeoutStartSec") >= watchdog, "the start may take at least one watchdog interval");
        Assert.InRange(file.Duration("Service", "RestartSec"), TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(30));
        Assert.Equal("300", file.Single("Unit", "StartLimitIntervalSec"));
        Assert.Equal("5", file.Single("Unit", "StartLimitBurst"));
    }

    [Theory]
    [MemberData(nameof(Services))]
    public void Service_SystemCalls_SystemServiceSetWithoutPrivilegedOnes(string unit)
    {
        var file = SystemdUnitFile.Read(unit);

        Assert.Equal(["@system-service", "~@privileged"], file.All("Service", "SystemCallFilter"));
    }

    [Theory]
    [InlineData("cockpit-vehicle.service", "AF_UNIX AF_INET AF_INET6 AF_CAN")]
    [InlineData("cockpit-hmi.service", "AF_UNIX AF_INET AF_INET6")]
    [InlineData("cockpit-agent.service", "AF_UNIX AF_INET AF_INET6")]
    public void Service_AddressFamilies_CanOnlyForTheVehicle(string unit, string families)
    {
        var file = SystemdUnitFile.Read(unit);

        Assert.Equal(families.Split(' '), file.Items("Service", "RestrictAddressFamilies"));
    }

    [Theory]
    [InlineData("cockpit-vehicle.service", "PrivateDevices", "yes")]
    [InlineData("cockpit-hmi.service", "PrivateDevices", "yes")]
    [InlineData("cockpit-agent.service", "DevicePolicy", "closed")]
    [InlineData("cockpit-agent.service", "DeviceAllow", "char-alsa rw")]
    [InlineData("cockpit-agent.service", "SupplementaryGroups", "audio")]
    public void Service_Devices_OnlyTheAgentReachesTheSoundCard(string unit, string key, string value)
    {
        var file = SystemdUnitFile.Read(unit);

        Assert.Equal(value, file.Single("Service", key));
    }

    [Theory]
    [InlineData("cockpit-vehicle.service", "/opt/cockpit/Cockpit.Vehicle", "", "")]
    [InlineData("cockpit-hmi.service", "/opt/cockpit/Cockpit.Gui", "cockpit-vehicle.service", "cockpit-vehicle.service")]
    [InlineData("cockpit-agent.service", "/opt/cockpit/Cockpit.Agent.HeadUnit", "cockpit-vehicle.service cockpit-hmi.service", "cockpit-vehicle.service cockpit-hmi.service")]
    public void Service_StartAndOrder_AfterWhatItTalksTo(string unit, string execStart, string wants, string after)
    {
        var file = SystemdUnitFile.Read(unit);

        Assert.Equal(execStart, file.Single("Service", "ExecStart"));
        var binary = Path.GetFileName(execStart.Split(' ')[0]);
        Assert.True(File.Exists(Path.Combine(RepoPaths.Root, "src", binary, "Program.cs")), $"{binary} is no project with a Program.cs");
        Assert.Equal(wants.Split(' ', StringSplitOptions.RemoveEmptyEntries), file.Items("Unit", "Wants"));
        Assert.Equal(after.Split(' ', StringSplitOptions.RemoveEmptyEntries), file.Items("Unit", "After"));
        Assert.Equal("cockpit.target", file.Single("Unit", "PartOf"));
    }

    [Fact]
    public void Target_WantsEveryServiceAndStartsAtBoot()
    {
        var file = SystemdUnitFile.Read("cockpit.target");

        Assert.Equal(SystemdUnitFile.ServiceNames, file.Items("Unit", "Wants"));
        Assert.Equal("multi-user.target", file.Single("Install", "WantedBy"));
    }

    [SystemdAnalyzeFact]
    public void Units_SystemdAnalyzeVerify_NoComplaints()
    {
        // verify also checks that ExecStart= is executable, so the units are checked against stand-ins for the binaries.
        var root = Directory.CreateTempSubdirectory("cockpit-units-").FullName;
        foreach (var binary in new[] { "Cockpit.Vehicle", "Cockpit.Gui", "Cockpit.Agent.HeadUnit" })
        {
            File.WriteAllText(Path.Combine(root, binary), "#!/bin/sh\n");
            File.SetUnixFileMode(Path.Combine(root, binary), UnixFileMode.UserRead | UnixFileMode.UserExecute);
        }

        var units = new List<string>();
        foreach (var unit in SystemdUnitFile.ServiceNames.Append("cockpit.target"))
        {
            var copy = Path.Combine(root, unit);
            File.WriteAllText(copy, File.ReadAllText(Path.Combine(RepoPaths.Deploy, "systemd", unit)).Replace("ExecStart=/opt/cockpit/", $"ExecStart={root}/", StringComparison.Ordinal));
            units.Add(copy);
        }

        var (exitCode, output) = SystemdAnalyzeFactAttribute.Run(["verify", "--man=no", .. units]);

        Directory.Delete(root, recursive: true);
        Assert.Equal("", output);
        Assert.Equal(0, exitCode);
    }
}
