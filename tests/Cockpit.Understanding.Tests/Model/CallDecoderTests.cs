using Cockpit.Understanding.Catalog;
using Cockpit.Understanding.Model;
using Cockpit.Understanding.Text;
using FsCheck.Xunit;

namespace Cockpit.Understanding.Tests.Model;

public class CallDecoderTests
{
    private static readonly TagSet Tags = new(ActionCatalog.Default);
    private static readonly CallDecoder Decoder = new(ActionCatalog.Default, Tags);
    private static readonly Tokenizer ShippedTokenizer = Tokenizer.FromFile(Path.Combine(RepoPaths.ShippedModel, "vocab.txt"));

    [Theory]
    [InlineData("把主驾温度调到二十二度", "主驾|ZONE:driver|1;温度|FN:climate.temperature|1;调到|OP:set|1;二十二|NUM|1", "climate.temperature.set(zones=driver, value=22)")]
    [InlineData("氛围灯换成蓝色", "氛围灯|FN:light.ambient|1;换成|OP:set|1;蓝色|ENUM:light.ambient_color=BLUE|1", "light.ambient_color.set(value=BLUE)")]
    [InlineData("关闭天窗并打开空调", "关闭|OP:off|1;天窗|FN:sunroof|1;打开|OP:on|2;空调|FN:climate.ac|2", "sunroof.close() ; climate.ac.on()")]
    [InlineData("a bit warmer", "warmer|OP:warmer|1", "climate.temperature.up()")]
    [InlineData("close it too", "close|OP:close|1", "<context>.off()")]
    [InlineData("next song", "next song|OP:next|1", "media.playback.next()")]
    [InlineData("open the navigation app", "open|OP:open|1;navigation|ENUM:screen.open_app=navigation|1", "screen.open_app.set(value=navigation)")]
    [InlineData("调到六十，六十五", "调到|OP:set|1;六十|NUM|1;六十五|NUM|1", "<context>.set(value=65)")]
    [InlineData("温度调高两度", "温度|FN:climate.temperature|1;调高|OP:up|1;两|DELTA|1", "climate.temperature.up(delta=2)")]
    [InlineData("call grandma", "call|FN:screen.call|1;andma|TXT:contact|1", "screen.call.run(contact=\"grandma\")")]
    [InlineData("turn on the fan and the AC", "turn on|OP:on|1;fan|FN:climate.fan_speed|1;AC|FN:climate.ac|2", "climate.fan_speed.on() ; climate.ac.on()")]
    [InlineData("turn the fan to max level 3", "turn|OP:max|1;fan|FN:climate.fan_speed|1;3|LEVEL|1", "climate.fan_speed.set(value=L3)")]
    [InlineData("座椅加热开到二档", "座椅加热|FN:seat.heating|1;开到|OP:on|1;二|LEVEL|1", "seat.heating.set(value=L2)")]
    [InlineData("volume up 10", "volume|FN:media.volume|1;up|OP:up|1;10|NUM|1", "media.volume.up(delta=10)")]
    [InlineData("turn the volume up to 10", "volume|FN:media.volume|1;up|OP:up|1;10|NUM|1", "media.volume.set(value=10)")]
    [InlineData("温度调高到二十四度", "温度|FN:climate.temperature|1;调高|OP:up|1;二十四|NUM|1", "climate.temperature.set(value=24)")]
    [InlineData("what a lovely day", "", "")]
    [InlineData("massager on please", "massager|FN:seat.massage|1", "seat.massage.on()")]
    [InlineData("fan down a notch and the AC on", "fan|FN:climate.fan_speed|1;AC|FN:climate.ac|2", "climate.fan_speed.down() ; climate.ac.on()")]
    [InlineData("shut the dipped beams", "shut|OP:close|1;dipped beams|FN:lights.low_beam|1", "lights.low_beam.off()")]
    [InlineData("stop the music", "stop|OP:off|1;music|FN:media.playback|1", "media.playback.pause()")]
    [InlineData("put navigation volume sixty-nine %", "navigation volume|FN:nav.volume|1;nine|NUM|1", "nav.volume.set(value=69)")]
    [InlineData("音乐音量调至八十七", "音乐音量|FN:media.volume|1;调至|OP:set|1;七|NUM|1", "media.volume.set(value=87)")]
    [InlineData("座椅加热开到最高", "座椅加热|FN:seat.heating|1;开到|OP:set|1", "seat.heating.max()")]
    [InlineData("跳到电话应用页面", "跳到|OP:open|1;电话|ENUM:screen.open_app=phone|1;页面|FN:screen.open_app|2", "screen.open_app.set(value=phone)")]
    [InlineData("温度设置", "温度|FN:climate.temperature|1;设置|OP:set|1", "")]
    [InlineData("Back!", "Back|ZONE:rear|1", "screen.back.run()")]
    [InlineData("turn the heated seat to 2", "heated seat|FN:seat.heating|1;2|DELTA|1", "seat.heating.set(value=L2)")]
    [InlineData("fan to 3", "fan|FN:climate.fan_speed|1;3|NUM|1", "climate.fan_speed.set(value=L3)")]
    [InlineData("fan to 3 %", "fan|FN:climate.fan_speed|1;3|NUM|1", "climate.fan_speed.set(value=3)")]
    [InlineData("massage to level 40", "massage|FN:seat.massage|1;40|LEVEL|1", "seat.massage.set(value=40)")]
    [InlineData("ambient lighting down and on", "ambient lighting|FN:light.ambient|1;down|OP:down|1;on|OP:on|1", "light.ambient.on()")]
    [InlineData("open the AC, turn on the air conditioning", "open|OP:on|1;AC|FN:climate.ac|1;turn on|OP:on|2;air conditioning|FN:climate.ac|2", "climate.ac.on()")]
    [InlineData("louder, crank it up", "louder|OP:louder|1;crank it up|OP:louder|2", "media.volume.up() ; media.volume.up()")]
    [InlineData("did you watch the game", "watch|OP:set|1;game|TXT:query|1", "")]
    [InlineData("the back one", "back|ZONE:rear|1", "")]
    [InlineData("um, so back", "back|ZONE:rear|1", "screen.back.run()")]
    [InlineData("would you back and also sunshade up", "back|ZONE:rear|1;sunshade|FN:sunroof.shade|2;up|OP:up|2", "screen.back.run() ; sunroof.shade.up()")]
    [InlineData("seat heating on, rear too", "seat heating|FN:seat.heating|1;on|OP:on|1;rear|ZONE:rear|2", "seat.heating.on()")]
    [InlineData("please go to pier 39", "go to|FN:screen.navigate|1;pier|TXT:place|1;39|NUM|1", "screen.navigate.run(place=\"pier 39\")")]
    [InlineData("navigate to 7 eleven", "navigate to|FN:screen.navigate|1;7|NUM|1;eleven|TXT:place|1", "screen.navigate.run(place=\"7 eleven\")")]
    [InlineData("音乐音量设置1", "音乐音量|FN:media.volume|1;设置|ENUM:screen.open_app=settings|1;1|NUM|1", "media.volume.set(value=1)")]
    [InlineData("设置音量为5", "设置|ENUM:screen.open_app=settings|1;音量|FN:media.volume|1;5|NUM|1", "media.volume.set(value=5)")]
    [InlineData("蓝色氛围灯", "蓝色|ENUM:light.ambient_color=BLUE|1;氛围灯|FN:light.ambient|1", "light.ambient_color.set(value=BLUE)")]
    [InlineData("play song 2", "play|FN:screen.play|1;song|TXT:query|1;2|NUM|1", "screen.play.run(query=\"song 2\")")]
    [InlineData("play jazz at 5", "play|FN:screen.play|1;jazz|TXT:query|1;5|NUM|1", "screen.play.run(query=\"jazz\")")]
    [InlineData("volume up fifteen %", "volume|FN:media.volume|1;fifteen|NUM|1", "media.volume.up(delta=15)")]
    [InlineData("massage up 25 %", "massage|FN:seat.massage|1;25|DELTA|1", "seat.massage.up(delta=25)")]
    [InlineData("小航，遮阳帘设置五十", "遮阳帘|FN:sunroof.shade|1;五十|NUM|1", "sunroof.shade.set(value=50)")]
    [InlineData("跳到电话应用页面", "到|OP:max|1;电话|ENUM:screen.open_app=phone|1", "screen.open_app.set(value=phone)")]
    [InlineData("window up a little", "window|FN:window.position|1;up|OP:down|1;a little|OP:crack|1", "window.position.down()")]
    [InlineData("open the window a crack", "open|OP:open|1;window|FN:window.position|1;a crack|OP:crack|1", "window.position.crack()")]
    // An extreme or a crack read against the verb: the verb says which way ("all the way" is the window's min, "a bit" a crack).
    [InlineData("open the windows all the way", "open|OP:open|1;windows|FN:window.position|1;all the way|OP:min|1", "window.position.open()")]
    [InlineData("close the window all the way", "close|OP:close|1;window|FN:window.position|1;all the way|OP:max|1", "window.position.close()")]
    [InlineData("roll up the rear windows a bit", "roll up|OP:close|1;rear|ZONE:rear|1;windows|FN:window.position|1;a bit|OP:crack|1", "window.position.down(zones=rear)")]
    [InlineData("window all the way down", "window|FN:window.position|1;all the way down|OP:max|1", "window.position.open()")]
    // Functions listed before or after one verb all take it, whether numbered as calls of their own or as one.
    [InlineData("打开空调和座椅加热", "打开|OP:on|1;空调|FN:climate.ac|1;座椅加热|FN:seat.heating|2", "climate.ac.on() ; seat.heating.on()")]
    [InlineData("打开空调和座椅加热", "打开|OP:on|1;空调|FN:climate.ac|1;座椅加热|FN:seat.heating|1", "climate.ac.on() ; seat.heating.on()")]
    [InlineData("把天窗和遮阳帘都关上", "天窗|FN:sunroof|1;遮阳帘|FN:sunroof.shade|2;关上|OP:close|2", "sunroof.close() ; sunroof.shade.close()")]
    [InlineData("把天窗和遮阳帘都关上", "天窗|FN:sunroof|1;遮阳帘|FN:sunroof.shade|1;关上|OP:close|1", "sunroof.close() ; sunroof.shade.close()")]
    [InlineData("open up the side mirrors plus the trunk", "open up|OP:unfold|1;side mirrors|FN:mirrors.fold|1;trunk|FN:trunk|2", "mirrors.fold.unfold() ; trunk.open()")]
    [InlineData("turn off the fog lights, the hazards", "turn off|OP:off|1;fog lights|FN:lights.fog_front|1;hazards|FN:lights.hazard|1", "lights.fog_front.off() ; lights.hazard.off()")]
    // One number tagged in two pieces is read once, as its first piece says; of two numbers, the last.
    [InlineData("mood light brightness down 20 %", "mood light brightness|FN:light.ambient_brightness|1;down|OP:down|1;2|DELTA|1;0 %|NUM|1", "light.ambient_brightness.down(delta=20)")]
    [InlineData("rear shade up twenty-five percent", "rear shade|FN:rear_shade|1;up|OP:up|1;twenty|DELTA|1;-five|NUM|1", "rear_shade.up(delta=25)")]
    [InlineData("set the temp to 30.5 degrees", "set|OP:set|1;temp|FN:climate.temperature|1;30|NUM|1;5|NUM|1", "climate.temperature.set(value=30.5)")]
    [InlineData("the massage should be a hundred and fifty nine", "massage|FN:seat.massage|1;a hundred|NUM|1;fifty nine|NUM|1", "seat.massage.set(value=159)")]
    [InlineData("音量调到六十，六十五", "音量|FN:media.volume|1;调到|OP:set|1;六十|NUM|1;六十五|NUM|1", "media.volume.set(value=65)")]
    // A free-text argument ends at a clause break and is said once: a restart or a correction is the last clause ("." ends
    // abbreviations too); a character doubled in a word is not a restart.
    [InlineData("请打给妈，妈妈", "打给|FN:screen.call|1;妈，妈妈|TXT:contact|1", "screen.call.run(contact=\"妈妈\")")]
    [InlineData("call mom, no, dad", "call|FN:screen.call|1;mom|TXT:contact|1;dad|TXT:contact|1", "screen.call.run(contact=\"dad\")")]
    [InlineData("drive to the bund the bund", "drive to|FN:screen.navigate|1;the bund the bund|TXT:place|1", "screen.navigate.run(place=\"the bund\")")]
    [InlineData("给妈妈妈妈打电话", "妈妈妈妈|TXT:contact|1;打电话|FN:screen.call|1", "screen.call.run(contact=\"妈妈\")")]
    [InlineData("给奶奶打电话", "奶奶|TXT:contact|1;打电话|FN:screen.call|1", "screen.call.run(contact=\"奶奶\")")]
    [InlineData("navigate to main st.", "navigate to|FN:screen.navigate|1;main st.|TXT:place|1", "screen.navigate.run(place=\"main st.\")")]
    public void Decode_GoldSpans_Calls(string text, string spans, string expected)
    {
        var tokenizer = new Tokenizer(TokenizerVocabulary(text));
        var tokens = tokenizer.Encode(text);
        var tags = new int[tokens.Count];
        var calls = new int[tokens.Count];
        var labelled = spans.Split(';', StringSplitOptions.RemoveEmptyEntries).Select(s => s.Split('|')).Select(p =>
        {
            var start = text.LastIndexOf(p[0], StringComparison.Ordinal);
            return (start, start + p[0].Length, p[1], int.Parse(p[2], System.Globalization.CultureInfo.InvariantCulture));
        });
        SpanTagger.Tag(Tags, tokens, labelled, tags, calls);

        var (decoded, _) = Decoder.Decode(text, tokens, tags, calls, []);

        Assert.Equal(expected, string.Join(" ; ", decoded));
    }

