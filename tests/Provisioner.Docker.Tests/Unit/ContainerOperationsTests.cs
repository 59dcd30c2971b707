using System.Net;
using System.Text.Json;
using Provisioner.Docker.Engine;
using Provisioner.Docker.Tests.Fakes;

namespace Provisioner.Docker.Tests.Unit;

public sealed class ContainerOperationsTests
{
    private const string InspectNoTty = """{"Id":"c1","Config":{"Tty":false}}""";

    [Fact]
    public async Task CreateAsync_FullParameters_SendsEngineShapedJson()
    {
        var handler = new FakeDockerHandler().OnJson(HttpMethod.Post, "/containers/create", """{"Id":"c1","Warnings":[]}""", HttpStatusCode.Created);
        using var client = FakeClient.Create(handler);
        var parameters = new ContainerCreateParameters
        {
            Image = "provisioner/base:bookworm",
            Cmd = ["sleep", "infinity"],
            Labels = new Dictionary<string, string> { ["provisioner.tenant"] = "acme" },
            ExposedPorts = ["8080/tcp"],
            HostConfig = new HostConfig
            {
                NanoCpus = 500_000_000,
                Memory = 64 * 1024 * 1024,
                PortBindings = new Dictionary<string, IReadOnlyList<PortBinding>> { ["8080/tcp"] = [PortBinding.Loopback(20001)] },
                Mounts = [Mount.Volume("t-acme-data", "/data"), Mount.Tmpfs("/run/secrets", 1024 * 1024, (UnixFileMode)Convert.ToInt32("700", 8))],
                RestartPolicy = RestartPolicy.UnlessStopped,
                Init = true,
            },
            NetworkingConfig = new NetworkingConfig
            {
                EndpointsConfig = new Dictionary<string, EndpointSettings> { ["t-acme-net"] = new() { Aliases = ["app"] } },
            },
        };

        var id = await client.Containers.CreateAsync("t-acme-app", parameters);

        Assert.Equal("c1", id);
        var request = Assert.Single(handler.ApiRequests);
        Assert.Equal("name=t-acme-app", request.Query);
        using var json = JsonDocument.Parse(request.Body);
        var root = json.RootElement;
        Assert.Equal("provisioner/base:bookworm", root.GetProperty("Image").GetString());
        Assert.Equal(JsonValueKind.Object, root.GetProperty("ExposedPorts").GetProperty("8080/tcp").ValueKind);
        Assert.False(root.TryGetProperty("Env", out _), "null properties are left out");
        var host = root.GetProperty("HostConfig");
        Assert.Equal(500_000_000, host.GetProperty("NanoCpus").GetInt64());
        Assert.Equal("127.0.0.1", host.GetProperty("PortBindings").GetProperty("8080/tcp")[0].GetProperty("HostIp").GetString());
        Assert.Equal("20001", host.GetProperty("PortBindings").GetProperty("8080/tcp")[0].GetProperty("HostPort").GetString());
        Assert.Equal("volume", host.GetProperty("Mounts")[0].GetProperty("Type").GetString());
        Assert.Equal(448, host.GetProperty("Mounts")[1].GetProperty("TmpfsOptions").GetProperty("Mode").GetInt32());
        Assert.Equal("unless-stopped", host.GetProperty("RestartPolicy").GetProperty("Name").GetString());
        Assert.Equal("app", root.GetProperty("NetworkingConfig").GetProperty("EndpointsConfig").GetProperty("t-acme-net").GetProperty("Aliases")[0].GetString());
    }

    [Fact]
    public async Task InspectAsync_EngineNullsAndNanosecondTimes_ReadWithEmptyCollections()
    {
        const string json = """
            {"Id":"c1","Name":"/t-acme-db","Created":"2024-05-01T10:11:12.123456789Z",
             "State":{"Status":"running","Running":true,"ExitCode":0,"StartedAt":"2024-05-01T10:11:13.5Z","FinishedAt":"0001-01-01T00:00:00Z","Health":null},
             "Config":{"Image":"img","Labels":null,"Env":null,"Cmd":null,"ExposedPorts":{"5432/tcp":{}}},
             "HostConfig":{"Memory":1048576,"PortBindings":null,"Mounts":null},
             "NetworkSettings":{"Ports":{"5432/tcp":null,"8080/tcp":[{"HostIp":"127.0.0.1","HostPort":"20001"}]},"Networks":{"t-acme":{"IPAddress":"172.20.0.2","NetworkID":"n1","Aliases":null}}},
             "Mounts":null,"Unknown":{"Deep":[1,2,3]}}
            """;
        var handler = new FakeDockerHandler().OnJson(HttpMethod.Get, "/containers/c1/json", json);
        using var client = FakeClient.Create(handler);

        var inspect = await client.Containers.InspectAsync("c1");

        Assert.Equal(new DateTimeOffset(2024, 5, 1, 10, 11, 12, TimeSpan.Zero).AddTicks(1234567), inspect.Created);
        Assert.True(inspect.State.Running);
        Assert.Null(inspect.State.Health);
        Assert.Empty(inspect.Config.Labels);
        Assert.Empty(inspect.Config.Env);
        Assert.Equal(["5432/tcp"], inspect.Config.ExposedPorts);
        Assert.Equal(1048576, inspect.HostConfig.Memory);
        Assert.Null(inspect.NetworkSettings.Ports["5432/tcp"]);
        Assert.Equal("20001", inspect.NetworkSettings.Ports["8080/tcp"]![0].HostPort);
        Assert.Equal("172.20.0.2", inspect.NetworkSettings.Networks["t-acme"].IPAddress);
        Assert.Empty(inspect.Mounts);
    }

