using Provisioner.Aws.Tests.Support;

namespace Provisioner.Aws.Tests.Validation;

public sealed class ProgramValidatorTests(SchemaFixture fixture) : IClassFixture<SchemaFixture>
{
    [Fact]
    public void Validate_ShippedProgram_HasNoProblems()
    {
        var errors = fixture.Validate();

        Assert.True(errors.Count == 0, string.Join('\n', errors));
    }

    [Fact]
    public void Validate_MisspelledNestedProperty_NamesResourceTypeAndPath()
    {
        var text = fixture.Edit("        path: ${readinessPath}", "        pathh: ${readinessPath}");

        var error = Assert.Single(fixture.Validate(text));

        Assert.Equal(
            "resources.appTargets (aws:lb/targetGroup:TargetGroup).properties.healthCheck.pathh: unknown property 'pathh' of aws:lb/TargetGroupHealthCheck:TargetGroupHealthCheck (did you mean 'path'?)",
            $"{error.Path}: {error.Message}");
    }

    [Fact]
    public void Validate_MisspelledTopLevelProperty_NamesResourceAndProperty()
    {
        var text = fixture.Edit("      storageEncrypted: true", "      storageEncrypt: true");

        var error = Assert.Single(fixture.Validate(text));

        Assert.Contains("resources.db (aws:rds/instance:Instance).properties.storageEncrypt", error.Path);
        Assert.Contains("unknown property 'storageEncrypt'", error.Message);
        Assert.Contains("did you mean 'storageEncrypted'?", error.Message);
    }

    [Fact]
    public void Validate_DeletedRequiredProperty_NamesResourceAndProperty()
    {
        var text = fixture.Edit("      instanceClass: ${dbInstanceClass}\n", "");

        var error = Assert.Single(fixture.Validate(text));

        Assert.Equal("resources.db (aws:rds/instance:Instance).properties.instanceClass", error.Path);
        Assert.Equal("missing required property 'instanceClass' of aws:rds/instance:Instance", error.Message);
    }

    [Fact]
    public void Validate_DeletedRequiredNestedProperty_NamesBlock()
    {
        var text = fixture.Edit("          containerName: app\n", "");

        var error = Assert.Single(fixture.Validate(text));

        Assert.Equal("resources.service (aws:ecs/service:Service).properties.loadBalancers[0].containerName", error.Path);
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
        var text = fixture.Edit("      family: ${prefix}-app\n      cpu:\n        fn::toJSON: ${taskCpu}", "      family: ${prefix}-app\n      cpu: ${taskCpu}");

        var error = Assert.Single(fixture.Validate(text));

        Assert.Equal("resources.appTask (aws:ecs/taskDefinition:TaskDefinition).properties.cpu", error.Path);
        Assert.Equal("config 'taskCpu' is integer, the input is string (wrap it in fn::toJSON)", error.Message);
    }

    [Fact]
    public void Validate_DeprecatedBucketV2_IsReported()
    {
        var text = fixture.Edit("type: aws:s3/bucket:Bucket", "type: aws:s3/bucketV2:BucketV2");

        Assert.Contains(fixture.Validate(text), e => e.Message.Contains("deprecated", StringComparison.Ordinal));
    }
}
