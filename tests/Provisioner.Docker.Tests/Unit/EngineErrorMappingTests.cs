using System.Net;
using System.Net.Sockets;
using Docker.DotNet;
using Provisioner.Core.Errors;
using Provisioner.Docker.Engine;

namespace Provisioner.Docker.Tests.Unit;

public sealed class EngineErrorMappingTests
{
    private static readonly Uri Unix = new("unix:///tmp/no-engine-here.sock");
    private static readonly Uri Tcp = new("tcp://127.0.0.1:1");
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    private static ProvisionerException? Map(Exception e, Uri? endpoint = null, CancellationToken ct = default) =>
        EngineErrorMapping.Map(e, endpoint ?? Unix, Timeout, ct, _ => null);

    [Fact]
    public void Map_ContainerNotFound_OneLineProvisionerErrorWithEngineMessage()
    {
        var e = new DockerContainerNotFoundException(HttpStatusCode.NotFound, "{\"message\":\"No such container: t-acme-db\"}\n");

        var mapped = Map(e);

        Assert.True(EngineErrorMapping.IsNotFound(e));
        Assert.Equal(typeof(ProvisionerException), mapped!.GetType());
        Assert.Equal("Docker engine: 404 NotFound: No such container: t-acme-db", mapped.Message);
        Assert.Equal(ExitCodes.Failed, mapped.ExitCode);
        Assert.Same(e, mapped.InnerException);
    }

    [Fact]
    public void Map_TlsHandshakeRejected_OneLineNamingTheEngineAndTheCertificates()
    {
        var e = new System.Security.Authentication.AuthenticationException(
            "Authentication failed, see inner exception.", new IOException("sslv3 alert bad certificate"));

        var mapped = Map(e, new Uri("tcp://10.0.0.5:2376"));

        Assert.IsType<BackendUnavailableException>(mapped);
        Assert.Equal("TLS with the Docker engine at tcp://10.0.0.5:2376 failed: sslv3 alert bad certificate", mapped!.Message);
        Assert.Contains("ca.pem", mapped.Hint, StringComparison.Ordinal);
    }

    [Fact]
    public void IsNotFound_PlainApiException404_True()
    {
        Assert.True(EngineErrorMapping.IsNotFound(new DockerApiException(HttpStatusCode.NotFound, "{\"message\":\"get v: no such volume\"}")));
        Assert.False(EngineErrorMapping.IsNotFound(new DockerApiException(HttpStatusCode.Conflict, "")));
    }

    [Fact]
    public void Map_Conflict409_PlainApiExceptionIsConflictAndMapped()
    {
        var e = new DockerApiException(HttpStatusCode.Conflict, "{\"message\":\"Conflict. The container name \\\"/t-acme-db\\\" is already in use\"}");

        var mapped = Map(e);

        Assert.True(EngineErrorMapping.IsConflict(e));
        Assert.False(EngineErrorMapping.IsNotFound(e));
        Assert.Equal("Docker engine: 409 Conflict: Conflict. The container name \"/t-acme-db\" is already in use", mapped!.Message);
    }

    [Fact]
    public void Map_NonJsonMultiLineBody_OneLineRawBody()
    {
        var mapped = Map(new DockerApiException(HttpStatusCode.BadGateway, "upstream\ngone\n"));

        Assert.Equal("Docker engine: 502 BadGateway: upstream gone", mapped!.Message);
    }

    [Fact]
    public void Map_PortAlreadyAllocated_PortTakenWithRerunHint()
    {
        var body = "{\"message\":\"driver failed programming external connectivity on endpoint t-acme-app: Bind for 127.0.0.1:20000 failed: port is already allocated\"}";

        var mapped = Map(new DockerApiException(HttpStatusCode.InternalServerError, body));

        Assert.IsType<PortTakenException>(mapped);
        Assert.Contains("rerun the same command", mapped.Hint, StringComparison.Ordinal);
    }

