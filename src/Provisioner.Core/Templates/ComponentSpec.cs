namespace Provisioner.Core.Templates;

/// <summary>
/// One long-running part of a product (database, queue, web app, worker), in dependency order within a template.
/// <see cref="Env"/> and <see cref="Command"/> may hold <c>${...}</c> values that the stamp fills in per tenant.
/// </summary>
public sealed record ComponentSpec(
    string Name,
    ComponentKind Kind,
    string Image,
    IReadOnlyList<string>? Command,
    int? Port,
    bool IsEntry,
    IReadOnlyDictionary<string, string> Env,
    IReadOnlyDictionary<string, string> Volumes,
    IReadOnlyList<string> Secrets,
    IReadOnlyList<string> DependsOn,
    IReadOnlyList<HealthCheckSpec> Health,
    double CpuShare,
    double MemoryShare,
    DataSpec? Data)
{
    /// <summary>Capabilities, writable paths, user and process limit of its containers (and of its jobs). Default: <see cref="SecuritySpec.Default"/>.</summary>
    public SecuritySpec Security { get; init; } = SecuritySpec.Default;

    /// <summary>
    /// Why this component needs a route out of its tenant (<c>egress: "sends mail through the customer's SMTP"</c>); it then
    /// also joins a network that is not internal. Default null: no route out (with the edge on, not even for the entry).
    /// </summary>
    public string? Egress { get; init; }

    /// <summary>The volume mounted at <paramref name="path"/>, if any.</summary>
    public string? VolumeAt(string path) => Volumes.FirstOrDefault(v => v.Value == path).Key;
}
