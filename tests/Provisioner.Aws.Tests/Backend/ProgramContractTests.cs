using Provisioner.Aws.Backend;
using Provisioner.Aws.Tests.Support;
using Provisioner.Aws.Validation;

namespace Provisioner.Aws.Tests.Backend;

public sealed class ProgramContractTests(SchemaFixture fixture) : IClassFixture<SchemaFixture>
{
    private PulumiProgram Program => PulumiProgram.Parse(fixture.ProgramText);

    [Theory]
    [InlineData("1.0.0")]
    [InlineData("1.1.0")]
    public void ConfigKeys_DriverSets_ExactlyTheProgramDeclares(string version)
    {
        var entries = AwsStackConfig.For(NotesStamps.For("acme", version), NotesStamps.Secrets, AwsFakes.Options, "img", "img", 1);

        var projectKeys = entries.Where(e => !e.Key.Contains(':', StringComparison.Ordinal)).Select(e => e.Key).Order().ToList();
        Assert.Equal(Program.Config.Keys.Order().ToList(), projectKeys);
        Assert.Equal(
            Program.Config.Values.Where(c => c.Secret).Select(c => c.Name).Order().ToList(),
            entries.Where(e => e.Secret).Select(e => e.Key).Order().ToList());
        Assert.All(entries.Where(e => e.Key.Contains(':', StringComparison.Ordinal)), e => Assert.Contains(e.Key, fixture.Schema.ProviderConfig));
    }

    [Fact]
    public void ConfigTypes_NumericValues_AreDeclaredInteger()
    {
        // pulumi-yaml reads a numeric-looking plaintext config value as a number, so a `type: string` key with such a
        // value fails with "cannot have conflicting types" (pulumi-yaml#415); every other key is declared string.
        var entries = AwsStackConfig.For(NotesStamps.For("acme", size: "large"), NotesStamps.Secrets, AwsFakes.Options, "img", "img", 1);

        Assert.All(entries.Where(e => !e.Key.Contains(':', StringComparison.Ordinal)), e =>
        {
            var declared = Program.Config[e.Key].Type;
            var numeric = double.TryParse(e.Value, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out _);
            Assert.True(declared == (numeric ? "integer" : "string"), $"{e.Key}={e.Value} is declared {declared}");
        });
    }

    [Fact]
    public void ConfigValues_SmallNotes_MatchFargateAndTemplate()
    {
        var entries = AwsStackConfig.For(NotesStamps.For("acme"), NotesStamps.Secrets, AwsFakes.Options, "img", "img", 1).ToDictionary(e => e.Key, e => e.Value);

        Assert.Equal("512", entries["taskCpu"]);
        Assert.Equal("1024", entries["taskMemory"]);
        Assert.Equal("db.t4g.micro", entries["dbInstanceClass"]);
        Assert.Equal("20", entries["dbStorageGb"]);
        Assert.Equal("/readyz", entries["readinessPath"]);
        Assert.Equal("8080", entries["appPort"]);
        Assert.Equal("notes", entries["dbUser"]);
        Assert.Equal("eu-west-1", entries["aws:region"]);
    }

    [Fact]
    public void Outputs_EveryOutputTheBackendReads_IsDeclared()
    {
        string[] read =
        [
            "endpoint", "dbEndpoint", "dbIdentifier", "finalSnapshot", "logGroup", "clusterArn", "service", "image", "appCount",
            "migrateTaskDefinition", "privateSubnets", "appSecurityGroup", "bucket", "region",
        ];

        Assert.All(read, key => Assert.Contains(key, Program.Outputs.Keys));
    }

    [Fact]
    public void MigrateContainer_UsesTheDriversSecretScriptAndName()
    {
        Assert.Contains($"'{EcsTaskRunner.SecretScript}'", fixture.ProgramText);
        Assert.Contains($"- name: {EcsTaskRunner.Container}\n", fixture.ProgramText);
    }
}