    [Theory]
    // A weak tag on a word never seen there ("都") is read as outside; the call around it still stands.
    [InlineData("把顶灯都关", "顶灯|FN:light.dome|0.99|1:1;都|FN:wipers.front|0.2|1:1;关|OP:off|0.99|1:1", "light.dome.off()")]
    // Every tag weak: nothing is asked.
    [InlineData("我想静一静", "静|OP:mute|0.2|1:1", "")]
    // The call head put the verb with the next call (0.6): the only numbering that makes two requests wins.
    [InlineData("rear shade down and then turn the navigation guidance on", "rear shade|FN:rear_shade|0.99|1:1;down|OP:down|0.9|2:0.6,1:0.4;turn|OP:on|0.9|2:1;navigation guidance|FN:nav.mute|0.99|2:1;on|OP:on|0.9|2:1", "rear_shade.down() ; nav.mute.unmute()")]
    // One number split across two calls token by token ("one#2 hundred#3") is numbered as one span.
    [InlineData("defrost on then volume to one hundred", "defrost|FN:climate.front_defrost|0.99|1:1;on|OP:on|0.99|1:1;volume|FN:media.volume|0.99|2:1;one|NUM|0.99|2:0.6,3:0.4;hundred|NUM|0.99|3:0.6,2:0.4", "climate.front_defrost.on() ; media.volume.set(value=100)")]
    // A confident numbering is kept even when one of its calls cannot be carried out.
    [InlineData("sunroof open and the volume", "sunroof|FN:sunroof|0.99|1:1;open|OP:open|0.99|1:1;volume|FN:media.volume|0.99|2:0.999,1:0.001", "sunroof.open()")]
    // A command's name said alone is the command, even when nothing was tagged.
    [InlineData("Back.", "", "screen.back.run()")]
    [InlineData("back off", "", "")]
    // Pieces of one word tagged as two functions both widen to the word: overlapping spans are no list.
    [InlineData("turn on grandma", "turn on|OP:on|0.99|1:1;gr|FN:climate.ac|0.99|1:1;andma|FN:seat.heating|0.99|1:1", "climate.ac.on()")]
    // A verb between two functions makes two requests, however sure the call head is that they are one.
    [InlineData("关闭天窗，打开空调", "关闭|OP:close|0.99|1:1;天窗|FN:sunroof|0.99|1:1;打开|OP:on|0.99|1:1;空调|FN:climate.ac|0.99|1:1", "sunroof.close() ; climate.ac.on()")]
    // A function's name that ends in its verb, after another of its names, says that verb ("门" + "锁").
    [InlineData("把门锁", "门锁|FN:door.lock|0.9|1:1", "door.lock.lock()")]
    // A follow-up up or down takes no free text: text tagged beside it is a remark's.
    [InlineData("放心吧，提高一点点", "心|TXT:query|0.76|1:1;提高|OP:up|0.98|1:1", "<context>.up()")]
    // Zones after a clause break go with the request of their clause, however the call head numbered them.
    [InlineData("音量调高一点，右前风量设置126", "音量|FN:media.volume|0.99|1:1;调高|OP:up|0.99|1:1;右前|ZONE:passenger|0.99|1:1;风量|FN:climate.fan_speed|0.99|2:1;设置|OP:set|0.99|2:1;126|NUM|0.99|2:1", "media.volume.up() ; climate.fan_speed.set(zones=passenger, value=126)")]
    // Of two functions in one call, a number goes to the one that takes a number.
    [InlineData("页面我的坐椅制冷切到2档", "页面|FN:screen.open_app|0.6|1:1;我的|ZONE:mine|0.9|1:1;坐椅制冷|FN:seat.ventilation|0.99|1:1;切到|OP:set|0.99|1:1;2|LEVEL|0.99|1:1", "seat.ventilation.set(zones=mine, value=L2)")]
    // A place said as "the" and a screen's name is that screen...
    [InlineData("go to the phone", "go to|FN:screen.navigate|0.99|1:1;phone|TXT:place|0.9|1:1", "screen.open_app.set(value=phone)")]
    [InlineData("go to the home", "go to|FN:screen.navigate|0.99|1:1;the home|TXT:place|0.9|1:1", "screen.open_app.set(value=home)")]
    // ...without the article a place.
    [InlineData("go home", "go|FN:screen.navigate|0.99|1:1;home|TXT:place|0.9|1:1", "screen.navigate.run(place=\"home\")")]
    // A switch-off said with a value is the verb of another request: the value is set.
    [InlineData("turn right rear blower to level five", "turn|OP:off|0.9|1:1;right rear|ZONE:rear_right|0.99|1:1;blower|FN:climate.fan_speed|0.99|1:1;five|LEVEL|0.99|1:1", "climate.fan_speed.set(zones=rear_right, value=L5)")]
    // "设置" read as the verb "set" with nothing to set names the settings app, alone or beside the app's function...
    [InlineData("回到设置", "回到|OP:open|0.95|1:1;设置|OP:set|0.9|1:1", "screen.open_app.set(value=settings)")]
    [InlineData("跳到设置页面", "到|OP:set|0.9|1:1;设置|OP:set|0.9|1:1;页面|FN:screen.open_app|0.9|1:1", "screen.open_app.set(value=settings)")]
    // ...but with a value said it is the verb.
    [InlineData("音量设置二十", "音量|FN:media.volume|0.99|1:1;设置|OP:set|0.9|1:1;二十|NUM|0.99|1:1", "media.volume.set(value=20)")]
    // "一" before a word of degree says a little: not a value ("再亮一丢丢" had set the brightness to 1) nor an amount,...
    [InlineData("屏幕亮度再亮一丢丢", "屏幕亮度|FN:display.brightness|0.99|1:1;一|NUM|0.6|1:1", "")]
    [InlineData("亮度调高一点", "亮度|FN:display.brightness|0.99|1:1;调高|OP:up|0.99|1:1;一|DELTA|0.6|1:1", "display.brightness.up()")]
    // ...where a "一" before anything else is a number.
    [InlineData("风量调到一档", "风量|FN:climate.fan_speed|0.99|1:1;调到|OP:set|0.99|1:1;一|LEVEL|0.9|1:1", "climate.fan_speed.set(value=L1)")]
    // 往上 / 往下 read in the direction of a window's own inverted phrases say their own direction elsewhere...
    [InlineData("温度往上调一点", "温度|FN:climate.temperature|0.99|1:1;往上调|OP:down|0.98|1:1", "climate.temperature.up()")]
    [InlineData("音量往下调一点", "音量|FN:media.volume|0.99|1:1;往下调|OP:up|0.98|1:1", "media.volume.down()")]
    // ...and keep the window's.
    [InlineData("把车窗往上升一点", "车窗|FN:window.position|0.99|1:1;往上升|OP:down|0.98|1:1", "window.position.down()")]
    [InlineData("车窗往上调一点", "车窗|FN:window.position|0.99|1:1;往上调|OP:down|0.98|1:1", "window.position.down()")]
    // A verb right before "着" says how things are: tagged or found in the catalog's words, it asks for nothing.
    [InlineData("前面的车开着远光灯真讨厌", "开|OP:on|0.91|1:1;远光灯|FN:lights.high_beam|0.9|1:1", "")]
    [InlineData("窗户开着呢", "窗户|FN:window.position|0.9|1:1", "")]
    [InlineData("窗户开一半", "窗户|FN:window.position|0.9|1:1;开一半|OP:half|0.9|1:1", "window.position.half()")]
    public void Decode_ModelOutputs_Calls(string text, string spans, string expected)
    {
        var (decoded, _, _) = DecodeModelOutputs(text, spans);

        Assert.Equal(expected, string.Join(" ; ", decoded));
    }

