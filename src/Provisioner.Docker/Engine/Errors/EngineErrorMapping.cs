using System.Globalization;
using System.Net;
using Docker.DotNet;
using Provisioner.Core.Errors;

namespace Provisioner.Docker.Engine;

/// <summary>
/// The one place where Docker.DotNet's exceptions become the tool's errors. Not found and conflict are status codes
/// on <see cref="DockerApiException"/> (a 409 has no type of its own); an unreachable engine is an
/// <see cref="HttpRequestException"/> (unix socket missing), an <see cref="AggregateException"/> (TCP connection refused)
/// or a <see cref="TaskCanceledException"/> the caller did not ask for (the client timeout).
/// </summary>
internal static class EngineErrorMapping
{
    public static bool IsNotFound(Exception e) => e is DockerApiException { StatusCode: HttpStatusCode.NotFound };

    public static bool IsConflict(Exception e) => e is DockerApiException { StatusCode: HttpStatusCode.Conflict };

    /// <summary>Runs <paramref name="action"/>, rethrowing engine errors as <see cref="ProvisionerException"/>s.</summary>
    public static async Task<T> Guard<T>(DockerEngine engine, Func<Task<T>> action, CancellationToken ct)
    {
        try
        {
            return await action();
        }
        catch (Exception e) when (Map(e, engine.Endpoint, engine.RequestTimeout, ct, Environment.GetEnvironmentVariable) is { } mapped)
        {
            throw mapped;
        }
    }

    public static Task Guard(DockerEngine engine, Func<Task> action, CancellationToken ct) => Guard(
        engine,
        async () =>
        {
            await action();
            return true;
        },
        ct);

    /// <summary>The tool's error for an engine error; null for anything else (ours, the caller's cancellation, bugs), which is rethrown as is.</summary>
    public static ProvisionerException? Map(Exception e, Uri endpoint, TimeSpan timeout, CancellationToken ct, Func<string, string?> environment) => e switch
    {
        ProvisionerException => null,
        OperationCanceledException when ct.IsCancellationRequested => null,
        TaskCanceledException => Unreachable(endpoint, $"no response within {timeout.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture)} s", e, environment),
        DockerApiException api when EngineMessage.Of(api).Contains("port is already allocated", StringComparison.Ordinal) => new PortTakenException(
            "the tenant's entry port was taken by another process just before its app started",
            hint: "rerun the same command: a port that is taken is replaced by a free one",
            inner: e),
        DockerApiException api => new ProvisionerException(
            $"Docker engine: {(int)api.StatusCode} {api.StatusCode}: {EngineMessage.Of(api)}", inner: e),
        _ when EngineRetryPipeline.IsTransportFailure(e) => Unreachable(endpoint, UnreachableReason.Of(e, endpoint), e, environment),
        _ => null,
    };

    private static BackendUnavailableException Unreachable(Uri endpoint, string reason, Exception e, Func<string, string?> environment) =>
        new($"Cannot reach the Docker engine at {EngineAddress.Display(endpoint)}: {reason}", UnreachableReason.Hint(environment), e);
}
