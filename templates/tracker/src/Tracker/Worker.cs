using System.Globalization;
using Npgsql;
using Tracker.Redis;

namespace Tracker;

/// <summary>
/// The background worker: BRPOP a job (an item id) from Redis, summarise the item, mark it processed. Each loop iteration
/// first checks the database's schema and writes the heartbeat, so the heartbeat means "Redis and the database answered
/// within the last few seconds". Reconnects with backoff; every 30 s it also picks up items left queued (a job lost
/// with a Redis restart, or popped by a worker that died).
/// </summary>
internal sealed class Worker(TrackerSettings settings, NpgsqlDataSource dataSource, ItemStore store, SchemaFeatures features, Action? processed = null)
{
    private const int PopSeconds = 5;
    private static readonly TimeSpan ConnectTimeout = TimeSpan.FromSeconds(3);
    private static readonly TimeSpan SweepEvery = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan StaleAfter = TimeSpan.FromSeconds(15);
    private const int SweepLimit = 100;

    private readonly Backoff backoff = new();
    private DateTimeOffset nextSweep = DateTimeOffset.MinValue;
    private string? lastProblem;

    public async Task RunAsync(CancellationToken stop)
    {
        Log($"tracker {AppVersion.Current} worker: queue {settings.RedisHost}:{settings.RedisPort} ({QueueKeys.Jobs}), database {settings.DbUser}@{settings.DbHost}:{settings.DbPort}/{settings.DbName}, schema {features.Schema}");
        while (!stop.IsCancellationRequested)
        {
            try
            {
                await using var redis = await RespConnection.ConnectAsync(settings.RedisHost, settings.RedisPort, ConnectTimeout, stop).ConfigureAwait(false);
                while (!stop.IsCancellationRequested)
                {
                    await RequireSchemaAsync(stop).ConfigureAwait(false);
                    await redis.SetAsync(QueueKeys.Heartbeat, DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture), stop)
                        .ConfigureAwait(false);
                    await SweepIfDueAsync().ConfigureAwait(false);
                    var job = await redis.BRPopAsync(QueueKeys.Jobs, PopSeconds, stop).ConfigureAwait(false);
                    Recovered();   // a whole iteration worked
                    if (job is not null)
                    {
                        await ProcessAsync(job).ConfigureAwait(false);
                    }
                }
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                break;
            }
            catch (Exception e) when (e is RedisException or NpgsqlException or InvalidOperationException or TimeoutException or SchemaBehindException)
            {
                var delay = backoff.Next();
                Problem(Errors.Describe(e), delay);
                try
                {
                    await Task.Delay(delay, stop).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    break;
                }
            }
        }
    }

    private async Task RequireSchemaAsync(CancellationToken ct)
    {
        await using var connection = await Database.OpenAsync(dataSource, ct).ConfigureAwait(false);
        var current = await Schema.CurrentVersionAsync(connection, ct).ConfigureAwait(false);
        // A newer schema is fine: migrations only add, and this worker only touches the columns it knows.
        if (current < features.Schema)
        {
            throw new SchemaBehindException(current, features.Schema);
        }
    }

    // A job in flight is finished even when a stop is requested (it takes milliseconds); the database's own timeouts bound it.
    private async Task ProcessAsync(string job)
    {
        if (!long.TryParse(job, NumberStyles.None, CultureInfo.InvariantCulture, out var id))
        {
            Log($"dropped job '{job}': not an item id");
            return;
        }

        if (await store.GetAsync(id, CancellationToken.None).ConfigureAwait(false) is not { } item)
        {
            Log($"dropped job {id}: no such item");
            return;
        }

        var words = features.Words ? Summaries.WordCount(item.Title) : (int?)null;
        var summary = Summaries.For(item.Title, item.Attachment, words);
        if (await store.CompleteAsync(id, summary, words, CancellationToken.None).ConfigureAwait(false))
        {
            Log($"processed item {id}: {summary}");
            processed?.Invoke();
        }
        else
        {
            Log($"dropped job {id}: the item was deleted meanwhile");
        }
    }

    private async Task SweepIfDueAsync()
    {
        if (DateTimeOffset.UtcNow < nextSweep)
        {
            return;
        }

        nextSweep = DateTimeOffset.UtcNow + SweepEvery;
        var stale = await store.StaleQueuedAsync(StaleAfter, SweepLimit, CancellationToken.None).ConfigureAwait(false);
        if (stale.Count > 0)
        {
            Log($"{stale.Count} item(s) queued for more than {StaleAfter.TotalSeconds:0} s without a job: processing them");
            foreach (var id in stale)
            {
                await ProcessAsync(id.ToString(CultureInfo.InvariantCulture)).ConfigureAwait(false);
            }
        }
    }

    // One line per distinct problem, not one per retry.
    private void Problem(string message, TimeSpan delay)
    {
        if (message != lastProblem)
        {
            Log($"waiting: {message} (retrying with backoff, first in {delay.TotalSeconds:0.#} s)");
            lastProblem = message;
        }
    }

    private void Recovered()
    {
        if (lastProblem is not null)
        {
            Log("queue and database answer again: working");
            lastProblem = null;
        }

        backoff.Reset();
    }

    private static void Log(string message) =>
        Console.WriteLine($"{DateTimeOffset.UtcNow:yyyy-MM-ddTHH:mm:ssZ} {message}");
}
