using Cockpit.Agent.HeadUnit;

// The head-unit agent: cockpit.agent.v1 against the car at Agent:VehicleAddress and the HMI at Agent:HmiAddress.
await HeadUnitAgent.Build(args).RunAsync();
