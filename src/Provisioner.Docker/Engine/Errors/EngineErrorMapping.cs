using System.Globalization;
using System.Net;
using Docker.DotNet;
using Provisioner.Core.Errors;

namespace Provisioner.Docker.Engine;

/// <summary>
/// The one place where Docker.DotNet's exceptions become the tool's errors. Not found and conflict are status codes
/// on <see cref="DockerApiException"/> (a 409 has no type of its own); an unreachable engine is an
/// <see cref="HttpRequestException"/> (unix socket missing), an <see cref="AggregateException"/> (TCP connection refused)
/// or a <see cref="TaskCanceledException"/> the caller did not ask for (the client timeout); an answer cut off inside its
/// JSON body is a <see cref="System.Text.Json.JsonException"/>.
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
        _ when Find<System.Security.Authentication.AuthenticationException>(e) is { } tls => new BackendUnavailableException(
            $"TLS with the Docker engine at {EngineAddress.Display(endpoint)} failed: {tls.GetBaseException().Message}",
            "check that ca.pem in the TLS folder (engineTls, swarm.tls or DOCKER_CERT_PATH) is the CA of the engine's certificate, and that the engine trusts the CA of cert.pem",
            e),
        // An answer cut off inside its JSON body (the head and part of the body arrived): the engine was reached, then stopped.
        _ when Find<System.Text.Json.JsonException>(e) is { } json => new BackendUnavailableException(
            $"The Docker engine at {EngineAddress.Display(endpoint)} broke off its answer: its JSON ended early ({json.Message.Split('\n')[0].TrimEnd('.')})",
            "rerun the same command: it carries on from what is already there (if this keeps happening, look at the engine's log)",
            e),
        _ when EngineRetryPipeline.IsTransportFailure(e) && UnreachableReason.BrokeOff(e, endpoint) => new BackendUnavailableException(
            $"The Docker engine at {EngineAddress.Display(endpoint)} broke off its answer: {UnreachableReason.Of(e, endpoint)}",
            "rerun the same command: it carries on from what is already there (if this keeps happening, look at the engine's log)",
            e),
        _ when EngineRetryPipeline.IsTransportFailure(e) => Unreachable(endpoint, UnreachableReason.Of(e, endpoint), e, environment),
        _ => null,
    };

    private static T? Find<T>(Exception? e)
        where T : Exception
    {
        for (; e is not null; e = e.InnerException)
        {
            if (e is T found)
            {
                return found;
            }

            if (e is AggregateException aggregate && aggregate.InnerExceptions.Select(Find<T>).FirstOrDefault(x => x is not null) is { } inner)
            {
                return inner;
            }
        }

        return null;
    }

    private static BackendUnavailableException Unreachable(Uri endpoint, string reason, Exception e, Func<string, string?> environment) =>
        new($"Cannot reach the Docker engine at {EngineAddress.Display(endpoint)}: {reason}", UnreachableReason.Hint(environment), e);
}
