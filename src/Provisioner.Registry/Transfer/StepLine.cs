using Provisioner.Core.Tenants;

namespace Provisioner.Registry.Transfer;

/// <summary>One step of an exported operation.</summary>
internal sealed record StepLine(int Seq, string Name, string Status, string Detail, DateTimeOffset StartedAt, DateTimeOffset? FinishedAt)
{
    public static StepLine From(OperationStep s) => new(s.Seq, s.Name, s.Status, s.Detail, s.StartedAt, s.FinishedAt);

    public OperationStep ToStep() => new(0, Seq, Name, Status, Detail, StartedAt, FinishedAt);
}
