namespace Provisioner.Cli.Hosting;

/// <summary><c>health:</c> deadline and probe timeout, as <c>120s</c>, <c>2m</c> or seconds.</summary>
public sealed class HealthSettings
{
    public string? Deadline { get; set; }

    public string? ProbeTimeout { get; set; }
}
