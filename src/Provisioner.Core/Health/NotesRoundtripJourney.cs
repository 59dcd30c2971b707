using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Provisioner.Core.Health;

/// <summary>What a notes customer does: write a note, read it back by id, then delete it so probes leave no data behind.</summary>
public sealed class NotesRoundtripJourney : IJourney
{
    public string Name => "notes-roundtrip";

    public async Task<string> RunAsync(HttpClient http, Uri endpoint, CancellationToken ct)
    {
        var body = $"probe {Guid.NewGuid():N}";
        using var created = await http.PostAsJsonAsync(new Uri(endpoint, "/api/notes"), new { body }, ct);
        if (created.StatusCode != HttpStatusCode.Created)
        {
            throw new JourneyFailedException($"POST /api/notes: expected 201, got {(int)created.StatusCode} {await Text(created, ct)}");
        }

        var id = (await created.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("id").GetInt64();
        using var read = await http.GetAsync(new Uri(endpoint, $"/api/notes/{id}"), ct);
        if (read.StatusCode != HttpStatusCode.OK)
        {
            throw new JourneyFailedException($"GET /api/notes/{id}: expected 200, got {(int)read.StatusCode} {await Text(read, ct)}");
        }

        var readBody = (await read.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("body").GetString();
        if (readBody != body)
        {
            throw new JourneyFailedException($"GET /api/notes/{id} returned body '{readBody}', expected '{body}'");
        }

        using var deleted = await http.DeleteAsync(new Uri(endpoint, $"/api/notes/{id}"), ct);
        if (deleted.StatusCode != HttpStatusCode.NoContent)
        {
            throw new JourneyFailedException($"DELETE /api/notes/{id}: expected 204, got {(int)deleted.StatusCode}");
        }

        return $"wrote note {id}, read it back, deleted it";
    }

    private static async Task<string> Text(HttpResponseMessage response, CancellationToken ct) =>
        HttpProbe.Truncate(await response.Content.ReadAsStringAsync(ct));
}
