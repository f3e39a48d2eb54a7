using Cockpit.Gui;
using Serilog;

// The simulated head unit alone: gRPC cockpit.hmi.v1 and the watch page (/hmi/) on 127.0.0.1:55556.
var builder = WebApplication.CreateBuilder(args);
builder.Services.AddSerilog((services, logging) => logging
    .ReadFrom.Configuration(builder.Configuration)
    .Enrich.FromLogContext()
    .WriteTo.Console());
builder.Services.AddCockpitGui(builder.Configuration.GetSection(GuiOptions.SectionName));
builder.WebHost.ConfigureKestrel(kestrel => kestrel.ListenForCockpitGui());

var app = builder.Build();
app.MapGet("/", () => Results.Redirect("/hmi/"));
app.MapCockpitGui();
app.Run();
