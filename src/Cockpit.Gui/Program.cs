using Cockpit.Gui;
using Cockpit.ServiceDefaults;
using Cockpit.ServiceDefaults.Grpc;
using Cockpit.ServiceDefaults.Logging;
using Serilog;

// The simulated head unit alone: gRPC cockpit.hmi.v1 and the watch page (/hmi/) on 127.0.0.1:55556 (and Gui:UnixSocketPath).
// Under systemd (deploy/systemd/cockpit-hmi.service) it reports ready and feeds the watchdog; elsewhere that is a no-op.
var builder = WebApplication.CreateBuilder(args);
builder.Services.AddSerilog((services, logging) => logging
    .ReadFrom.Configuration(builder.Configuration)
    .Enrich.FromLogContext()
    .WriteTo.CockpitConsole()
    .WriteTo.CockpitFile(builder.Configuration, "hmi"));
builder.Services.AddCockpitSystemd();
builder.Services.AddCockpitGui(builder.Configuration.GetSection(GuiOptions.SectionName));
builder.WebHost.ConfigureKestrel(kestrel => kestrel.ListenForCockpitGui());

var app = builder.Build();
app.UseMalformedRequestStatus();
app.MapGet("/", () => Results.Redirect("/hmi/"));
app.MapCockpitGui();
app.Run();