    [Fact]
    public void Decode_WeakWordLeftOut_ConfidenceIsTheCalls()
    {
        var (decoded, rejected, confidence) = DecodeModelOutputs("把顶灯都关", "顶灯|FN:light.dome|0.9|1:1;都|FN:wipers.front|0.2|1:1;关|OP:off|0.95|1:1");

        Assert.Equal("light.dome.off()", Assert.Single(decoded).ToString());
        Assert.Equal(0.9f, confidence, 0.01f);
        Assert.Contains(rejected, r => r.Contains("FN:wipers.front=\"都\"", StringComparison.Ordinal));
    }

    [Theory]
    // A token the model splits between beginning and continuing a span is in it when the two together beat outside.
    [InlineData("turn on the ac", "B-OP:on 1|I-OP:on 1|O 1|O .4,B-FN:climate.ac .35,I-FN:climate.ac .25", "climate.ac.on()")]
    [InlineData("带我去人民广场", "B-FN:screen.navigate 1|I-FN:screen.navigate 1|I-FN:screen.navigate 1|O .4,B-TXT:place .3,I-TXT:place .3|B-TXT:place .9|I-TXT:place .9|I-TXT:place .9", "screen.navigate.run(place=\"人民广场\")")]
    // A free-text span takes in an outside neighbour as likely as a kept tag to belong to it...
    [InlineData("给奶奶打电话", "O 1|O .55,B-TXT:contact .4|I-TXT:contact .9|B-FN:screen.call 1|I-FN:screen.call 1|I-FN:screen.call 1", "screen.call.run(contact=\"奶奶\")")]
    // ...but not one less likely than that.
    [InlineData("放孤勇者吧", "B-FN:screen.play 1|B-TXT:query .9|I-TXT:query .9|I-TXT:query .9|O .8,I-TXT:query .2", "screen.play.run(query=\"孤勇者\")")]
    // A Chinese character read as outside right before a span read as begun already is its start...
    [InlineData("播放周杰伦的歌", "B-FN:screen.play .7,O .3|O .75,I-FN:screen.play .25|O .88,B-TXT:query .1|I-TXT:query .82,O .18|O .67,I-TXT:query .33|I-TXT:query .95|I-TXT:query .99", "screen.play.run(query=\"周杰伦的歌\")")]
    // ...not a filler, which is in no name's slot, nor a character before a first token read as the start.
    [InlineData("去呃人民医院", "B-FN:screen.navigate 1|O 1|I-TXT:place .6,B-TXT:place .4|I-TXT:place .9|I-TXT:place .9|I-TXT:place .9", "screen.navigate.run(place=\"人民医院\")")]
    [InlineData("播放晴天", "B-FN:screen.play 1|O .9,I-FN:screen.play .1|B-TXT:query .8,O .2|I-TXT:query .9", "screen.play.run(query=\"晴天\")")]
    // A character the vocabulary lacks ("寺", three byte tokens) beside a free-text span is in it, whatever it was tagged.
    [InlineData("带我去静安寺", "B-FN:screen.navigate 1|I-FN:screen.navigate 1|I-FN:screen.navigate 1|B-TXT:place .9|I-TXT:place .9|O .8|O .9|I-ZONE:all .7,O .3", "screen.navigate.run(place=\"静安寺\")")]
    // A value's continuation that nothing before could have started is read as outside...
    [InlineData("我想休息一下", "O 1|O 1|O 1|I-ENUM:screen.open_app=vehicle .86,O .14|O 1|O 1", "")]
    // ...but not where the token before it may have (at 0.1 here), even read as outside, nor an English word.
    [InlineData("open the the map", "B-OP:open 1|O 1|O .98,B-ENUM:screen.open_app=navigation .02|I-ENUM:screen.open_app=navigation .91,O .09", "screen.open_app.set(value=navigation)")]
    [InlineData("i want the windshield air direction", "O 1|O 1|O .9,B-ENUM:climate.air_distribution=UP .1|I-ENUM:climate.air_distribution=UP .75,B-ENUM:climate.air_distribution=UP .25|B-FN:climate.air_distribution 1|I-FN:climate.air_distribution 1", "climate.air_distribution.set(value=UP)")]
    // A zone's continuation right after another zone, which it did not start, continues that zone.
    [InlineData("关后排门", "B-OP:close 1|B-ZONE:rear .93,O .07|I-ZONE:rear_right .95,I-ZONE:rear .05|B-FN:door.open 1", "door.open.close(zones=rear)")]
    // A change that names no function takes the one its words were half read as...
    [InlineData("display brightness up a notch", "O .85,B-FN:display.brightness .15|O .89,I-FN:display.brightness .11|B-OP:up .81,O .19|O 1|O 1", "display.brightness.up()")]
    [InlineData("把亮度定在156", "O 1|O .51,B-FN:display.brightness .49|O .97,I-FN:display.brightness .03|O 1|O 1|B-NUM .59,O .41|I-NUM .63,O .37|I-NUM .96,O .04", "display.brightness.set(value=156)")]
    // ...where they were read as the start of a name, not only as its middle, and where no function follows alone after a comma.
    [InlineData("go ahead and shut off like, the rear window defrost", "B-FN:screen.back .4,O .6|O 1|O 1|B-OP:off 1|I-OP:off 1|O 1|O 1|O 1|B-FN:climate.rear_defrost 1|I-FN:climate.rear_defrost 1|I-FN:climate.rear_defrost 1", "climate.rear_defrost.off()")]
    [InlineData("nobody shows up", "O 1|O .8,I-FN:light.reading .2|B-OP:open 1", "<context>.on()")]
    public void Decode_TagProbabilitiesPerToken_Calls(string text, string tokenTags, string expected)
    {
        var (decoded, _, _) = DecodeTagProbabilities(text, tokenTags);

        Assert.Equal(expected, string.Join(" ; ", decoded));
    }

