namespace Provisioner.Core.Tenants;

/// <summary>One step of an operation, recorded as <c>running</c> before it starts.</summary>
public sealed record OperationStep(long Id, int Seq, string Name, string Status, string Detail, DateTimeOffset StartedAt, DateTimeOffset? FinishedAt);
