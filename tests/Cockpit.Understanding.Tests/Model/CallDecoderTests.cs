using Cockpit.Understanding.Catalog;
using Cockpit.Understanding.Model;
using Cockpit.Understanding.Text;

namespace Cockpit.Understanding.Tests.Model;

/// <summary>
/// The decoder on made-up model outputs: each listed piece of the utterance gets its intent tag (B on its first token),
/// slot tag and zones with certainty, every other token is outside.
/// </summary>
public class CallDecoderTests
{
    private static readonly LabelSet Labels = new(ActionCatalog.Default);
    private static readonly CallDecoder Decoder = new(ActionCatalog.Default, Labels);

    [Theory]
    // piece|intent|slot|zones; pieces are matched in order; "-" for none
    [InlineData("把主驾温度调到二十二度", "把主驾温度调到|climate.temperature.set|-|driver;二十二|climate.temperature.set|VALUE|driver;度|climate.temperature.set|-|driver", "climate.temperature.set(zones=driver, value=22)")]
    [InlineData("关闭天窗并打开空调", "关闭天窗|sunroof.close|-|-;打开空调|climate.ac.on|-|-", "sunroof.close() ; climate.ac.on()")]
    [InlineData("脚底下好冷", "脚底下好冷|climate.air_distribution.set=DOWN|-|mine", "climate.air_distribution.set(zones=mine, value=DOWN)")]
    [InlineData("车门都锁好了吗", "车门都锁好了吗|door.lock.query|-|-", "door.lock.query()")]
    [InlineData("how fast are we going", "how fast are we going|sensor.speed.query|-|-", "sensor.speed.query()")]
    [InlineData("what a lovely day", "", "")]
    [InlineData("turn the volume up to 10", "turn the volume up to|media.volume.up|-|-;10|media.volume.up|VALUE|-", "media.volume.set(value=10)")]
    [InlineData("volume up by 10", "volume up by|media.volume.up|-|-;10|media.volume.up|DELTA|-", "media.volume.up(delta=10)")]
    [InlineData("温度调到负二十度", "温度调到负|climate.temperature.set|-|-;二十|climate.temperature.set|VALUE|-;度|climate.temperature.set|-|-", "climate.temperature.set(value=-20)")]
    [InlineData("导航到首都机场", "导航到|screen.navigate.run|-|-;首都机场|screen.navigate.run|TEXT|-", "screen.navigate.run(place=\"首都机场\")")]
    // Only Latin words are grown to their ends: Chinese has no word boundary to find.
    [InlineData("导航到首都机场", "导航到首都|screen.navigate.run|-|-;机场|screen.navigate.run|TEXT|-", "screen.navigate.run(place=\"机场\")")]
    [InlineData("open the navigation app", "open the navigation app|screen.open_app.open=navigation|-|-", "screen.open_app.open(value=navigation)")]
    [InlineData("a bit higher", "a bit higher|_.up|-|-", "<context>.up()")]
    [InlineData("座椅加热开到二档", "座椅加热开到|seat.heating.set|-|-;二|seat.heating.set|LEVEL|-;档|seat.heating.set|-|-", "seat.heating.set(value=L2)")]
    // A level said as a word names a level of the function: the top one of the seat heater's three, of the fan's five.
    [InlineData("seat heater on high", "seat heater on|seat.heating.set|-|-;high|seat.heating.set|LEVEL|-", "seat.heating.set(value=L3)")]
    [InlineData("风量开低档", "风量开|climate.fan_speed.set|-|-;低档|climate.fan_speed.set|LEVEL|-", "climate.fan_speed.set(value=L1)")]
    [InlineData("open all the windows", "open all the windows|window.position.open|-|all+driver", "window.position.open(zones=all)")]
    [InlineData("the kids in the back are cold", "the kids in the back are cold|climate.temperature.up|-|rear", "climate.temperature.up(zones=rear)")]
    // A value the intent head left outside every call asks for nothing.
    [InlineData("fan to 60 please", "fan to|climate.fan_speed.set|-|-;60|-|VALUE|-", "climate.fan_speed.set()")]
    // Two calls of one intent, each with its zone.
    [InlineData("open the driver window and the passenger window", "open the driver window|window.position.open|-|driver;and the passenger window|+window.position.open|-|passenger", "window.position.open(zones=driver) ; window.position.open(zones=passenger)")]
    public void Decode_ModelOutputs_Calls(string text, string pieces, string expected)
    {
        var (calls, _) = Decode(text, pieces);

        Assert.Equal(expected, string.Join(" ; ", calls));
    }

