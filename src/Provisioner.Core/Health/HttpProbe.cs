using System.Net;
using System.Text.Json;
using Provisioner.Core.Backends;
using Provisioner.Core.Templates;
using Provisioner.Core.Templates.Journeys;

namespace Provisioner.Core.Health;

/// <summary>
/// One HTTP request to the tenant's entry (or, for another component, to its port at the address the backend gives);
/// passes on the expected status and, when declared, the body text or JSON field.
/// </summary>
internal sealed class HttpProbe(HttpClient http, TimeProvider time) : IHealthProbe
{
    public bool CanProbe(HealthCheckSpec check) => check is HttpCheckSpec;

    public async Task<ProbeResult> ProbeAsync(HealthCheckSpec check, ProbeTarget target, CancellationToken ct)
    {
        var spec = (HttpCheckSpec)check;
        var start = time.GetTimestamp();
        if (!target.Template.Component(spec.Component).IsEntry && target.Backend is IComponentAddresses { ComponentsReachableFromHere: false })
        {
            return ProbeResult.Fail(
                $"{spec.Component} is not the entry and its network is not reachable from this machine (behind the edge proxy, tenant networks are internal): check it with a tcp or exec check",
                TimeSpan.Zero);
        }

        var baseUri = await BaseAsync(spec, target, ct);
        if (baseUri is null)
        {
            return ProbeResult.Fail(target.Template.Component(spec.Component).IsEntry ? "the tenant has no endpoint" : $"{spec.Component} is not reachable", TimeSpan.Zero);
        }

        try
        {
            using var request = new HttpRequestMessage(new HttpMethod(spec.Method), new Uri(baseUri, spec.Path));
            using var response = await http.SendAsync(request, ct);
            var body = await response.Content.ReadAsStringAsync(ct);
            var output = $"HTTP {(int)response.StatusCode} {Truncate(body)}";
            return Verdict(spec, response.StatusCode, body) is { } failure
                ? ProbeResult.Fail($"{failure}; got {output}", time.GetElapsedTime(start))
                : ProbeResult.Pass(output, time.GetElapsedTime(start));
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !ct.IsCancellationRequested)
        {
            return ProbeResult.Fail($"{spec.Method} {spec.Path}: {e.Message}", time.GetElapsedTime(start));
        }
    }

    private static async Task<Uri?> BaseAsync(HttpCheckSpec spec, ProbeTarget target, CancellationToken ct)
    {
        var component = target.Template.Component(spec.Component);
        if (component.IsEntry)
        {
            return target.Endpoint;
        }

        var addresses = target.Backend.Require<IComponentAddresses>("reach a component's port from here (http check on a component that is not the entry)");
        var address = await addresses.AddressOfAsync(target.Tenant, spec.Component, ct);
        return address is null ? null : new Uri($"http://{(address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 ? $"[{address}]" : address)}:{component.Port}");
    }

    private static string? Verdict(HttpCheckSpec spec, HttpStatusCode status, string body)
    {
        if ((int)status != spec.Expect)
        {
            return $"expected {spec.Expect}";
        }

        if (spec.BodyContains is { } text && !body.Contains(text, StringComparison.Ordinal))
        {
            return $"expected the body to contain '{text}'";
        }

        if (spec.JsonPath is { } path)
        {
            try
            {
                using var doc = JsonDocument.Parse(body);
                var value = JsonPath.Select(doc.RootElement, path);
                return value == spec.JsonEquals ? null : $"expected {path} to be '{spec.JsonEquals}', it is {(value is null ? "missing" : $"'{value}'")}";
            }
            catch (JsonException)
            {
                return $"expected JSON with {path}";
            }
        }

        return null;
    }

    internal static string Truncate(string text, int max = 300)
    {
        text = text.ReplaceLineEndings(" ").Trim();
        return text.Length <= max ? text : text[..max] + "...";
    }
}