    [Fact]
    public async Task GetLogsAsync_NoTty_DemultiplexesStdoutAndStderrInOrder()
    {
        var frames = Frames.Concat(Frames.Frame(Frames.Stdout, "out 1\n"), Frames.Frame(Frames.Stderr, "err 1\n"), Frames.Frame(Frames.Stdout, "out 2\n"));
        var handler = new FakeDockerHandler()
            .OnJson(HttpMethod.Get, "/containers/c1/json", InspectNoTty)
            .On(HttpMethod.Get, "/containers/c1/logs", () => FakeDockerHandler.Raw(frames));
        using var client = FakeClient.Create(handler);

        var logs = await client.Containers.GetLogsAsync("c1", tail: 50);

        Assert.Equal("out 1\nerr 1\nout 2\n", logs);
        Assert.Equal("stdout=1&stderr=1&tail=50", handler.ApiRequests.Last().Query);
    }

    [Fact]
    public async Task GetLogsAsync_Tty_ReturnsRawText()
    {
        var handler = new FakeDockerHandler()
            .OnJson(HttpMethod.Get, "/containers/c1/json", """{"Id":"c1","Config":{"Tty":true}}""")
            .On(HttpMethod.Get, "/containers/c1/logs", () => FakeDockerHandler.Raw("plain\r\n"u8.ToArray()));
        using var client = FakeClient.Create(handler);

        Assert.Equal("plain\r\n", await client.Containers.GetLogsAsync("c1", tail: -1));
        Assert.EndsWith("tail=all", handler.ApiRequests.Last().Query, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WaitAsync_EngineReturnsStatus_ReturnsExitCode()
    {
        var handler = new FakeDockerHandler().OnJson(HttpMethod.Post, "/containers/c1/wait", """{"StatusCode":3,"Error":null}""");
        using var client = FakeClient.Create(handler);

        Assert.Equal(3, await client.Containers.WaitAsync("c1"));
        Assert.Equal("condition=not-running", handler.ApiRequests.Single().Query);
    }

    [Fact]
    public async Task RemoveAsync_ForceAndVolumes_SendsBothFlags()
    {
        var handler = new FakeDockerHandler().On(HttpMethod.Delete, "/containers/c1", () => new HttpResponseMessage(HttpStatusCode.NoContent));
        using var client = FakeClient.Create(handler);

        await client.Containers.RemoveAsync("c1", force: true, removeVolumes: true);

        Assert.Equal("force=1&v=1", handler.ApiRequests.Single().Query);
    }

    [Fact]
    public async Task PutArchiveAsync_PathWithSpaces_EscapedAndTarSent()
    {
        var handler = new FakeDockerHandler().On(HttpMethod.Put, "/containers/c1/archive", () => new HttpResponseMessage(HttpStatusCode.OK));
        using var client = FakeClient.Create(handler);
        using var tar = new MemoryStream("tar-bytes"u8.ToArray());

        await client.Containers.PutArchiveAsync("c1", "/srv/my dir", tar, copyUidGid: true);

        var request = handler.ApiRequests.Single();
        Assert.Equal("path=%2Fsrv%2Fmy%20dir&copyUIDGID=1", request.Query);
        Assert.Equal("tar-bytes", request.Body);
    }

    [Fact]
    public async Task InspectAsync_IdNeedingEscaping_EscapedAsOneSegment()
    {
        var handler = new FakeDockerHandler();
        using var client = FakeClient.Create(handler);

        await Assert.ThrowsAsync<DockerNotFoundException>(() => client.Containers.InspectAsync("a/b"));

        Assert.Equal("/v1.41/containers/a%2Fb/json", handler.ApiRequests.Single().Path);
    }
}
