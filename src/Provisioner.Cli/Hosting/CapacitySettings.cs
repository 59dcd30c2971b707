namespace Provisioner.Cli.Hosting;

/// <summary>
/// <c>capacity:</c> in provisioner.yaml: <c>{ reserve: 10%, cpuOvercommit: 1.0, scope: engine }</c>. Environment variables
/// <c>PROVISIONER_CAPACITY_RESERVE</c>, <c>PROVISIONER_CPU_OVERCOMMIT</c> and <c>PROVISIONER_CAPACITY_SCOPE</c> win.
/// </summary>
public sealed class CapacitySettings
{
    /// <summary>Share of each host kept free: <c>10%</c> or <c>0.1</c>. Default 10%.</summary>
    public string? Reserve { get; set; }

    /// <summary>How many times the CPUs may be promised. Default 1.0.</summary>
    public string? CpuOvercommit { get; set; }

    /// <summary><c>engine</c> (every tenant on the engine counts, the default) or <c>registry</c> (only this registry's tenants).</summary>
    public string? Scope { get; set; }
}
