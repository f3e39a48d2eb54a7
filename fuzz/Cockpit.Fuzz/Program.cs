using Cockpit.Fuzz;
using SharpFuzz;

// Usage: Cockpit.Fuzz <target>          run under afl-fuzz (fuzz/run.sh), reading inputs from AFL
//        Cockpit.Fuzz <target> <file>…  replay files in this process (reproduce a finding: it escapes as an unhandled exception)
if (args.Length == 0 || !FuzzTargets.Names.Contains(args[0]))
{
    Console.Error.WriteLine($"usage: Cockpit.Fuzz <{string.Join('|', FuzzTargets.Names)}> [file...]");
    return 2;
}

var target = args[0];
if (args.Length == 1)
{
    Fuzzer.OutOfProcess.Run(stream => FuzzTargets.Run(target, stream));
    return 0;
}

foreach (var file in args.Skip(1))
{
    using var input = File.OpenRead(file);
    FuzzTargets.Run(target, input);
    Console.WriteLine($"{file}: ok");
}

return 0;