    [Theory]
    // rule | text | pieces ("+" before an intent: a stray B- tag) | with the rule | without it
    [InlineData(DecoderRules.MergeRuns, "set the fan to 60 please", "set the fan|climate.fan_speed.set|-|-;to|+climate.fan_speed.set|-|-;60|climate.fan_speed.set|VALUE|-;please|climate.fan_speed.set|-|-", "climate.fan_speed.set(value=60)", "climate.fan_speed.set() ; climate.fan_speed.set(value=60)")]
    [InlineData(DecoderRules.WholeNumbers, "temperature 31 degrees", "temperature|climate.temperature.set|-|-;3|climate.temperature.set|VALUE|-;1 degrees|climate.temperature.set|-|-", "climate.temperature.set(value=31)", "climate.temperature.set(value=3)")]
    [InlineData(DecoderRules.WholeNumbers, "set the temperature to minus 20 degrees", "set the temperature to minus 2|climate.temperature.set|-|-;0 degrees|climate.temperature.set|VALUE|-", "climate.temperature.set(value=-20)", "climate.temperature.set(value=0)")]
    [InlineData(DecoderRules.RelativeToTarget, "turn the volume up to 10", "turn the volume up to|media.volume.up|-|-;10|media.volume.up|VALUE|-", "media.volume.set(value=10)", "media.volume.up(value=10)")]
    [InlineData(DecoderRules.WholeText, "take me to the Tesco on Station Road", "take me to|screen.navigate.run|-|-;the Tesco|screen.navigate.run|TEXT|-;on|screen.navigate.run|-|-;Station Road|screen.navigate.run|TEXT|-", "screen.navigate.run(place=\"the Tesco on Station Road\")", "screen.navigate.run(place=\"the Tesco\")")]
    [InlineData(DecoderRules.WholeWords, "call Mary-Jane", "call Mary-|screen.call.run|-|-;Jane|screen.call.run|TEXT|-", "screen.call.run(contact=\"Mary-Jane\")", "screen.call.run(contact=\"Jane\")")]
    [InlineData(DecoderRules.WholeWords, "take me to Buc-ee's", "take me to Buc-|screen.navigate.run|-|-;ee's|screen.navigate.run|TEXT|-", "screen.navigate.run(place=\"Buc-ee's\")", "screen.navigate.run(place=\"ee's\")")]
    public void Decode_EachRule_ChangesItsCase(DecoderRules rule, string text, string pieces, string with, string without)
    {
        Assert.Equal(with, string.Join(" ; ", Decode(text, pieces).Calls));
        Assert.Equal(without, string.Join(" ; ", Decode(text, pieces, DecoderRules.All & ~rule).Calls));
    }

    [Fact]
    public void Decode_NothingAsked_NoCallAndTheConfidenceThatNothingWas()
    {
        var (calls, confidence) = Decode("我今天好累", "");

        Assert.Empty(calls);
        Assert.True(confidence > 0.99f, $"{confidence}");
    }

    [Fact]
    public void Decode_ACallsConfidence_IsTheMeanProbabilityOfItsIntentTags()
    {
        var tokens = Tokens("打开空调", out var text);
        var intents = Outside(tokens.Count, Labels.IntentTags.Count);
        var tag = Labels.BeginTag("climate.ac.on");
        for (var i = 0; i < tokens.Count; i++)
        {
            var row = intents.AsSpan(i * Labels.IntentTags.Count, Labels.IntentTags.Count);
            row.Clear();
            row[i == 0 ? tag : tag + 1] = (float)Math.Log(0.6 * (Labels.IntentTags.Count - 1) / 0.4);
        }

        var (calls, confidence) = Decoder.Decode(text, tokens, intents, Outside(tokens.Count, Labels.SlotTags.Count), new float[tokens.Count * Labels.Zones.Count].Select(_ => -10f).ToArray());

        Assert.Equal("climate.ac.on()", Assert.Single(calls).ToString());
        Assert.InRange(confidence, 0.59f, 0.61f);
    }

