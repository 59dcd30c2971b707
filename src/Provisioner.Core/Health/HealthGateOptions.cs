namespace Provisioner.Core.Health;

/// <summary>How long and how often the health gate tries. Defaults suit a tenant starting on a local engine.</summary>
public sealed record HealthGateOptions
{
    /// <summary>Give up after this long. Default 120 s (configurable as <c>health.deadline</c>).</summary>
    public TimeSpan Deadline { get; init; } = TimeSpan.FromSeconds(120);

    /// <summary>First delay between attempts, doubling up to <see cref="MaxDelay"/>. Default 100 ms.</summary>
    public TimeSpan Delay { get; init; } = TimeSpan.FromMilliseconds(100);

    /// <summary>Longest delay between attempts. Default 250 ms: probes are cheap, and a tenant is usually ready within seconds.</summary>
    public TimeSpan MaxDelay { get; init; } = TimeSpan.FromMilliseconds(250);

    /// <summary>Time allowed to one probe attempt. Default 5 s.</summary>
    public TimeSpan ProbeTimeout { get; init; } = TimeSpan.FromSeconds(5);

    public HealthGateOptions Validate()
    {
        var errors = new List<string>();
        if (Deadline < TimeSpan.FromSeconds(1))
        {
            errors.Add($"health.deadline must be at least 1 s (got {Deadline.TotalSeconds:0.###} s)");
        }

        if (Delay <= TimeSpan.Zero || MaxDelay < Delay)
        {
            errors.Add("health delays must be positive, with maxDelay >= delay");
        }

        if (ProbeTimeout <= TimeSpan.Zero)
        {
            errors.Add("health.probeTimeout must be positive");
        }

        return errors.Count == 0 ? this : throw new Errors.BadInputException(string.Join("; ", errors));
    }
}
