using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Provisioner.Cli.Tests.Integration.Rotation;

/// <summary>
/// Customers of a notes tenant: <c>workers</c> loops, each doing the notes round trip (write a note, read it back, delete
/// it) against the published port, <c>pause</c> apart, until stopped, <c>roundTrips</c> done each, or <c>limit</c>
/// requests sent in all. Every request that does not get its expected status is a failure, with what came back.
/// </summary>
internal sealed class NotesClientLoop(string endpoint, int workers, int limit, TimeSpan pause, int roundTrips = int.MaxValue)
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(30) };
    private readonly List<string> _failures = [];
    private int _sent;

    public int Sent => Volatile.Read(ref _sent);

    public IReadOnlyList<string> Failures
    {
        get
        {
            lock (_failures)
            {
                return [.. _failures];
            }
        }
    }

    public Task RunAsync(CancellationToken stop) => Task.WhenAll(Enumerable.Range(0, workers).Select(w => Task.Run(() => WorkerAsync(w, stop), CancellationToken.None)));

    private async Task WorkerAsync(int worker, CancellationToken stop)
    {
        for (var i = 0; i < roundTrips && !stop.IsCancellationRequested; i++)
        {
            if (i > 0)
            {
                await Task.Delay(pause, CancellationToken.None);
            }

            var body = $"rotation probe {worker}-{i}";
            using var created = await SendAsync(() => Http.PostAsJsonAsync($"{endpoint}/api/notes", new { body }), HttpStatusCode.Created, "POST");
            if (created is null)
            {
                continue;
            }

            var id = JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetInt64();
            using var read = await SendAsync(() => Http.GetAsync($"{endpoint}/api/notes/{id}"), HttpStatusCode.OK, "GET");
            using var deleted = await SendAsync(() => Http.DeleteAsync($"{endpoint}/api/notes/{id}"), HttpStatusCode.NoContent, "DELETE");
        }
    }

    private async Task<HttpResponseMessage?> SendAsync(Func<Task<HttpResponseMessage>> send, HttpStatusCode expected, string what)
    {
        if (Interlocked.Increment(ref _sent) > limit)
        {
            Interlocked.Decrement(ref _sent);
            await Task.Delay(50);
            return null;
        }

        try
        {
            var response = await send();
            if (response.StatusCode == expected)
            {
                return response;
            }

            Fail($"{what}: HTTP {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            response.Dispose();
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            Fail($"{what}: {e.Message}");
        }

        return null;
    }

    private void Fail(string failure)
    {
        lock (_failures)
        {
            _failures.Add(failure);
        }
    }
}
