using System.Diagnostics;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Cockpit.Training.Data;
using Cockpit.Training.Labels;
using Cockpit.Training.Measurement;
using Cockpit.Training.Model;
using Cockpit.Training.Onnx;
using Cockpit.Understanding;
using Cockpit.Understanding.Catalog;
using Cockpit.Understanding.Model;
using Cockpit.Understanding.Text;
using TorchSharp;

namespace Cockpit.Training.Training;

/// <summary>
/// The whole reproducible run: gather the training data (the generator, the phrasebooks of several writers, MASSIVE's
/// train partition) → build the vocabulary → train → export ONNX → write the manifest → build the lookup table and
/// measure the shipped files through the C# runtime on text none of it was trained on (the generator's held-out draw,
/// the human-written dev and test splits, MASSIVE dev), with latency and memory.
/// </summary>
internal sealed class TrainingPipeline(TrainingOptions options, TextWriter log)
{
    public const string HeldOutFile = "heldout.jsonl";

    public JsonObject? Metrics { get; private set; }

    private IReadOnlyDictionary<string, IReadOnlyList<string>> Augment(string name) =>
        EvaluationSets.Languages.ToDictionary(lang => lang, lang => AugmentFiles.Read(options.AugmentDirectory, name, lang), StringComparer.Ordinal);

