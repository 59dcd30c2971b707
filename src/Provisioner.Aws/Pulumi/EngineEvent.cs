namespace Provisioner.Aws.Pulumi;

/// <summary>
/// One line of <c>pulumi up/destroy --json</c> (an <c>apitype.EngineEvent</c>), reduced to what progress and the journal need.
/// <see cref="Kind"/> is the event's field name: resourcePreEvent, resOutputsEvent, resOpFailedEvent, diagnosticEvent, summaryEvent, ...
/// </summary>
public sealed record EngineEvent(int Sequence, string Kind)
{
    /// <summary>create, update, replace, delete, same, read, ... (resource events).</summary>
    public string? Op { get; init; }

    public string? Urn { get; init; }

    /// <summary>The resource type token, e.g. <c>aws:ec2/vpc:Vpc</c>.</summary>
    public string? Type { get; init; }

    /// <summary>Diagnostic text (diagnosticEvent) with its severity (info, warning, error).</summary>
    public string? Message { get; init; }

    public string? Severity { get; init; }

    /// <summary>summaryEvent: count of resources per operation.</summary>
    public IReadOnlyDictionary<string, int> ResourceChanges { get; init; } = new Dictionary<string, int>();

    /// <summary>The logical name: the last <c>::</c> part of the URN.</summary>
    public string? Name => Urn is null ? null : Urn[(Urn.LastIndexOf("::", StringComparison.Ordinal) + 2)..];

    /// <summary>A resource step that changes something (not same/read/refresh).</summary>
    public bool IsChange => Op is not null and not "same" and not "read" and not "refresh" && Type != "pulumi:pulumi:Stack";
}
