using Cockpit.Speech.Recognition.Ggml;

namespace Cockpit.Speech.Training;

/// <summary>Writes the trained model as a whisper.cpp ggml file (f16 weights) and checks it with the service's validator.</summary>
internal static class SpeechModelExporter
{
    public static GgmlWhisperModelInfo Export(SpeechWhisperModel model, SpeechVocabulary vocabulary, float[] melFilters, string path)
    {
        var temporary = path + ".partial";
        GgmlWhisperModelWriter.Write(temporary, model.Config.HyperParameters(), vocabulary.FileVocabulary(), model.ExportWeights(vocabulary), melFilters);
        var info = GgmlWhisperModelValidator.Validate(temporary, suppressBlank: true);
        File.Move(temporary, path, overwrite: true);
        return info with { Path = path };
    }
}
