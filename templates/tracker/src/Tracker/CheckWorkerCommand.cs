using System.Globalization;
using Tracker.Redis;

namespace Tracker;

/// <summary>
/// <c>tracker check-worker</c>, the worker's health check (run inside its container): exit 0 with
/// <c>worker alive (heartbeat Ns ago)</c> when the heartbeat is younger than 15 s, else exit 1 with the reason.
/// </summary>
internal static class CheckWorkerCommand
{
    private static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(15);
    private static readonly TimeSpan ConnectTimeout = TimeSpan.FromSeconds(2);

    public static async Task<int> RunAsync(TrackerSettings settings)
    {
        string? raw;
        try
        {
            await using var redis = await RespConnection.ConnectAsync(settings.RedisHost, settings.RedisPort, ConnectTimeout, CancellationToken.None)
                .ConfigureAwait(false);
            raw = await redis.GetAsync(QueueKeys.Heartbeat, CancellationToken.None).ConfigureAwait(false);
        }
        catch (RedisException e)
        {
            return NotAlive($"cannot read the heartbeat: {e.Message}");
        }

        if (raw is null)
        {
            return NotAlive($"no heartbeat in {settings.RedisHost}:{settings.RedisPort} ({QueueKeys.Heartbeat} is not set: no worker has reached its loop)");
        }

        if (!long.TryParse(raw, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var beat))
        {
            return NotAlive($"{QueueKeys.Heartbeat} is '{raw}', not unix seconds");
        }

        var age = Math.Max(0, DateTimeOffset.UtcNow.ToUnixTimeSeconds() - beat);
        if (age >= MaxAge.TotalSeconds)
        {
            return NotAlive($"last heartbeat {age}s ago (limit {MaxAge.TotalSeconds:0}s): the worker is stopped, stuck, or cannot reach the queue or the database");
        }

        Console.WriteLine($"worker alive (heartbeat {age}s ago)");
        return 0;
    }

    private static int NotAlive(string reason)
    {
        Console.WriteLine($"worker not alive: {reason}");
        return 1;
    }
}
