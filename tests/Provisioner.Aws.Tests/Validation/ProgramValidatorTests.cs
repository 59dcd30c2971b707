using Provisioner.Aws.Tests.Support;

namespace Provisioner.Aws.Tests.Validation;

public sealed class ProgramValidatorTests(SchemaFixture fixture) : IClassFixture<SchemaFixture>
{
    [Fact]
    public void Validate_GeneratedNotesProgram_HasNoProblems()
    {
        var errors = fixture.Validate();

        Assert.True(errors.Count == 0, string.Join('\n', errors));
    }

    [Fact]
    public void Validate_MisspelledNestedProperty_NamesResourceTypeAndPath()
    {
        var text = fixture.Edit("        path: /readyz", "        pathh: /readyz");

        var error = Assert.Single(fixture.Validate(text));

        Assert.Equal(
            "resources.entryTargets (aws:lb/targetGroup:TargetGroup).properties.healthCheck.pathh: unknown property 'pathh' of aws:lb/TargetGroupHealthCheck:TargetGroupHealthCheck (did you mean 'path'?)",
            $"{error.Path}: {error.Message}");
    }

    [Fact]
    public void Validate_MisspelledTopLevelProperty_NamesResourceAndProperty()
    {
        var text = fixture.Edit("      storageEncrypted: true", "      storageEncrypt: true");

        var error = Assert.Single(fixture.Validate(text));

        Assert.Contains("resources.dbDatabase (aws:rds/instance:Instance).properties.storageEncrypt", error.Path);
        Assert.Contains("unknown property 'storageEncrypt'", error.Message);
        Assert.Contains("did you mean 'storageEncrypted'?", error.Message);
    }

    [Fact]
    public void Validate_DeletedRequiredProperty_NamesResourceAndProperty()
    {
        var text = fixture.Edit("      instanceClass: db.t4g.micro\n", "");

        var error = Assert.Single(fixture.Validate(text));

        Assert.Equal("resources.dbDatabase (aws:rds/instance:Instance).properties.instanceClass", error.Path);
        Assert.Equal("missing required property 'instanceClass' of aws:rds/instance:Instance", error.Message);
    }

    [Fact]
    public void Validate_DeletedRequiredNestedProperty_NamesBlock()
    {
        var text = fixture.Edit("          containerName: app\n", "");

        var error = Assert.Single(fixture.Validate(text));

        Assert.Equal("resources.appService (aws:ecs/service:Service).properties.loadBalancers[0].containerName", error.Path);
        Assert.Contains("missing required property 'containerName'", error.Message);
    }

    [Fact]
    public void Validate_UnknownResourceType_NamesResource()
    {
        var text = fixture.Edit("type: aws:ecs/cluster:Cluster", "type: aws:ecs/clustr:Cluster");

        var error = Assert.Single(fixture.Validate(text));

        Assert.Equal("resources.cluster.type", error.Path);
        Assert.Contains("unknown resource type 'aws:ecs/clustr:Cluster'", error.Message);
    }

    [Fact]
    public void Validate_ShorthandTypeToken_IsAccepted()
    {
        var text = fixture.Edit("type: aws:ecs/cluster:Cluster", "type: aws:ecs:Cluster");

        Assert.Empty(fixture.Validate(text));
    }

    [Fact]
    public void Validate_WrongLiteralShape_ReportsExpectedType()
    {
        var text = fixture.Edit("      storageEncrypted: true", "      storageEncrypted: yes-please");

        var error = Assert.Single(fixture.Validate(text));

        Assert.Contains("expected true or false", error.Message);
    }

    [Fact]
    public void Validate_IntegerConfigIntoStringInput_IsReported()
    {
        var text = fixture.Edit("  tenant:\n    type: string", "  tenant:\n    type: integer");
        text = fixture.Edit("      name: ${prefix}\n", "      name: ${tenant}\n", text);

        var error = Assert.Single(fixture.Validate(text));

        Assert.Equal("resources.cluster (aws:ecs/cluster:Cluster).properties.name", error.Path);
        Assert.Equal("config 'tenant' is integer, the input is string (wrap it in fn::toJSON)", error.Message);
    }

    [Fact]
    public void Validate_DeprecatedBucketV2_IsReported()
    {
        var text = fixture.Edit("type: aws:cloudwatch/logGroup:LogGroup", "type: aws:s3/bucketV2:BucketV2");

        Assert.Contains(fixture.Validate(text), e => e.Message.Contains("deprecated", StringComparison.Ordinal));
    }
}
