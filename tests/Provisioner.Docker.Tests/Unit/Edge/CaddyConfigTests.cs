using System.Text.Json;
using Provisioner.Docker.Edge;

namespace Provisioner.Docker.Tests.Unit.Edge;

/// <summary>The edge's Caddy configuration as a pure function of its routes.</summary>
public sealed class CaddyConfigTests
{
    private static readonly EdgeRoute Acme = new("acme", "acme.tenants.test", "t-acme-app:8080", "t-acme-edge");
    private static readonly EdgeRoute Beta = new("beta", "beta.tenants.test", "t-beta-web:8080", "t-beta-edge");

    [Fact]
    public void Build_OneRoutePerHost_ToItsOwnUpstream_SortedByHost()
    {
        using var doc = JsonDocument.Parse(CaddyConfig.Build([Beta, Acme]));

        var routes = Server(doc).GetProperty("routes").EnumerateArray().ToList();
        Assert.Equal(3, routes.Count);
        Assert.Equal("acme.tenants.test", routes[0].GetProperty("match")[0].GetProperty("host")[0].GetString());
        Assert.Equal("t-acme-app:8080", routes[0].GetProperty("handle")[0].GetProperty("upstreams")[0].GetProperty("dial").GetString());
        Assert.Equal("beta.tenants.test", routes[1].GetProperty("match")[0].GetProperty("host")[0].GetString());
        Assert.Equal("t-beta-web:8080", routes[1].GetProperty("handle")[0].GetProperty("upstreams")[0].GetProperty("dial").GetString());
        Assert.All(routes, r => Assert.True(r.GetProperty("terminal").GetBoolean()));
        AssertNoTenantLast(routes);
    }

    [Fact]
    public void Build_SameRoutesInAnyOrder_SameText()
    {
        Assert.Equal(CaddyConfig.Build([Acme, Beta]), CaddyConfig.Build([Beta, Acme]));
    }

    [Fact]
    public void Build_TlsFromTheLocalCa_NotInstalledAnywhere_SniMustMatchHost_NoRedirectListener()
    {
        using var doc = JsonDocument.Parse(CaddyConfig.Build([Acme]));

        var server = Server(doc);
        Assert.Equal(":8443", server.GetProperty("listen")[0].GetString());
        Assert.True(server.GetProperty("strict_sni_host").GetBoolean());
        Assert.True(server.GetProperty("automatic_https").GetProperty("disable_redirects").GetBoolean());
        var apps = doc.RootElement.GetProperty("apps");
        Assert.Equal("internal", apps.GetProperty("tls").GetProperty("automation").GetProperty("policies")[0].GetProperty("issuers")[0].GetProperty("module").GetString());
        Assert.False(apps.GetProperty("pki").GetProperty("certificate_authorities").GetProperty("local").GetProperty("install_trust").GetBoolean());
        Assert.Equal("localhost:2019", doc.RootElement.GetProperty("admin").GetProperty("listen").GetString());
    }

    [Fact]
    public void Build_NoRoutes_StillAnHttpsServerThatServesNothing()
    {
        using var doc = JsonDocument.Parse(CaddyConfig.Build([]));

        AssertNoTenantLast([.. Server(doc).GetProperty("routes").EnumerateArray()]);
        Assert.Single(Server(doc).GetProperty("tls_connection_policies").EnumerateArray());
    }

    /// <summary>The last route matches anything and answers 421 (never proxies): a name that is no tenant's.</summary>
    private static void AssertNoTenantLast(IReadOnlyList<JsonElement> routes)
    {
        var last = routes[^1];
        Assert.False(last.TryGetProperty("match", out _));
        var handler = Assert.Single(last.GetProperty("handle").EnumerateArray());
        Assert.Equal(("static_response", 421), (handler.GetProperty("handler").GetString(), handler.GetProperty("status_code").GetInt32()));
        Assert.Single(routes, r => !r.TryGetProperty("match", out _));
    }

    [Fact]
    public void Build_OperatorCertificate_LoadedAndServed_NothingIssued_NoLocalCa()
    {
        using var doc = JsonDocument.Parse(CaddyConfig.Build([Beta, Acme], new EdgePem("CERT PEM", "KEY PEM")));

        var tls = doc.RootElement.GetProperty("apps").GetProperty("tls");
        var loaded = tls.GetProperty("certificates").GetProperty("load_pem")[0];
        Assert.Equal(("CERT PEM", "KEY PEM"), (loaded.GetProperty("certificate").GetString(), loaded.GetProperty("key").GetString()));
        Assert.False(tls.TryGetProperty("automation", out _));
        Assert.False(doc.RootElement.GetProperty("apps").TryGetProperty("pki", out _));
        var skipped = Server(doc).GetProperty("automatic_https").GetProperty("skip_certificates").EnumerateArray().Select(h => h.GetString());
        Assert.Equal(["acme.tenants.test", "beta.tenants.test"], skipped);
        Assert.True(Server(doc).GetProperty("strict_sni_host").GetBoolean());
    }

    private static JsonElement Server(JsonDocument doc) => doc.RootElement.GetProperty("apps").GetProperty("http").GetProperty("servers").GetProperty("edge");
}
