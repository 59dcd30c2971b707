namespace Provisioner.Docker.Backend;

/// <summary>A container created with more CPU than its size allows for its first start, and the limit and weight it returns to.</summary>
internal sealed record BoostedContainer(string Id, string Name, long NanoCpus, long CpuShares);
