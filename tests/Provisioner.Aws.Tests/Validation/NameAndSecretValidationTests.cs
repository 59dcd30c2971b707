using Provisioner.Aws.Tests.Support;
using Provisioner.Aws.Validation;
using Provisioner.Core.Tenants;

namespace Provisioner.Aws.Tests.Validation;

public sealed class NameAndSecretValidationTests(SchemaFixture fixture) : IClassFixture<SchemaFixture>
{
    [Fact]
    public void LongestTenant_IsAValidTenantNameOfMaximumLength()
    {
        Assert.Equal(TenantName.MaxLength, NameLimitCheck.LongestTenant.Length);
        Assert.Equal(NameLimitCheck.LongestTenant, TenantName.Validate(NameLimitCheck.LongestTenant));
    }

    [Fact]
    public void Validate_LoadBalancerNameTooLongForLongestTenant_IsReported()
    {
        var text = fixture.Edit("      name: ${prefix}-alb\n      loadBalancerType", "      name: ${prefix}-loadbalancer\n      loadBalancerType");

        var error = Assert.Single(fixture.Validate(text));

        Assert.Equal("resources.alb (aws:lb/loadBalancer:LoadBalancer).properties.name", error.Path);
        Assert.Contains("is 39 characters for a 24-character tenant name; AWS allows 32", error.Message);
    }

    [Fact]
    public void Validate_TargetGroupNameWithDots_IsReported()
    {
        var text = fixture.Edit("      name: ${prefix}-tg\n      port:", "      name: ${prefix}.tg\n      port:");

        Assert.Contains(fixture.Validate(text), e => e.Message.Contains("may only hold letters, digits and '-'", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_LiteralPassword_IsReported()
    {
        var text = fixture.Edit("      password: ${dbPassword}", "      password: hunter2");

        var error = Assert.Single(fixture.Validate(text));

        Assert.Equal("resources.dbDatabase (aws:rds/instance:Instance).properties.password", error.Path);
        Assert.Contains("is a secret input", error.Message);
    }

    [Fact]
    public void Validate_PasswordFromFnSecret_IsAccepted()
    {
        var text = fixture.Edit("      password: ${dbPassword}", "      password:\n        fn::secret: ${dbPassword}");

        Assert.Empty(fixture.Validate(text));
    }

    [Fact]
    public void Validate_SecretConfigNotDeclaredSecret_IsReported()
    {
        var text = fixture.Edit("    secret: true\n", "    secret: false\n");

        var errors = fixture.Validate(text);

        Assert.Contains(errors, e => e.Path == "config.dbPassword" && e.Message.Contains("not declared 'secret: true'", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Path.EndsWith("properties.password", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Path.EndsWith("properties.secretString", StringComparison.Ordinal));
    }

    [Fact]
    public void Schema_LoadsEveryResourceTheProgramUses()
    {
        var program = PulumiProgram.Parse(fixture.ProgramText);

        Assert.All(program.Resources.Values, r => Assert.NotNull(fixture.Schema.Resource(r.Type)));
        Assert.Equal("7.48.0", fixture.Schema.Version);
    }
}
