using System.Text.Json;
using System.Text.Json.Nodes;

namespace Provisioner.Docker.Edge;

/// <summary>
/// The edge's whole Caddy configuration (JSON, loaded through its admin API) as a pure function of the routes: one
/// HTTPS server on <see cref="ListenPort"/>, one route per host name (anything else is refused: no certificate, no
/// fallback), TLS from Caddy's own local CA (<c>tls internal</c>, never installed into a trust store), the SNI must
/// match the Host header, and the admin API on the container's loopback only. With the operator's certificate
/// (<see cref="EdgePem"/>), that one is loaded and served instead, and no certificate is issued.
/// </summary>
internal static class CaddyConfig
{
    /// <summary>The port Caddy listens on inside the edge container (unprivileged: the edge runs with no capabilities).</summary>
    public const int ListenPort = 8443;

    /// <summary>Where the admin API listens, inside the edge container only.</summary>
    public const string AdminAddress = "localhost:2019";

    /// <summary>Where the local CA's root certificate is, inside the edge container (its data volume).</summary>
    public const string RootCertificate = "/data/caddy/pki/authorities/local/root.crt";

    public static string Build(IEnumerable<EdgeRoute> routes, EdgePem? certificate = null)
    {
        var sorted = routes.OrderBy(r => r.Host, StringComparer.Ordinal).ToList();
        var routeArray = new JsonArray();
        foreach (var route in sorted)
        {
            routeArray.Add((JsonNode)new JsonObject
            {
                ["@id"] = $"tenant-{route.Tenant}",
                ["match"] = new JsonArray(new JsonObject { ["host"] = new JsonArray(route.Host) }),
                ["handle"] = new JsonArray(new JsonObject
                {
                    ["handler"] = "reverse_proxy",
                    ["upstreams"] = new JsonArray(new JsonObject { ["dial"] = route.Upstream }),
                    // A dial that fails (the upstream's name between two containers for a moment, during a quiet
                    // upgrade's switch, or an app restarting) is tried again for a while before the client gets a 502.
                    ["load_balancing"] = new JsonObject { ["try_duration"] = "5s", ["try_interval"] = "100ms" },
                }),
                ["terminal"] = true,
            });
        }

        // Last: a name that is no tenant's. With the edge's own CA it never gets here (no certificate, the handshake
        // fails); an operator's wildcard certificate lets the handshake pass, so it is answered 421, never proxied.
        routeArray.Add((JsonNode)new JsonObject
        {
            ["@id"] = "no-tenant",
            ["handle"] = new JsonArray(new JsonObject { ["handler"] = "static_response", ["status_code"] = 421, ["body"] = "no tenant answers at this name\n" }),
            ["terminal"] = true,
        });

        var config = new JsonObject
        {
            ["admin"] = new JsonObject { ["listen"] = AdminAddress },
            ["logging"] = new JsonObject { ["logs"] = new JsonObject { ["default"] = new JsonObject { ["level"] = "WARN" } } },
            ["apps"] = new JsonObject
            {
                ["http"] = new JsonObject
                {
                    ["servers"] = new JsonObject
                    {
                        ["edge"] = new JsonObject
                        {
                            ["listen"] = new JsonArray($":{ListenPort}"),
                            ["strict_sni_host"] = true,
                            ["automatic_https"] = certificate is null
                                ? new JsonObject { ["disable_redirects"] = true }
                                : new JsonObject { ["disable_redirects"] = true, ["skip_certificates"] = new JsonArray([.. sorted.Select(r => (JsonNode)r.Host)]) },
                            ["tls_connection_policies"] = new JsonArray(new JsonObject()),
                            ["routes"] = routeArray,
                        },
                    },
                },
                ["tls"] = certificate is null ? LocalCa() : Loaded(certificate),
            },
        };
        if (certificate is null)
        {
            config["apps"]!["pki"] = new JsonObject
            {
                ["certificate_authorities"] = new JsonObject
                {
                    ["local"] = new JsonObject { ["name"] = "provision edge CA", ["install_trust"] = false },
                },
            };
        }

        return config.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
    }

    private static JsonObject LocalCa() => new()
    {
        ["automation"] = new JsonObject
        {
            ["policies"] = new JsonArray(new JsonObject
            {
                ["issuers"] = new JsonArray(new JsonObject { ["module"] = "internal", ["ca"] = "local" }),
            }),
        },
    };

    private static JsonObject Loaded(EdgePem certificate) => new()
    {
        ["certificates"] = new JsonObject
        {
            ["load_pem"] = new JsonArray(new JsonObject { ["certificate"] = certificate.Certificate, ["key"] = certificate.Key, ["tags"] = new JsonArray("operator") }),
        },
    };
}
