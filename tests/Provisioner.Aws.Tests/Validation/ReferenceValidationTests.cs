using Provisioner.Aws.Tests.Support;

namespace Provisioner.Aws.Tests.Validation;

public sealed class ReferenceValidationTests(SchemaFixture fixture) : IClassFixture<SchemaFixture>
{
    [Fact]
    public void Validate_ReferenceToUndeclaredName_IsReported()
    {
        var text = fixture.Edit("      dbSubnetGroupName: ${dbSubnets.name}", "      dbSubnetGroupName: ${dbSubnetz.name}");

        var error = Assert.Single(fixture.Validate(text));

        Assert.Equal("resources.dbDatabase (aws:rds/instance:Instance).properties.dbSubnetGroupName", error.Path);
        Assert.Contains("'dbSubnetz' is not a declared config key, variable or resource (did you mean 'dbSubnets'?)", error.Message);
    }

    [Fact]
    public void Validate_ReferenceToMissingOutput_IsReported()
    {
        var text = fixture.Edit("  endpoint: http://${alb.dnsName}", "  endpoint: http://${alb.dnsNam}");

        var error = Assert.Single(fixture.Validate(text));

        Assert.Equal("outputs.endpoint", error.Path);
        Assert.Contains("resource 'alb' (aws:lb/loadBalancer:LoadBalancer) has no output 'dnsNam' (did you mean 'dnsName'?)", error.Message);
    }

    [Fact]
    public void Validate_DependencyCycle_IsReported()
    {
        var text = fixture.Edit("      vpcId: ${vpc.id}\n      tags: ${tags}\n  publicA:", "      vpcId: ${vpc.id}\n      tags: ${tags}\n    options:\n      dependsOn: [\"${publicA}\"]\n  publicA:");
        text = fixture.Edit("      cidrBlock: 10.0.0.0/16", "      cidrBlock: ${igw.id}", text);

        var errors = fixture.Validate(text);

        Assert.Contains(errors, e => e.Message.Contains("dependency cycle", StringComparison.Ordinal) && e.Message.Contains("igw", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_UnknownInvokeResult_IsReported()
    {
        var text = fixture.Edit("      return: names", "      return: nams");

        Assert.Contains(fixture.Validate(text), e => e.Message.Contains("returns no 'nams' (did you mean 'names'?)", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_DependsOnUnknownResource_IsReported()
    {
        var text = fixture.Edit("dependsOn: ['${igw}']", "dependsOn: ['${igx}']");

        Assert.Contains(fixture.Validate(text), e => e.Path == "resources.nat.options.dependsOn");
    }
}
