using System.Globalization;
using Provisioner.Core.Errors;

namespace Provisioner.Cli.Hosting;

/// <summary>
/// The edge settings from provisioner.yaml's <c>edge:</c> and the environment (which wins). On by default
/// (<see cref="EdgeSettings.Local"/>, used when neither names an edge nor the home recorded one); off with
/// PROVISIONER_EDGE=off or <c>edge: { enabled: false }</c>.
/// </summary>
internal static class EdgeSetup
{
    /// <summary>PROVISIONER_EDGE=off (or <c>edge: { enabled: false }</c>): the edge is off for this run, even one the home recorded.</summary>
    public static bool Off(ProvisionerConfig config) =>
        Environment.GetEnvironmentVariable("PROVISIONER_EDGE") is { Length: > 0 } value
            ? value is "off" or "false" or "0"
            : config.Edge?.Enabled == false;

    /// <summary>
    /// The edge used when nothing names one and the home recorded none (with $PROVISIONER_EDGE_PORT and
    /// $PROVISIONER_EDGE_NAME applied); null when the edge is turned off.
    /// </summary>
    public static EdgeSettings? Default(ProvisionerConfig config) => Off(config)
        ? null
        : EdgeSettings.Local with { Port = EnvPort() ?? EdgeSettings.Local.Port, Name = Env("PROVISIONER_EDGE_NAME") ?? EdgeSettings.Local.Name };

    /// <summary>
    /// The edge provisioner.yaml's <c>edge:</c> or $PROVISIONER_EDGE_DOMAIN names (an <c>edge:</c> without a domain is the
    /// default domain with its other settings); null when neither does (a port or name alone in the environment then
    /// applies to the default, not to an edge the home recorded), or the edge is off.
    /// </summary>
    public static EdgeSettings? Settings(ProvisionerConfig config)
    {
        if (Off(config) || (Env("PROVISIONER_EDGE_DOMAIN") is null && config.Edge is null))
        {
            return null;
        }

        var port = EnvPort() ?? config.Edge?.Port ?? EdgeSettings.Local.Port;

        var (certificate, key) = (config.Edge?.Certificate, config.Edge?.Key);
        if ((certificate is null) != (key is null) || (certificate is null && config.Edge?.Ca is not null))
        {
            throw new BadInputException(
                $"{ConfigLoader.Where(config, "edge")}: edge.certificate and edge.key go together (edge.ca only with them)",
                "e.g. edge: { domain: tenants.example.com, certificate: /etc/provision/edge.pem, key: /etc/provision/edge.key }, or none of them for the edge's own CA");
        }

        return new EdgeSettings
        {
            Domain = Env("PROVISIONER_EDGE_DOMAIN") ?? config.Edge?.Domain ?? EdgeSettings.Local.Domain,
            Port = port,
            Name = Env("PROVISIONER_EDGE_NAME") ?? config.Edge?.Name ?? EdgeSettings.Local.Name,
            CertificateFile = Absolute(config, certificate),
            KeyFile = Absolute(config, key),
            CaFile = Absolute(config, config.Edge?.Ca),
        };
    }

    /// <summary>A path from provisioner.yaml, relative to the file's folder.</summary>
    private static string? Absolute(ProvisionerConfig config, string? path) =>
        path is null ? null : Path.GetFullPath(path, Path.GetDirectoryName(Path.GetFullPath(config.SourceFile ?? "provisioner.yaml"))!);

    private static int? EnvPort() => Env("PROVISIONER_EDGE_PORT") is not { } text
        ? null
        : int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var port)
            ? port
            : throw new BadInputException($"PROVISIONER_EDGE_PORT '{text}' is not a port number", "give 1-65535, e.g. 8443");

    private static string? Env(string name) => Environment.GetEnvironmentVariable(name) is { Length: > 0 } value ? value : null;
}
