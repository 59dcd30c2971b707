namespace Provisioner.Core.Templates;

/// <summary>One long-running part of a product (database, app, ...), in dependency order within a template.</summary>
public sealed record ComponentSpec(
    string Name,
    string Image,
    int? Port,
    IReadOnlyDictionary<string, string> Env,
    IReadOnlyDictionary<string, string> Volumes,
    IReadOnlyList<string> Secrets,
    IReadOnlyList<string> DependsOn,
    IReadOnlyList<HealthCheckSpec> Health,
    double CpuShare,
    double MemoryShare);
