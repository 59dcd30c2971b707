using Polly;
using Polly.Retry;

namespace Provisioner.Docker.Engine;

/// <summary>
/// The retry used for idempotent requests (GET/HEAD, including <c>/_ping</c>): three attempts in all,
/// short exponential backoff, only for transport failures (connection refused, reset, socket missing).
/// </summary>
internal static class DockerRetryPipeline
{
    public const int MaxAttempts = 3;

    /// <summary>First backoff; later ones double (100 ms, 200 ms).</summary>
    public static readonly TimeSpan DefaultBaseDelay = TimeSpan.FromMilliseconds(100);

    public static ResiliencePipeline Create(TimeProvider timeProvider, TimeSpan baseDelay) =>
        new ResiliencePipelineBuilder { TimeProvider = timeProvider }
            .AddRetry(new RetryStrategyOptions
            {
                MaxRetryAttempts = MaxAttempts - 1,
                BackoffType = DelayBackoffType.Exponential,
                Delay = baseDelay,
                UseJitter = false,
                ShouldHandle = new PredicateBuilder()
                    .Handle<HttpRequestException>()
                    .Handle<IOException>(),
            })
            .Build();
}
