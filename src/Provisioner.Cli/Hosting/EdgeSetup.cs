using System.Globalization;
using Provisioner.Core.Errors;

namespace Provisioner.Cli.Hosting;

/// <summary>
/// The edge settings from provisioner.yaml's <c>edge:</c> and the environment (which wins): on when a domain is given by
/// either, off otherwise or with PROVISIONER_EDGE=off.
/// </summary>
internal static class EdgeSetup
{
    /// <summary>PROVISIONER_EDGE=off: the edge is off for this run, even one the home recorded.</summary>
    public static bool Off => Environment.GetEnvironmentVariable("PROVISIONER_EDGE") is "off" or "false" or "0";

    public static EdgeSettings? Settings(ProvisionerConfig config)
    {
        if (Off)
        {
            return null;
        }

        var domain = Env("PROVISIONER_EDGE_DOMAIN") ?? config.Edge?.Domain;
        if (domain is null)
        {
            if (config.Edge is not null)
            {
                throw new BadInputException($"{ConfigLoader.Where(config, "edge")}: edge needs a domain", "e.g. edge: { domain: tenants.test, port: 8443 }, or remove edge: to leave it off");
            }

            return null;
        }

        var port = config.Edge?.Port ?? 8443;
        if (Env("PROVISIONER_EDGE_PORT") is { } text)
        {
            port = int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var p)
                ? p
                : throw new BadInputException($"PROVISIONER_EDGE_PORT '{text}' is not a port number", "give 1-65535, e.g. 8443");
        }

        var (certificate, key) = (config.Edge?.Certificate, config.Edge?.Key);
        if ((certificate is null) != (key is null) || (certificate is null && config.Edge?.Ca is not null))
        {
            throw new BadInputException(
                $"{ConfigLoader.Where(config, "edge")}: edge.certificate and edge.key go together (edge.ca only with them)",
                "e.g. edge: { domain: tenants.example.com, certificate: /etc/provision/edge.pem, key: /etc/provision/edge.key }, or none of them for the edge's own CA");
        }

        return new EdgeSettings
        {
            Domain = domain,
            Port = port,
            Name = Env("PROVISIONER_EDGE_NAME") ?? config.Edge?.Name ?? "provision-edge",
            CertificateFile = Absolute(config, certificate),
            KeyFile = Absolute(config, key),
            CaFile = Absolute(config, config.Edge?.Ca),
        };
    }

    /// <summary>A path from provisioner.yaml, relative to the file's folder.</summary>
    private static string? Absolute(ProvisionerConfig config, string? path) =>
        path is null ? null : Path.GetFullPath(path, Path.GetDirectoryName(Path.GetFullPath(config.SourceFile ?? "provisioner.yaml"))!);

    private static string? Env(string name) => Environment.GetEnvironmentVariable(name) is { Length: > 0 } value ? value : null;
}
