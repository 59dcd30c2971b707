using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;

namespace Provisioner.Docker.Engine;

/// <summary>
/// The retry of idempotent requests (GET and HEAD: list, inspect, ping, info): three attempts in all, short
/// exponential backoff (100 ms, 200 ms), and only for transport failures (socket missing, connection refused or
/// reset). An answer from the engine, even an error status, is never retried; neither is a timeout.
/// </summary>
internal static class EngineRetryPipeline
{
    public const int MaxAttempts = 3;

    /// <summary>First backoff; later ones double.</summary>
    public static readonly TimeSpan DefaultBaseDelay = TimeSpan.FromMilliseconds(100);

    public static ResiliencePipeline Create(TimeSpan baseDelay, ILogger log) =>
        new ResiliencePipelineBuilder()
            .AddRetry(new RetryStrategyOptions
            {
                MaxRetryAttempts = MaxAttempts - 1,
                BackoffType = DelayBackoffType.Exponential,
                Delay = baseDelay,
                UseJitter = false,
                ShouldHandle = args => ValueTask.FromResult(args.Outcome.Exception is { } e && IsTransportFailure(e)),
                OnRetry = args =>
                {
                    log.LogDebug(
                        "Docker engine request failed ({Error}); attempt {Attempt} of {MaxAttempts} in {Delay} ms",
                        args.Outcome.Exception?.Message, args.AttemptNumber + 2, MaxAttempts, args.RetryDelay.TotalMilliseconds);
                    return ValueTask.CompletedTask;
                },
            })
            .Build();

    /// <summary>The engine was not reached (or the connection broke): the shapes Docker.DotNet's transports throw.</summary>
    public static bool IsTransportFailure(Exception e) => e switch
    {
        OperationCanceledException => false,
        HttpRequestException or IOException or SocketException => true,
        AggregateException aggregate => aggregate.InnerExceptions.Count > 0 && aggregate.InnerExceptions.All(IsTransportFailure),
        _ => false,
    };
}
