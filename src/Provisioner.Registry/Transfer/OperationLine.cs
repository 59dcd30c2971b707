using Provisioner.Core.Tenants;

namespace Provisioner.Registry.Transfer;

/// <summary>A journaled operation and its steps, on one line (ids are the store's own and are not exported).</summary>
internal sealed record OperationLine(
    string Type, string Tenant, string Kind, string Status, string Detail, int Pid, DateTimeOffset StartedAt, DateTimeOffset? FinishedAt, string? Error,
    IReadOnlyList<StepLine> Steps)
{
    public const string Marker = "operation";

    public static OperationLine From(OperationRecord o) => new(
        Marker, o.Tenant, o.Kind, o.Status, o.Detail, o.Pid, o.StartedAt, o.FinishedAt, o.Error, o.Steps.Select(StepLine.From).ToList());

    public OperationRecord ToRecord() =>
        new(0, Tenant, Kind, Status, Detail, Pid, StartedAt, FinishedAt, Error, (Steps ?? []).Select(s => s.ToStep()).ToList());
}
