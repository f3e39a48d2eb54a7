using Cockpit.ServiceDefaults;
using Cockpit.ServiceDefaults.Grpc;
using Cockpit.ServiceDefaults.Logging;
using Cockpit.Vehicle;
using Serilog;

// The vehicle service alone: the simulated car behind kuksa.val.v2 on 127.0.0.1:55555 (and Vehicle:UnixSocketPath).
// Under systemd (deploy/systemd/cockpit-vehicle.service) it reports ready and feeds the watchdog; elsewhere that is a no-op.
var builder = WebApplication.CreateBuilder(args);
builder.Services.AddSerilog((services, logging) => logging
    .ReadFrom.Configuration(builder.Configuration)
    .Enrich.FromLogContext()
    .WriteTo.CockpitConsole()
    .WriteTo.CockpitFile(builder.Configuration, "vehicle"));
builder.Services.AddCockpitSystemd();
builder.Services.AddCockpitVehicle(builder.Configuration.GetSection(VehicleOptions.SectionName));
builder.WebHost.ConfigureKestrel(kestrel => kestrel.ListenForCockpitVehicle());

var app = builder.Build();
app.UseMalformedRequestStatus();
app.MapCockpitVehicle();
app.Run();