    [Fact]
    public void Decode_FreeTextTakesInANeighbour_CallAsSureAsThatNeighbour()
    {
        var (_, _, confidence) = DecodeTagProbabilities("给奶奶打电话", "O 1|O .6,B-TXT:contact .4|I-TXT:contact .9|B-FN:screen.call 1|I-FN:screen.call 1|I-FN:screen.call 1");

        Assert.Equal(0.4f, confidence, 0.01f);
    }

    [Property(MaxTest = 300)]
    public void Decode_AnyModelOutputs_NeverThrows(int seed)
    {
        // Whatever the model says about whatever was said, decoding yields calls or rejections, never an exception.
        var rng = new Random(seed);
        string[] words = ["打开", "空调", "和", "座椅加热", "，", "还有", "关闭", "天窗", "都", "turn", "on", "the", "AC", "and", "grandma", ",", "plus", "sunroof", "二十一点五", "21.5", "back", "、", "xylophones", "quinoa"];
        var text = string.Concat(Enumerable.Range(0, rng.Next(1, 12)).Select(_ => words[rng.Next(words.Length)] + (rng.Next(3) == 0 ? " " : "")));
        var tokens = ShippedTokenizer.Encode(text);
        var tagLogits = new float[tokens.Count * Tags.Count];
        var callLogits = new float[tokens.Count * TagSet.CallClasses];
        for (var i = 0; i < tokens.Count; i++)
        {
            tagLogits[(i * Tags.Count) + rng.Next(Tags.Count)] = (float)(rng.NextDouble() * 10);
            tagLogits[i * Tags.Count] = (float)(rng.NextDouble() * 5);
            for (var c = 0; c < TagSet.CallClasses; c++)
            {
                callLogits[(i * TagSet.CallClasses) + c] = (float)(rng.NextDouble() * 6);
            }
        }

        Decoder.Decode(text, tokens, tagLogits, callLogits, minConfidence: 0.3f);
    }

