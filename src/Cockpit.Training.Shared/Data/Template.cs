namespace Cockpit.Training.Data;

/// <summary>
/// A phrasing frame. Slots: <c>{fn}</c> function, <c>{zone}</c> zone (pre-nominal), <c>{zpost}</c> zone (post-nominal, en),
/// <c>{op}</c> operation, <c>{ops}</c> operation suffix (en), <c>{val}</c> value, <c>{unit}</c>, <c>{lvl}</c> level,
/// <c>{delta}</c> relative amount, <c>{enum}</c>, <c>{txt}</c>; <c>[text|CLASS]</c> is literal text carrying a span class.
/// </summary>
internal sealed record Template(string Id, string Lang, string Frame, string Pattern, string[]? Ops = null)
{
    public bool Allows(string op) => Ops is null || Ops.Contains(op);
}