    [Fact]
    public void Map_UnixSocketMissing_UnavailableNamingTheSocketAndHowToStartTheEngine()
    {
        var e = new HttpRequestException("Connection failed.", new SocketException((int)SocketError.AddressNotAvailable));

        var mapped = Map(e);

        Assert.IsType<BackendUnavailableException>(mapped);
        Assert.Equal("Cannot reach the Docker engine at unix:///tmp/no-engine-here.sock: the socket /tmp/no-engine-here.sock does not exist (No such file or directory)", mapped.Message);
        Assert.Contains("`make engine`", mapped.Hint, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Failed, mapped.ExitCode);
    }

    [Fact]
    public void Map_TcpConnectionRefused_AggregateExceptionIsUnavailable()
    {
        var e = new AggregateException(new SocketException((int)SocketError.ConnectionRefused));

        var mapped = Map(e, Tcp);

        Assert.IsType<BackendUnavailableException>(mapped);
        Assert.Equal("Cannot reach the Docker engine at tcp://127.0.0.1:1: Connection refused", mapped.Message);
    }

    [Fact]
    public void Map_AnswerBrokenOffOnAReachableEngine_SaysSoAndToRerun()
    {
        var e = new HttpRequestException("An error occurred while sending the request.", new IOException("Attempted to read past the end of the stream."));
        var socket = Path.GetTempFileName(); // the socket exists: the engine was reached, then its answer stopped
        try
        {
            var mapped = EngineErrorMapping.Map(e, new Uri("unix://" + socket), TimeSpan.FromSeconds(30), CancellationToken.None, _ => null);

            Assert.IsType<BackendUnavailableException>(mapped);
            Assert.Equal($"The Docker engine at unix://{socket} broke off its answer: Attempted to read past the end of the stream", mapped!.Message);
            Assert.StartsWith("rerun the same command", mapped.Hint, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(socket);
        }
    }

    [Fact]
    public void Map_TimeoutNotAskedForByCaller_UnavailableNoResponseWithin()
    {
        var mapped = Map(new TaskCanceledException("The operation was canceled."));

        Assert.IsType<BackendUnavailableException>(mapped);
        Assert.Equal("Cannot reach the Docker engine at unix:///tmp/no-engine-here.sock: no response within 30 s", mapped.Message);
    }

    [Fact]
    public void Map_CallerCancelled_NotMapped()
    {
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        Assert.Null(Map(new TaskCanceledException(), ct: cancelled.Token));
    }

    [Fact]
    public void Map_OursOrUnrelated_NotMapped()
    {
        Assert.Null(Map(new ProvisionerException("job migrate failed")));
        Assert.Null(Map(new InvalidOperationException("a bug")));
        Assert.Null(Map(new OperationCanceledException()));
    }

    [Fact]
    public void Hint_DockerHostSet_NamesItAndSaysFixOrUnset()
    {
        var mapped = EngineErrorMapping.Map(new HttpRequestException("Connection failed."), Tcp, Timeout, default, name => name == "DOCKER_HOST" ? "tcp://127.0.0.1:1" : null);

        Assert.Equal("start the engine at tcp://127.0.0.1:1, or fix or unset DOCKER_HOST", mapped!.Hint);
    }

    [Fact]
    public void Map_AnswerCutOffInsideItsJson_BrokeOffItsAnswer_RerunHint()
    {
        var e = new System.Text.Json.JsonException("Expected depth to be zero at the end of the JSON payload. There is an open JSON object or array that should be closed. Path: $ | LineNumber: 0 | BytePositionInLine: 16.");

        var mapped = EngineErrorMapping.Map(e, new Uri("unix:///var/run/docker.sock"), TimeSpan.FromSeconds(30), CancellationToken.None, _ => null);

        Assert.IsType<BackendUnavailableException>(mapped);
        Assert.StartsWith("The Docker engine at unix:///var/run/docker.sock broke off its answer: its JSON ended early (Expected depth to be zero", mapped!.Message, StringComparison.Ordinal);
        Assert.StartsWith("rerun the same command", mapped.Hint, StringComparison.Ordinal);
    }
}