    /// <summary>Decodes logits made up so that each listed span gets its tag and call-index probabilities (others: outside).</summary>
    private static (List<ActionCall> Calls, List<string> Rejected, float Confidence) DecodeModelOutputs(string text, string spans)
    {
        var tokenizer = new Tokenizer(TokenizerVocabulary(text));
        var tokens = tokenizer.Encode(text);
        var tagLogits = new float[tokens.Count * Tags.Count];
        var callLogits = new float[tokens.Count * TagSet.CallClasses];
        for (var i = 0; i < tokens.Count; i++)
        {
            tagLogits[i * Tags.Count] = 20;
            callLogits[i * TagSet.CallClasses] = 20;
        }

        foreach (var span in spans.Split(';', StringSplitOptions.RemoveEmptyEntries).Select(s => s.Split('|')))
        {
            var start = text.IndexOf(span[0], StringComparison.Ordinal);
            var tagProbability = double.Parse(span[2], System.Globalization.CultureInfo.InvariantCulture);
            var calls = span[3].Split(',').Select(c => c.Split(':')).ToDictionary(c => int.Parse(c[0], System.Globalization.CultureInfo.InvariantCulture), c => double.Parse(c[1], System.Globalization.CultureInfo.InvariantCulture));
            var inSpan = tokens.Select((t, i) => (t, i)).Where(x => x.t.Start >= start && x.t.End <= start + span[0].Length).Select(x => x.i).ToList();
            foreach (var i in inSpan)
            {
                var tags = tagLogits.AsSpan(i * Tags.Count, Tags.Count);
                tags.Clear();
                // Softmax over the label set gives the tag this probability, the rest shared by the other labels.
                tags[(i == inSpan[0] ? Tags.Begin(span[1]) : Tags.Inside(span[1]))] = (float)Math.Log(tagProbability * (Tags.Count - 1) / (1 - tagProbability));
                var head = callLogits.AsSpan(i * TagSet.CallClasses, TagSet.CallClasses);
                head.Fill(-30);
                foreach (var (call, p) in calls)
                {
                    head[call] = (float)Math.Log(p);
                }
            }
        }

        return Decoder.Decode(text, tokens, tagLogits, callLogits, minConfidence: 0.3f);
    }