    public int Run()
    {
        var total = Stopwatch.StartNew();
        torch.manual_seed(options.Seed);
        torch.set_num_threads(options.Threads);
        var catalog = ActionCatalog.Default;
        var labels = new LabelSet(catalog);
        var decoder = new CallDecoder(catalog, labels);

        var generator = new DataGenerator(catalog);
        var generated = new GeneratorLabels(catalog, labels);
        var generatedTrain = generator.Generate(options.TrainSamples, heldOut: false, options.Seed);
        var generatedTest = generator.Generate(options.TestSamples, heldOut: true, options.Seed + 1);
        var train = generatedTrain.Select(generated.From).OfType<LabeledUtterance>().ToList();
        var heldOut = generatedTest.Select(generated.From).OfType<LabeledUtterance>().ToList();
        log.WriteLine($"generator: {train.Count} of {generatedTrain.Count} train and {heldOut.Count} of {generatedTest.Count} held-out samples labelled ({generator.HeldOutTemplates.Count} held-out templates)");
        foreach (var unlabelled in generatedTrain.Where(s => generated.From(s) is null).Take(12))
        {
            log.WriteLine($"  unlabelled: {unlabelled.Text} [{string.Join(", ", unlabelled.Spans.Select(x => $"{x.Class}#{x.Call}"))}]");
        }

        var phrasebooks = ReadPhrasebooks(catalog, labels);
        var massive = File.Exists(options.MassiveMapping) ? new MassiveCorpus(options.MassiveMapping, labels) : null;
        var massiveTrain = ReadMassiveTrain(massive);
        var cancelled = CancelledRequests.From(phrasebooks.Concat(train.Take(20_000)), Augment("cancel-tails"), every: 6, options.Seed);
        var joined = JoinedRequests.From(phrasebooks, Augment("connectors"), count: phrasebooks.Count / 4, options.Seed);
        var outOfCatalog = EvaluationSets.Languages
            .SelectMany(lang => AugmentFiles.Read(options.AugmentDirectory, "out-of-catalog", lang).Select(text => new LabeledUtterance(text, lang, "augment", "out-of-catalog", [[]], [], [])))
            .ToList();
        train.AddRange(Enumerable.Repeat(phrasebooks, options.PhrasebookRepeat).SelectMany(x => x));
        train.AddRange(Enumerable.Repeat(massiveTrain, options.MassiveRepeat).SelectMany(x => x));
        train.AddRange(Enumerable.Repeat(cancelled, 2).SelectMany(x => x));
        train.AddRange(joined);
        train.AddRange(Enumerable.Repeat(outOfCatalog, options.PhrasebookRepeat).SelectMany(x => x));
        var dataHash = DataHash(train.Concat(heldOut));
        log.WriteLine($"data: {train.Count} training utterances ({phrasebooks.Count} phrasebook lines × {options.PhrasebookRepeat}, {massiveTrain.Count} MASSIVE requests × {options.MassiveRepeat}, {cancelled.Count} cancelled requests × 2, {joined.Count} joined pairs, {outOfCatalog.Count} out-of-catalog requests × {options.PhrasebookRepeat}), sha256 {dataHash[..16]}");

        var initial = options.InitialModel is { } initialDir ? ModelManifest.Load(initialDir) : null;
        var tokenizer = initial is null
            ? new Tokenizer(VocabularyBuilder.Build(train.Select(u => u.Text)))
            : Tokenizer.FromFile(Path.Combine(options.InitialModel!, "vocab.txt"));
        var vocab = tokenizer.Vocabulary;
        var config = new ModelShape
        {
            Vocab = vocab.Count,
            Dim = options.Dim,
            Layers = options.Layers,
            Heads = options.Heads,
            Experts = options.Experts,
            ExpertHidden = options.ExpertHidden,
            SharedHidden = options.SharedHidden,
            MaxLength = options.MaxLength,
            IntentTags = labels.IntentTags.Count,
            SlotTags = labels.SlotTags.Count,
            Zones = labels.Zones.Count,
            Variant = options.Variant,
        };
        log.WriteLine($"vocab {vocab.Count}, intents {labels.Intents.Count}, config {JsonSerializer.Serialize(config)}");
        if (initial is not null && (JsonSerializer.Serialize(initial.Config) != JsonSerializer.Serialize(config) || initial.LabelsSha256 != labels.Sha256))
        {
            throw new InvalidDataException($"{options.InitialModel} has another shape or label set than this run ({JsonSerializer.Serialize(initial.Config)}); it can only be continued with the same.");
        }

        var unseen = options.UnseenCharacterRate > 0 ? new UnseenCharacters(tokenizer, options.UnseenCharacterRate, options.Seed) : null;
        var encoder = new LabelEncoder(tokenizer, labels, config.MaxLength);
        var encodedTrain = train.Select((u, i) => encoder.Encode(u, i, unseen)).ToList();
        var sets = EvaluationSets.Load(heldOut, options.HumanDirectory, Directory.Exists(options.MassiveDirectory) ? options.MassiveDirectory : null, massive, options.PhrasebookDirectory);

        var model = new MoleEncoder(config, options.Dropout);
        if (initial is not null)
        {
            model.ImportWeights(OnnxWeightReader.Read(options.InitialModel!));
            log.WriteLine($"continuing from {options.InitialModel} (encoder sha256 {initial.Files["encoder.onnx"].Sha256[..16]})");
        }

        var parameters = model.parameters().Sum(p => p.numel());
        var expertParameters = model.named_parameters().Where(p => p.name.EndsWith(".w1", StringComparison.Ordinal) || p.name.EndsWith(".b1", StringComparison.Ordinal) || p.name.EndsWith(".w2", StringComparison.Ordinal) || p.name.EndsWith(".b2", StringComparison.Ordinal) || p.name.EndsWith("expertNorm", StringComparison.Ordinal)).Sum(p => p.parameter.numel());
        log.WriteLine($"parameters: {parameters:N0} total, {expertParameters:N0} in lookup experts");
        var trainer = new Trainer(model, options, log);
        UnderstandingReport.Understand torchUnderstand = texts => PredictWithTorch(trainer, encoder, decoder, tokenizer, texts);
        var devSets = sets with { HeldOut = [.. heldOut.Take(600)], MassiveDev = [] };
        trainer.Train(encodedTrain, _ =>
        {
            var boards = UnderstandingReport.Measure(devSets, torchUnderstand, catalog, null, includeTest: false);
            boards.ForEach(board => log.WriteLine("  " + board));
            return boards[^1].ExactMatch("zh");
        });

        var torchBoards = UnderstandingReport.Measure(sets, torchUnderstand, catalog, massive, includeTest: false);
        torchBoards.ForEach(board => log.WriteLine("TorchSharp " + board));

        var dir = options.OutputDirectory;
        Directory.CreateDirectory(dir);
        if (config.UsesHiddenStateExperts)
        {
            WriteMoeBaseline(dir, config, options, dataHash, trainer, parameters, torchBoards, log);
            return 0;
        }

        var weights = model.ExportWeights();
        var meta = new Dictionary<string, string> { ["catalog_sha256"] = catalog.Sha256, ["labels_sha256"] = labels.Sha256 };
        OnnxExporter.ExportEncoder(config, weights, Path.Combine(dir, "encoder.onnx"), meta);
        if (config.UsesExperts)
        {
            OnnxExporter.ExportExperts(config, weights, Path.Combine(dir, "experts.onnx"), meta);
        }

        File.WriteAllLines(Path.Combine(dir, "vocab.txt"), vocab, new UTF8Encoding(false));
        EvaluationSets.WriteHeldOut(Path.Combine(dir, HeldOutFile), heldOut);
        var training = new JsonObject
        {
            ["command"] = CommandLine(options),
            ["dataSha256"] = dataHash,
            ["trainUtterances"] = train.Count,
            ["generatorSamples"] = train.Count(u => u.Source == "generator"),
            ["phrasebookLines"] = phrasebooks.Count,
            ["phrasebookRepeat"] = options.PhrasebookRepeat,
            ["massiveRequests"] = massiveTrain.Count,
            ["massiveRepeat"] = options.MassiveRepeat,
            ["cancelledRequests"] = cancelled.Count,
            ["joinedRequests"] = joined.Count,
            ["outOfCatalogRequests"] = outOfCatalog.Count,
            ["heldOutSamples"] = heldOut.Count,
            ["heldOutTemplates"] = generator.HeldOutTemplates.Count,
            ["seed"] = options.Seed,
            ["steps"] = trainer.StepsDone,
            ["batch"] = options.Batch,
            ["learningRate"] = options.LearningRate,
            ["warmup"] = options.Warmup,
            ["initialModel"] = initial is null ? null : new JsonObject
            {
                ["encoderSha256"] = initial.Files["encoder.onnx"].Sha256,
                ["dataSha256"] = initial.Training?["dataSha256"]?.DeepClone(),
                ["steps"] = initial.Training?["steps"]?.DeepClone(),
            },
            ["emaDecay"] = options.EmaDecay,
            ["dropout"] = options.Dropout,
            ["unseenCharacterRate"] = options.UnseenCharacterRate,
            ["threads"] = options.Threads,
            ["secondsPerStep"] = Math.Round(trainer.SecondsPerStep, 3),
            ["parameters"] = parameters,
            ["expertParameters"] = expertParameters,
            ["torchSharp"] = "0.107.0",
            ["onnxOpset"] = OnnxExporter.Opset,
            ["onnxIrVersion"] = OnnxExporter.IrVersion,
            ["torch"] = UnderstandingReport.ToJson(torchBoards),
        };
        WriteManifest(dir, catalog, labels, config, training, null);

        var cache = Path.Combine(dir, "..", "cache");
        var runtime = RuntimeMeasurement.Measure(dir, cache, sets, massive, log, includeTest: false);
        runtime["maxIntentLogitDifference"] = Parity(dir, cache, trainer, [.. train.Take(32).Select((u, i) => encoder.Encode(u, i))]);
        log.WriteLine($"ONNX parity: max |intent logit (ONNX + fp16 table) - intent logit (TorchSharp)| = {runtime["maxIntentLogitDifference"]}");
        Metrics = runtime;
        WriteManifest(dir, catalog, labels, config, training, runtime);
        log.WriteLine($"done in {total.Elapsed.TotalMinutes:F1} min; manifest written to {Path.Combine(dir, ModelManifest.FileName)}");
        return 0;
    }

    /// <summary>Every phrasebook line that could be labelled; the ones left out are logged with the reason.</summary>
    private List<LabeledUtterance> ReadPhrasebooks(ActionCatalog catalog, LabelSet labels)
    {
        if (!Directory.Exists(options.PhrasebookDirectory))
        {
            log.WriteLine($"no phrasebooks at {options.PhrasebookDirectory}");
            return [];
        }

        var reader = new PhrasebookReader(labels, catalog);
        var evaluated = EvaluationSets.HumanTextKeys(options.HumanDirectory);
        var all = new List<LabeledUtterance>();
        foreach (var path in Directory.GetFiles(options.PhrasebookDirectory, "*.tsv").Order(StringComparer.Ordinal))
        {
            var (utterances, leftOut) = reader.ReadForTraining(path);
            var measured = utterances.RemoveAll(u => evaluated.Contains(EvaluationSets.TextKey(u.Text)));
            all.AddRange(utterances);
            log.WriteLine($"phrasebook {Path.GetFileName(path)}: {utterances.Count} lines, {leftOut.Count} left out, {measured} left out as texts of the human-written evaluation set");
            leftOut.Take(5).ToList().ForEach(line => log.WriteLine("  left out: " + line));
        }

        return all;
    }

    private List<LabeledUtterance> ReadMassiveTrain(MassiveCorpus? massive)
    {
        if (massive is null || !Directory.Exists(options.MassiveDirectory))
        {
            log.WriteLine($"no MASSIVE at {options.MassiveDirectory}");
            return [];
        }

        return [.. EvaluationSets.Languages.Select(lang => Path.Combine(options.MassiveDirectory, $"train.{lang}.jsonl")).Where(File.Exists)
            .SelectMany(MassiveCorpus.Read).Select(massive.ForTraining).OfType<LabeledUtterance>()];
    }

    private static IReadOnlyList<IReadOnlyList<ActionCall>> PredictWithTorch(Trainer trainer, LabelEncoder encoder, CallDecoder decoder, Tokenizer tokenizer, IReadOnlyList<string> texts)
    {
        var empty = new LabeledUtterance("", "", "", "", [], [], []);
        var encoded = texts.Select((text, i) => encoder.Encode(empty with { Text = text }, i)).ToList();
        var predictions = trainer.Predict(encoded);
        return [.. texts.Select((text, i) =>
        {
            var tokens = tokenizer.Encode(text).Take(encoded[i].Ids.Length).ToList();
            var (intents, slots, zones) = predictions[i];
            return decoder.Decode(text, tokens, intents, slots, zones).Calls;
        })];
    }

    private static string DataHash(IEnumerable<LabeledUtterance> utterances)
    {
        using var sha = System.Security.Cryptography.IncrementalHash.CreateHash(System.Security.Cryptography.HashAlgorithmName.SHA256);
        foreach (var u in utterances)
        {
            sha.AppendData(Encoding.UTF8.GetBytes($"{u.Text}\t{string.Join(" ; ", u.Gold)}\t{string.Join(";", u.Segments.Select(s => $"{s.Intent}@{s.Start}-{s.End}"))}\t{string.Join(";", u.Slots.Select(s => $"{s.Kind}@{s.Start}-{s.End}"))}\n"));
        }

        return Convert.ToHexStringLower(sha.GetHashAndReset());
    }

    /// <summary>The command that repeats this run: the shipped defaults and the flags it changed.</summary>
    private static string CommandLine(TrainingOptions options)
    {
        var defaults = new TrainingOptions();
        (string Flag, object? Value, object? Default)[] flags =
        [
            ("init", options.InitialModel, defaults.InitialModel),
            ("seed", options.Seed, defaults.Seed),
            ("steps", options.Steps, defaults.Steps),
            ("lr", options.LearningRate, defaults.LearningRate),
            ("warmup", options.Warmup, defaults.Warmup),
            ("minutes", options.MaxMinutes, defaults.MaxMinutes),
            ("batch", options.Batch, defaults.Batch),
            ("threads", options.Threads, defaults.Threads),
            ("phrasebook-repeat", options.PhrasebookRepeat, defaults.PhrasebookRepeat),
            ("massive-repeat", options.MassiveRepeat, defaults.MassiveRepeat),
            ("dim", options.Dim, defaults.Dim),
            ("layers", options.Layers, defaults.Layers),
        ];
        return "OMP_WAIT_POLICY=PASSIVE nice -n 10 dotnet src/Cockpit.Training/bin/Release/net10.0/Cockpit.Training.dll train --out models/understanding"
            + string.Concat(flags.Where(f => !Equals(f.Value, f.Default)).Select(f => FormattableString.Invariant($" --{f.Flag} {f.Value}")));
    }

    /// <summary>
    /// The MoE baseline is only compared, never shipped: its accuracy (TorchSharp) and what a device would have to load per
    /// token — the top-k experts' fp16 weights of every layer, since routing on the hidden state means the experts cannot
    /// become a table.
    /// </summary>
    private static void WriteMoeBaseline(string dir, ModelShape config, TrainingOptions options, string dataHash, Trainer trainer, long parameters, List<Scoreboard> boards, TextWriter log)
    {
        long perExpert = (2L * config.Dim * config.ExpertHidden) + config.ExpertHidden + config.Dim;
        var report = new JsonObject
        {
            ["variant"] = config.Variant,
            ["config"] = JsonSerializer.SerializeToNode(config),
            ["topK"] = MoleLayer.TopK,
            ["dataSha256"] = dataHash,
            ["seed"] = options.Seed,
            ["steps"] = trainer.StepsDone,
            ["batch"] = options.Batch,
            ["secondsPerStep"] = Math.Round(trainer.SecondsPerStep, 3),
            ["parameters"] = parameters,
            ["expertParametersOnStorage"] = perExpert * config.Experts * config.Layers,
            ["bytesLoadedPerToken"] = perExpert * MoleLayer.TopK * config.Layers * 2,
            ["torch"] = UnderstandingReport.ToJson(boards),
        };
        var path = Path.Combine(dir, "moe-baseline.json");
        File.WriteAllText(path, report.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
        log.WriteLine($"MoE baseline written to {path} (not exported: hidden-state experts cannot become a lookup table)");
    }

    /// <summary>
    /// Largest absolute difference between TorchSharp and ONNX Runtime (with the fp16 lookup table) intent logits, through
    /// the fused kernel where it is built (as the runtime runs), else the stock graph.
    /// </summary>
    private static double Parity(string dir, string cacheDir, Trainer trainer, List<EncodedSample> batch)
    {
        var manifest = ModelManifest.Load(dir);
        var (expected, ids, mask, length) = trainer.IntentLogits(batch);
        LookupTable? table = null;
        if (manifest.Config.UsesExperts)
        {
            var sha = manifest.Files["experts.onnx"].Sha256;
            table = LookupTable.OpenOrBuild(Path.Combine(cacheDir, LookupTable.FileNameFor(sha)), Path.Combine(dir, "experts.onnx"), sha, manifest.Config, Environment.ProcessorCount);
        }

        using (table)
        using (var session = new EncoderSession(Path.Combine(dir, "encoder.onnx"), manifest.Config, table, 1, EncoderSession.KernelLibrary))
        {
            var (actual, _, _) = session.Run(ids, mask, batch.Count, length);
            var max = 0.0;
            for (var i = 0; i < actual.Length; i++)
            {
                if (mask[i / manifest.Config.IntentTags] > 0)
                {
                    max = Math.Max(max, Math.Abs(actual[i] - expected[i]));
                }
            }

            return Math.Round(max, 5);
        }
    }

    private static void WriteManifest(string dir, ActionCatalog catalog, LabelSet labels, ModelShape config, JsonObject training, JsonObject? metrics)
    {
        var files = new Dictionary<string, ManifestFile>(StringComparer.Ordinal);
        foreach (var name in new[] { "encoder.onnx", "experts.onnx", "vocab.txt", HeldOutFile })
        {
            var path = Path.Combine(dir, name);
            if (File.Exists(path))
            {
                files[name] = new ManifestFile { Sha256 = ModelManifest.HashFile(path), Bytes = new FileInfo(path).Length };
            }
        }

        var manifest = new ModelManifest
        {
            Name = "cockpit-understanding-" + config.Variant,
            Version = "2.0.0",
            CatalogVersion = catalog.Version,
            CatalogSha256 = catalog.Sha256,
            LabelsSha256 = labels.Sha256,
            IntentTags = labels.IntentTags,
            SlotTags = labels.SlotTags,
            Zones = labels.Zones,
            Config = config,
            Files = files,
            Training = JsonNode.Parse(training.ToJsonString())!.AsObject(),
            Metrics = metrics is null ? null : JsonNode.Parse(metrics.ToJsonString())!.AsObject(),
        };
        File.WriteAllText(Path.Combine(dir, ModelManifest.FileName), JsonSerializer.Serialize(manifest, ModelManifest.JsonOptions), new UTF8Encoding(false));
    }
}
