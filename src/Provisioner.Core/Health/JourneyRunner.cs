using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Provisioner.Core.Templates.Journeys;
using Provisioner.Core.Templates.Values;

namespace Provisioner.Core.Health;

/// <summary>
/// Runs a journey declared in a template: each step's request against the tenant's entry, its expectations, its captures
/// for later steps; a step with <c>until</c> is repeated (bounded by <c>within</c>) until the field has the value.
/// </summary>
internal sealed class JourneyRunner(HttpClient http, TimeProvider time)
{
    /// <summary>Pause between the repeats of an <c>until</c> step.</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromMilliseconds(250);

    /// <summary>Runs the journey once; returns what it did, or throws <see cref="JourneyFailedException"/> naming the failing step.</summary>
    public async Task<string> RunAsync(JourneySpec journey, Uri endpoint, string tenant, CancellationToken ct)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["random"] = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6)),
            ["tenant.name"] = tenant,
        };
        for (var i = 0; i < journey.Steps.Count; i++)
        {
            var step = journey.Steps[i];
            var label = $"step {i + 1} ({step.Method} {Expand(step.Path, values)})";
            await RunStepAsync(step, endpoint, values, label, ct);
        }

        return $"{journey.Steps.Count} step(s) passed";
    }

    private async Task RunStepAsync(JourneyStep step, Uri endpoint, Dictionary<string, string> values, string label, CancellationToken ct)
    {
        var started = time.GetTimestamp();
        while (true)
        {
            var (status, body) = await SendAsync(step, endpoint, values, label, ct);
            JsonElement? json = TryJson(body);
            if (step.Until is { } until && status == step.ExpectStatus)
            {
                var now = json is { } j ? JsonPath.Select(j, until.Path) : null;
                var wanted = Expand(until.Value, values);
                if (now != wanted)
                {
                    if (time.GetElapsedTime(started) >= step.Within)
                    {
                        throw new JourneyFailedException(
                            $"{label}: {until.Path} was {(now is null ? "missing" : $"'{now}'")}, still not '{wanted}' after {step.Within.TotalSeconds:0.#} s");
                    }

                    await Task.Delay(PollInterval, time, ct);
                    continue;
                }
            }

            Expect(step, status, body, json, values, label);
            foreach (var (name, path) in step.Capture)
            {
                values[name] = (json is { } j ? JsonPath.Select(j, path) : null)
                    ?? throw new JourneyFailedException($"{label}: nothing at {path} to capture as {name} in {HttpProbe.Truncate(body)}");
            }

            return;
        }
    }

    private async Task<(int Status, string Body)> SendAsync(JourneyStep step, Uri endpoint, Dictionary<string, string> values, string label, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(new HttpMethod(step.Method), new Uri(endpoint, Expand(step.Path, values)));
        if (step.Body is { } body)
        {
            var text = step.ContentType == "application/json" ? ValueText.Expand(body, n => values.GetValueOrDefault(n), ValueText.JsonEscape) : Expand(body, values);
            request.Content = new StringContent(text, Encoding.UTF8);
            request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(step.ContentType ?? "text/plain");
        }

        foreach (var (name, value) in step.Headers)
        {
            request.Headers.TryAddWithoutValidation(name, Expand(value, values));
        }

        try
        {
            using var response = await http.SendAsync(request, ct);
            return ((int)response.StatusCode, await response.Content.ReadAsStringAsync(ct));
        }
        catch (HttpRequestException e)
        {
            throw new JourneyFailedException($"{label}: {e.Message}");
        }
    }

    private static void Expect(JourneyStep step, int status, string body, JsonElement? json, Dictionary<string, string> values, string label)
    {
        if (status != step.ExpectStatus)
        {
            throw new JourneyFailedException($"{label}: expected {step.ExpectStatus}, got {status} {HttpProbe.Truncate(body)}");
        }

        foreach (var (path, expected) in step.ExpectJson)
        {
            var wanted = Expand(expected, values);
            var actual = json is { } j ? JsonPath.Select(j, path) : null;
            if (actual != wanted)
            {
                throw new JourneyFailedException($"{label}: expected {path} to be '{wanted}', it is {(actual is null ? "missing" : $"'{HttpProbe.Truncate(actual)}'")}");
            }
        }

        if (step.ExpectBody is { } exact && body != Expand(exact, values))
        {
            throw new JourneyFailedException($"{label}: expected the body '{HttpProbe.Truncate(Expand(exact, values))}', got '{HttpProbe.Truncate(body)}'");
        }

        if (step.ExpectContains is { } part && !body.Contains(Expand(part, values), StringComparison.Ordinal))
        {
            throw new JourneyFailedException($"{label}: expected the body to contain '{Expand(part, values)}', got '{HttpProbe.Truncate(body)}'");
        }
    }

    private static string Expand(string text, Dictionary<string, string> values) => ValueText.Expand(text, n => values.GetValueOrDefault(n));

    private static JsonElement? TryJson(string body)
    {
        try
        {
            using var doc = JsonDocument.Parse(body);
            return doc.RootElement.Clone();
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