    /// <summary>Decodes logits made up from each token's listed label probabilities ("O .55,B-TXT:contact .4|…").</summary>
    private static (List<ActionCall> Calls, List<string> Rejected, float Confidence) DecodeTagProbabilities(string text, string tokenTags)
    {
        var tokens = new Tokenizer(TokenizerVocabulary(text)).Encode(text);
        var perToken = tokenTags.Split('|');
        Assert.Equal(tokens.Count, perToken.Length);
        var tagLogits = new float[tokens.Count * Tags.Count];
        var callLogits = new float[tokens.Count * TagSet.CallClasses];
        for (var i = 0; i < tokens.Count; i++)
        {
            var labels = perToken[i].Split(',').Select(l => l.Split(' ')).ToList();
            tagLogits.AsSpan(i * Tags.Count, Tags.Count).Fill(-30);
            foreach (var label in labels)
            {
                tagLogits[(i * Tags.Count) + Tags.Id(label[0])] = (float)Math.Log(double.Parse(label[1], System.Globalization.CultureInfo.InvariantCulture));
            }

            callLogits[(i * TagSet.CallClasses) + (labels.Any(l => l[0] != "O") ? 1 : 0)] = 20;
        }

        return Decoder.Decode(text, tokens, tagLogits, callLogits, minConfidence: 0.3f);
    }

    private static List<string> TokenizerVocabulary(string text)
    {
        List<string> vocab = [Tokenizer.Pad, Tokenizer.Unknown, .. Enumerable.Range(0, 256).Select(b => Tokenizer.ByteToken((byte)b))];
        vocab.AddRange(Tokenizer.PreTokenize(text).Select(p => p.Text).Where(t => t is not ("grandma" or "寺")).Distinct());
        vocab.AddRange(["gr", "##andma"]);
        return vocab;
    }
}
