using Cockpit.Agent.Hosting;

// Cockpit: with no verb, the embedded default (simulated car + agent on loopback); see `--help` for say, eval, serve.
return await CockpitCommandLine.Build().Parse(args).InvokeAsync();
