using System.Text.Json;

namespace Provisioner.Aws.Pulumi;

/// <summary>Parses one streamed JSON event line. Lines that are not events (blank, or text on an old CLI) give null.</summary>
internal static class EngineEventParser
{
    private static readonly string[] Kinds =
    [
        "resourcePreEvent", "resOutputsEvent", "resOpFailedEvent", "diagnosticEvent", "summaryEvent", "preludeEvent",
        "stdoutEvent", "cancelEvent", "policyEvent", "errorEvent",
    ];

    public static EngineEvent? Parse(string line)
    {
        if (string.IsNullOrWhiteSpace(line) || line.TrimStart()[0] != '{')
        {
            return null;
        }

        try
        {
            using var doc = JsonDocument.Parse(line);
            var root = doc.RootElement;
            var sequence = root.TryGetProperty("sequence", out var s) && s.ValueKind == JsonValueKind.Number ? s.GetInt32() : 0;
            foreach (var kind in Kinds)
            {
                if (root.TryGetProperty(kind, out var body) && body.ValueKind == JsonValueKind.Object)
                {
                    return Read(sequence, kind, body);
                }
            }

            return new EngineEvent(sequence, "unknown");
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static EngineEvent Read(int sequence, string kind, JsonElement body)
    {
        var e = new EngineEvent(sequence, kind);
        if (body.TryGetProperty("metadata", out var meta) && meta.ValueKind == JsonValueKind.Object)
        {
            e = e with { Op = Text(meta, "op"), Urn = Text(meta, "urn"), Type = Text(meta, "type") };
        }

        if (kind is "diagnosticEvent" or "errorEvent" or "stdoutEvent")
        {
            e = e with { Message = Text(body, "message")?.Trim(), Severity = Text(body, "severity"), Urn = Text(body, "urn") };
        }

        if (kind == "summaryEvent" && body.TryGetProperty("resourceChanges", out var changes) && changes.ValueKind == JsonValueKind.Object)
        {
            e = e with
            {
                ResourceChanges = changes.EnumerateObject()
                    .Where(p => p.Value.ValueKind == JsonValueKind.Number)
                    .ToDictionary(p => p.Name, p => p.Value.GetInt32()),
            };
        }

        return e;
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
}
