using Cockpit.Agent.Conversations;
using Cockpit.Agent.Interactions;
using Cockpit.Agent.V1;
using Cockpit.Vehicle.Client;

namespace Cockpit.Agent.Grpc;

/// <summary>Turn results and the accuracy report as cockpit.agent.v1 messages.</summary>
internal static class AgentMessages
{
    public static ConverseResponse ToResponse(TurnResult result)
    {
        var response = new ConverseResponse
        {
            ConversationId = result.ConversationId,
            RecognisedText = result.Text,
            Language = result.Language,
            Outcome = result.Outcome switch
            {
                TurnOutcome.Done => Outcome.Done,
                TurnOutcome.Refused => Outcome.Refused,
                TurnOutcome.NotUnderstood => Outcome.NotUnderstood,
                TurnOutcome.Clarify => Outcome.Clarify,
                TurnOutcome.Answered => Outcome.Answered,
                _ => Outcome.Failed,
            },
            Reply = result.Reply,
            Confidence = result.Confidence,
            InteractionId = result.InteractionId,
            Timings = new Timings
            {
                UnderstandingMs = result.Understanding.TotalMilliseconds,
                ExecutionMs = result.Execution.TotalMilliseconds,
                TotalMs = result.Total.TotalMilliseconds,
            },
        };
        foreach (var action in result.Actions)
        {
            var message = new ActionResult
            {
                Function = action.Function ?? "",
                Call = action.Call,
                Status = action.Status switch
                {
                    Conversations.ActionStatus.Accepted => V1.ActionStatus.Accepted,
                    Conversations.ActionStatus.Refused => V1.ActionStatus.Refused,
                    Conversations.ActionStatus.Answered => V1.ActionStatus.Answered,
                    _ => V1.ActionStatus.Failed,
                },
                Reason = action.Reason ?? "",
            };
            message.Targets.AddRange(action.Targets.Select(target => new Target { Path = target.Path, Value = KuksaValues.Format(target.Value) }));
            response.Actions.Add(message);
        }

        return response;
    }

    public static Report ToReport(AccuracyReport report)
    {
        var message = new Report
        {
            Interactions = (uint)report.Interactions,
            Labelled = (uint)report.Labelled,
            Overall = ToTally(report.Overall),
        };
        foreach (var (domain, tally) in report.ByDomain)
        {
            message.ByDomain[domain] = ToTally(tally);
        }

        foreach (var (language, tally) in report.ByLanguage)
        {
            message.ByLanguage[language] = ToTally(tally);
        }

        foreach (var (outcome, count) in report.Outcomes)
        {
            message.Outcomes[outcome] = (uint)count;
        }

        foreach (var (stage, latency) in report.LatencyMs)
        {
            message.Latency[stage] = new LatencyPercentiles { P50Ms = latency.P50, P95Ms = latency.P95, P99Ms = latency.P99, MaxMs = latency.Max };
        }

        message.Worst.AddRange(report.Worst.Select(worst => new WorstUtterance
        {
            Transcript = worst.Transcript,
            Language = worst.Language,
            Times = (uint)worst.Times,
            ModelOutput = worst.ModelOutput,
            Outcome = worst.Outcome,
        }));
        return message;
    }

    private static Tally ToTally(AccuracyReport.Tally tally) => new() { Total = (uint)tally.Total, Correct = (uint)tally.Correct, Accuracy = tally.Accuracy };
}
