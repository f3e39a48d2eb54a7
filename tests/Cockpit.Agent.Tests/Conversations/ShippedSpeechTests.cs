using Cockpit.Agent.V1;
using Cockpit.Speech;
using Cockpit.Speech.Synthesis;
using Microsoft.Extensions.DependencyInjection;

namespace Cockpit.Agent.Tests.Conversations;

/// <summary>
/// The embedded default as it is configured: the shipped domain recogniser (models/speech). Its first turn reaches a
/// vehicle service that has just started while the test run loads the recogniser and starts other hosts; the agent's
/// 2 s deadline for a vehicle call is not under test here, and it once ran out on that first call on a clean clone.
/// </summary>
public sealed class ShippedSpeechCockpit : EmbeddedCockpit
{
    protected override IEnumerable<string> ExtraArguments => ["--Speech:ModelPath=models/speech/ggml-cockpit-speech.bin", "--Agent:VehicleCallTimeout=00:00:10"];
}

/// <summary>
/// Speech to action with the shipped recogniser, over gRPC: a command spoken by espeak-ng (a voice the recogniser never
/// heard in training) is heard, understood and carried out on the simulated car.
/// </summary>
public sealed class ShippedSpeechTests(ShippedSpeechCockpit cockpit) : IClassFixture<ShippedSpeechCockpit>
{
    [Theory]
    [InlineData("zh", "打开天窗", "sunroof.open()")]
    [InlineData("zh", "主驾座椅加热打开", "seat.heating.on(zones=driver)")]
    [InlineData("en", "open the trunk", "trunk.open()")]
    [InlineData("en", "turn on the air conditioning", "climate.ac.on()")]
    public async Task ConverseVoice_SpokenCommand_CarriedOut(string language, string command, string understood)
    {
        Assert.True(cockpit.Services.GetRequiredService<SpeechFrontEnd>().IsAvailable, "the shipped recogniser loads");
        var voice = language == "zh" ? "cmn+m6" : "en-us+f3";
        var spoken = await new EspeakSynthesizer(new SpeechOptions { EnglishVoice = voice, MandarinVoice = voice }).SynthesizeAsync(command, language);
        var pcm = new byte[16_000].Concat(spoken.ToPcm16()).Concat(new byte[16_000]).ToArray();
        using var channel = cockpit.CreateAgentChannel();

        var events = await VoiceCall.SayAsync(channel, new VoiceStart { Language = language }, pcm);

        var turn = events.Single(item => item.KindCase == VoiceEvent.KindOneofCase.Turn).Turn;
        Assert.True(turn.Outcome == Outcome.Done, $"heard \"{turn.RecognisedText}\": {turn.Outcome}, \"{turn.Reply}\"");
        var action = Assert.Single(turn.Actions);
        Assert.Equal((understood, ActionStatus.Accepted), (action.Call, action.Status));
    }
}
