namespace Provisioner.Cli.Hosting;

/// <summary>The optional <c>provisioner.yaml</c>. Every key is optional; the defaults work on one local engine.</summary>
public sealed class ProvisionerConfig
{
    /// <summary>Folder of templates. Default: <c>./templates</c> if it exists, else the templates shipped with the binary.</summary>
    public string? Templates { get; set; }

    /// <summary>Docker engine address (<c>unix:///var/run/docker.sock</c>, <c>tcp://host:2375</c>). DOCKER_HOST wins over it.</summary>
    public string? Engine { get; set; }

    /// <summary>Template for new tenants when --template is not given. Default <c>notes</c> (newest version).</summary>
    public string? DefaultTemplate { get; set; }

    /// <summary>Address entry ports are published on. Default 127.0.0.1.</summary>
    public string? PublishAddress { get; set; }

    public HealthSection Health { get; set; } = new();

    public PortsSection Ports { get; set; } = new();

    /// <summary><c>health:</c> deadline and probe timeout, as <c>120s</c>, <c>2m</c> or seconds.</summary>
    public sealed class HealthSection
    {
        public string? Deadline { get; set; }

        public string? ProbeTimeout { get; set; }
    }

    /// <summary><c>ports:</c> the host port range handed to tenant entry points (default 20000-29999).</summary>
    public sealed class PortsSection
    {
        public int? First { get; set; }

        public int? Last { get; set; }
    }
}
