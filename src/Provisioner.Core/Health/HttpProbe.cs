using Provisioner.Core.Templates;

namespace Provisioner.Core.Health;

/// <summary>GET a path on the tenant's endpoint; passes when the status code is the expected one.</summary>
public sealed class HttpProbe(HttpClient http, TimeProvider time) : IHealthProbe
{
    public bool CanProbe(HealthCheckSpec check) => check is HttpCheckSpec;

    public async Task<ProbeResult> ProbeAsync(HealthCheckSpec check, ProbeTarget target, CancellationToken ct)
    {
        var spec = (HttpCheckSpec)check;
        var start = time.GetTimestamp();
        if (target.Endpoint is null)
        {
            return ProbeResult.Fail("the tenant has no endpoint", TimeSpan.Zero);
        }

        try
        {
            using var response = await http.GetAsync(new Uri(target.Endpoint, spec.Path), ct);
            var body = await response.Content.ReadAsStringAsync(ct);
            var output = $"HTTP {(int)response.StatusCode} {Truncate(body)}";
            return (int)response.StatusCode == spec.Expect
                ? ProbeResult.Pass(output, time.GetElapsedTime(start))
                : ProbeResult.Fail($"expected {spec.Expect}, got {output}", time.GetElapsedTime(start));
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !ct.IsCancellationRequested)
        {
            return ProbeResult.Fail($"GET {spec.Path}: {e.Message}", time.GetElapsedTime(start));
        }
    }

    internal static string Truncate(string text, int max = 300)
    {
        text = text.ReplaceLineEndings(" ").Trim();
        return text.Length <= max ? text : text[..max] + "...";
    }
}
