namespace Provisioner.Cli.Hosting;

/// <summary><c>ports:</c> the host port range handed to tenant entry points (default 20000-29999).</summary>
public sealed class PortSettings
{
    public int? First { get; set; }

    public int? Last { get; set; }
}