    [Fact]
    public void LabelSet_IntentOf_OneSpellingPerEffect()
    {
        Assert.Equal("climate.ac.on", Labels.IntentOf("climate.ac", "open", null));
        Assert.Equal("window.position.open", Labels.IntentOf("window.position", "max", null));
        Assert.Equal("display.mode.set=NIGHT", Labels.IntentOf("display.mode", "on", "NIGHT"));
        Assert.Equal("screen.open_app.open=media", Labels.IntentOf("screen.open_app", "set", "media"));
        Assert.Equal("sensor.speed.query", Labels.IntentOf("sensor.speed", "query", null));
        Assert.Equal("_.up", Labels.IntentOf(null, "up", null));
        Assert.Null(Labels.IntentOf("mirrors.fold", "off", null));
        Assert.Null(Labels.IntentOf("no.such", "on", null));
    }

    private static (IReadOnlyList<ActionCall> Calls, float Confidence) Decode(string text, string pieces, DecoderRules rules = DecoderRules.All)
    {
        var tokens = Tokens(text, out _);
        var intents = Outside(tokens.Count, Labels.IntentTags.Count);
        var slots = Outside(tokens.Count, Labels.SlotTags.Count);
        var zones = Enumerable.Repeat(-10f, tokens.Count * Labels.Zones.Count).ToArray();
        var from = 0;
        string? previousIntent = null;
        foreach (var piece in pieces.Split(';', StringSplitOptions.RemoveEmptyEntries).Select(p => p.Split('|')))
        {
            var start = text.IndexOf(piece[0], from, StringComparison.Ordinal);
            from = start + piece[0].Length;
            var inPiece = tokens.Select((token, index) => (token, index)).Where(x => x.token.Start >= start && x.token.Start < from).Select(x => x.index).ToList();
            var stray = piece[1].StartsWith('+');
            var intent = piece[1].TrimStart('+');
            foreach (var i in inPiece)
            {
                if (intent != "-")
                {
                    var begin = Labels.BeginTag(intent);
                    Set(intents, i, Labels.IntentTags.Count, i == inPiece[0] && (intent != previousIntent || stray) ? begin : begin + 1);
                }

                if (piece[2] != "-")
                {
                    var begin = Labels.SlotBeginTag(piece[2]);
                    Set(slots, i, Labels.SlotTags.Count, i == inPiece[0] ? begin : begin + 1);
                }

                foreach (var zone in piece[3] == "-" ? [] : piece[3].Split('+'))
                {
                    zones[(i * Labels.Zones.Count) + Labels.Zones.ToList().IndexOf(zone)] = 10;
                }
            }

            previousIntent = intent == "-" ? previousIntent : intent;
        }

        return new CallDecoder(ActionCatalog.Default, Labels, rules).Decode(text, tokens, intents, slots, zones);
    }

    private static float[] Outside(int tokens, int classes)
    {
        var logits = new float[tokens * classes];
        for (var i = 0; i < tokens; i++)
        {
            logits[i * classes] = 20;
        }

        return logits;
    }

    private static void Set(float[] logits, int token, int classes, int tag)
    {
        var row = logits.AsSpan(token * classes, classes);
        row.Clear();
        row[tag] = 20;
    }

    private static IReadOnlyList<Token> Tokens(string text, out string same)
    {
        same = text;
        List<string> vocab = [Tokenizer.Pad, Tokenizer.Unknown, .. Enumerable.Range(0, 256).Select(b => Tokenizer.ByteToken((byte)b))];
        vocab.AddRange(Tokenizer.PreTokenize(text).Select(p => p.Text).Distinct());
        return new Tokenizer(vocab).Encode(text);
    }
}
