using Provisioner.Aws.Backend;
using Provisioner.Aws.Program;
using Provisioner.Aws.Tests.Support;
using Provisioner.Aws.Validation;

namespace Provisioner.Aws.Tests.Backend;

/// <summary>The driver and the generated program agree: the config it sets, the outputs it reads, the one-off tasks' script.</summary>
public sealed class ProgramContractTests(SchemaFixture fixture) : IClassFixture<SchemaFixture>
{
    [Theory]
    [InlineData("notes", "1.0.0")]
    [InlineData("notes", "1.1.0")]
    [InlineData("tracker", "1.0.0")]
    [InlineData("tracker", "2.0.0")]
    public void ConfigKeys_DriverSets_ExactlyTheProgramDeclares(string product, string version)
    {
        var stamp = NotesStamps.For("acme", version, product: product);
        var program = PulumiProgram.Parse(AwsProgramGenerator.Generate(stamp.Template, stamp.Size, AwsFakes.Options).Text);

        var entries = AwsStackConfig.For(stamp, NotesStamps.Secrets, AwsFakes.Options);

        Assert.Equal(program.Config.Keys.Order().ToList(), entries.Where(e => !e.Key.Contains(':', StringComparison.Ordinal)).Select(e => e.Key).Order().ToList());
        Assert.Equal(
            program.Config.Values.Where(c => c.Secret).Select(c => c.Name).Order().ToList(),
            entries.Where(e => e.Secret).Select(e => e.Key).Order().ToList());
        Assert.All(entries.Where(e => e.Key.Contains(':', StringComparison.Ordinal)), e => Assert.Contains(e.Key, fixture.Schema.ProviderConfig));
    }

    [Fact]
    public void ConfigTypes_EveryValueTheDriverSets_IsAStringDeclaredString()
    {
        // pulumi-yaml reads a numeric-looking plaintext config value as a number, so a `type: string` key with such a
        // value fails with "cannot have conflicting types" (pulumi-yaml#415): the driver sets no number at all.
        var stamp = NotesStamps.For("acme", "2.0.0", "large", "tracker");
        var program = PulumiProgram.Parse(GeneratedPrograms.For("tracker@2.0.0", "large").Text);

        Assert.All(AwsStackConfig.For(stamp, NotesStamps.Secrets, AwsFakes.Options).Where(e => !e.Key.Contains(':', StringComparison.Ordinal)), e =>
        {
            Assert.Equal("string", program.Config[e.Key].Type);
            Assert.False(double.TryParse(e.Value, System.Globalization.CultureInfo.InvariantCulture, out _), $"{e.Key}={e.Value} looks numeric");
        });
    }

    [Fact]
    public void ConfigValues_Notes_TenantSecretAndRegion()
    {
        var entries = AwsStackConfig.For(NotesStamps.For("acme"), NotesStamps.Secrets, AwsFakes.Options);

        Assert.Equal(["tenant=acme", "dbPassword=[secret]", "aws:region=eu-west-1"], entries.Select(e => e.ToString()));
    }

    [Theory]
    [InlineData("notes@1.1.0")]
    [InlineData("tracker@2.0.0")]
    public void Outputs_EveryOutputTheBackendReads_IsDeclared(string reference)
    {
        var program = PulumiProgram.Parse(GeneratedPrograms.For(reference).Text);
        var read = typeof(AwsOutputNames).GetFields().Select(f => (string)f.GetValue(null)!)
            .Except([AwsOutputNames.FileSystem]) // only when the template has volumes
            .ToList();

        Assert.All(read, key => Assert.Contains(key, program.Outputs.Keys));
    }

    [Fact]
    public void Outputs_TrackerVolumes_DeclareTheFileSystem()
    {
        Assert.Contains(AwsOutputNames.FileSystem, PulumiProgram.Parse(GeneratedPrograms.Tracker).Outputs.Keys);
    }

    [Fact]
    public void OneOffContainers_StartWithTheDriversScript()
    {
        var program = PulumiProgram.Parse(GeneratedPrograms.Tracker);

        foreach (var component in new[] { "web", "worker", "db" })
        {
            var containers = ProgramQueries.Containers(program, ProgramNames.OneOffContainers(component));
            var main = containers.Single(c => c.Name == component);
            Assert.Equal(OneOffTask.EntryPoint, main.EntryPoint);
            Assert.Equal(OneOffTask.Script, main.Command![0]);
        }
    }
}
