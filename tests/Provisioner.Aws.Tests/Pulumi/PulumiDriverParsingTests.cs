using Provisioner.Aws.Pulumi;
using Provisioner.Aws.Tests.Fakes;
using Provisioner.Aws.Tests.Support;

namespace Provisioner.Aws.Tests.Pulumi;

public sealed class PulumiDriverParsingTests
{
    private const string PreVpc =
        """{"sequence":3,"timestamp":1732240000,"resourcePreEvent":{"metadata":{"op":"create","urn":"urn:pulumi:tenant-acme::provision-tenant::aws:ec2/vpc:Vpc::vpc","type":"aws:ec2/vpc:Vpc","provider":""}}}""";

    private const string DoneVpc =
        """{"sequence":4,"timestamp":1732240002,"resOutputsEvent":{"metadata":{"op":"create","urn":"urn:pulumi:tenant-acme::provision-tenant::aws:ec2/vpc:Vpc::vpc","type":"aws:ec2/vpc:Vpc"}}}""";

    private const string SameStack =
        """{"sequence":2,"timestamp":1732240000,"resOutputsEvent":{"metadata":{"op":"same","urn":"urn:pulumi:tenant-acme::provision-tenant::pulumi:pulumi:Stack::provision-tenant-tenant-acme","type":"pulumi:pulumi:Stack"}}}""";

    private const string Summary =
        """{"sequence":9,"timestamp":1732240010,"summaryEvent":{"maybeCorrupt":false,"durationSeconds":10,"resourceChanges":{"create":1,"same":1},"policyPacks":{}}}""";

    [Fact]
    public void Parse_ResourcePreEvent_ReadsOpTypeAndName()
    {
        var e = EngineEventParser.Parse(PreVpc);

        Assert.NotNull(e);
        Assert.Equal("resourcePreEvent", e.Kind);
        Assert.Equal(3, e.Sequence);
        Assert.Equal("create", e.Op);
        Assert.Equal("aws:ec2/vpc:Vpc", e.Type);
        Assert.Equal("vpc", e.Name);
        Assert.True(e.IsChange);
    }

    [Fact]
    public void Parse_DiagnosticEvent_ReadsMessageAndSeverity()
    {
        var e = EngineEventParser.Parse("""{"sequence":5,"diagnosticEvent":{"urn":"urn:x::db","prefix":"error: ","message":"creating RDS DB Instance: InvalidParameterValue\n","color":"never","severity":"error"}}""");

        Assert.Equal("diagnosticEvent", e!.Kind);
        Assert.Equal("error", e.Severity);
        Assert.Equal("creating RDS DB Instance: InvalidParameterValue", e.Message);
    }

    [Theory]
    [InlineData("")]
    [InlineData("Updating (tenant-acme):")]
    [InlineData("{not json")]
    public void Parse_NonEventLine_IsNull(string line)
    {
        Assert.Null(EngineEventParser.Parse(line));
    }

    [Fact]
    public async Task Up_StreamsEventsInOrder_AndSummarisesChanges()
    {
        var runner = new RecordingProcessRunner().On("up", stdout: string.Join('\n', PreVpc, DoneVpc, SameStack, Summary));
        var seen = new List<string>();

        var summary = await Drivers.Create(runner).UpAsync("tenant-acme", e =>
        {
            seen.Add($"{e.Kind} {e.Op} {e.Name}");
            return Task.CompletedTask;
        }, default);

        Assert.Equal(
            ["resourcePreEvent create vpc", "resOutputsEvent create vpc", "resOutputsEvent same provision-tenant-tenant-acme", "summaryEvent  "],
            seen);
        var change = Assert.Single(summary.Changes);
        Assert.Equal("vpc", change.Name);
        Assert.Equal(1, summary.ResourceChanges["create"]);
        Assert.Equal(1, summary.ResourceChanges["same"]);
    }

    [Fact]
    public async Task GetOutputs_ParsesStringsListsAndNumbers()
    {
        var runner = new RecordingProcessRunner().On("stack output", stdout: """
            {
              "endpoint": "http://t-acme-alb-123.eu-west-1.elb.amazonaws.com",
              "appCount": 1,
              "privateSubnets": ["subnet-a", "subnet-b"],
              "dbEndpoint": "t-acme-db.abc.eu-west-1.rds.amazonaws.com:5432"
            }
            """);

        var outputs = await Drivers.Create(runner).GetOutputsAsync("tenant-acme", default);

        Assert.NotNull(outputs);
        Assert.Equal("http://t-acme-alb-123.eu-west-1.elb.amazonaws.com", outputs["endpoint"]);
        Assert.Equal("1", outputs["appCount"]);
        Assert.Equal(["subnet-a", "subnet-b"], outputs.List("privateSubnets"));
        Assert.Null(outputs["nothing"]);
    }

    [Fact]
    public async Task GetOutputs_StackMissing_IsNull()
    {
        var runner = new RecordingProcessRunner().On("stack output", 255, stderr: "error: no stack named 'tenant-acme' found\n");

        Assert.Null(await Drivers.Create(runner).GetOutputsAsync("tenant-acme", default));
    }

    [Theory]
    [InlineData("v3.207.0\n", 3, 207)]
    [InlineData("v3.61.0-alpha.x1234\n", 3, 61)]
    public async Task CheckVersion_ReadsVersion(string stdout, int major, int minor)
    {
        var runner = new RecordingProcessRunner().On("version", stdout: stdout);

        var version = await Drivers.Create(runner).CheckVersionAsync(default);

        Assert.Equal(new Version(major, minor, 0), version);
        Assert.Equal(["version"], runner.Commands);
    }
}
