using Provisioner.Aws.Program;
using Provisioner.Aws.Tests.Support;
using Provisioner.Aws.Validation;
using YamlDotNet.RepresentationModel;

namespace Provisioner.Aws.Tests.Program;

/// <summary>Secrets reach containers only as files: never as a value in an environment variable, a command or the task definition.</summary>
public sealed class SecretDeliveryTests
{
    public static TheoryData<string> Products() => ["notes@1.1.0", "tracker@2.0.0"];

    private static IEnumerable<ContainerView> AllContainers(PulumiProgram program) =>
        program.Variables.Keys.Where(v => v.EndsWith("Containers", StringComparison.Ordinal)).SelectMany(v => ProgramQueries.Containers(program, v));

    [Theory]
    [MemberData(nameof(Products))]
    public void Generate_ComponentContainers_NoSecretInEnvironmentOrCommand(string reference)
    {
        var program = PulumiProgram.Parse(GeneratedPrograms.For(reference).Text);
        var secretKeys = program.Config.Values.Where(c => c.Secret).Select(c => "${" + c.Name).ToList();

        var components = AllContainers(program).Where(c => c.Name != ProgramNames.SecretsContainer).ToList();

        Assert.NotEmpty(components);
        Assert.All(components, c =>
        {
            Assert.Empty(c.SecretVariables);
            var texts = c.Env.Keys.Concat(c.Env.Values).Concat(c.Command ?? []).Concat(c.EntryPoint ?? []).ToList();
            Assert.DoesNotContain(texts, t => secretKeys.Any(k => t.Contains(k, StringComparison.Ordinal)) || t.Contains("SECRET_", StringComparison.Ordinal));
        });
    }

    [Theory]
    [MemberData(nameof(Products))]
    public void Generate_SecretConfig_OnlyFeedsSecretsManagerAndTheDatabasePassword(string reference)
    {
        var program = PulumiProgram.Parse(GeneratedPrograms.For(reference).Text);
        var uses = new List<string>();
        foreach (var resource in program.Resources.Values)
        {
            uses.AddRange(Expressions.Scalars(resource.Node, resource.Name).Where(s => s.Scalar.Value == "${dbPassword}").Select(s => s.Path));
        }

        uses.AddRange(program.Variables.SelectMany(v => Expressions.Scalars(v.Value, v.Key)).Where(s => s.Scalar.Value?.Contains("${dbPassword}", StringComparison.Ordinal) == true).Select(s => s.Path));
        uses.AddRange(program.Outputs.SelectMany(v => Expressions.Scalars(v.Value, v.Key)).Where(s => s.Scalar.Value?.Contains("${dbPassword}", StringComparison.Ordinal) == true).Select(s => s.Path));

        Assert.Equal(["dbPasswordSecretValue.properties.secretString", "dbDatabase.properties.password"], uses);
    }

    [Fact]
    public void Generate_InitContainer_WritesEachSecretFromItsArn_AndTheComponentMountsThemReadOnlyAfterIt()
    {
        var program = PulumiProgram.Parse(GeneratedPrograms.Tracker);
        var containers = ProgramQueries.Containers(program, ProgramNames.Containers("web"));

        var init = containers.Single(c => c.Name == ProgramNames.SecretsContainer);
        var web = containers.Single(c => c.Name == "web");

        Assert.False(init.Essential);
        Assert.Equal(["SECRET_DB_PASSWORD"], init.SecretVariables);
        Assert.Equal("set -eu; umask 0222; printf %s \"$SECRET_DB_PASSWORD\" > /run/secrets/db_password", Assert.Single(init.Command!));
        Assert.Contains("run-secrets:/run/secrets:ro", web.Mounts);
        var variable = (YamlSequenceNode)((YamlMappingNode)program.Variables[ProgramNames.Containers("web")]).Children[new YamlScalarNode("fn::toJSON")];
        var initNode = (YamlMappingNode)variable.Children[0];
        Assert.Equal("0", ProgramQueries.Text(initNode, "user"));
        Assert.Equal("${dbPasswordSecret.arn}", ProgramQueries.Text(((YamlSequenceNode)initNode.Children[new YamlScalarNode("secrets")]).Children[0], "valueFrom"));
        var webNode = (YamlMappingNode)variable.Children[1];
        Assert.Equal("SUCCESS", ProgramQueries.Text(((YamlSequenceNode)webNode.Children[new YamlScalarNode("dependsOn")]).Children[0], "condition"));
    }

    [Fact]
    public void Generate_ComponentWithoutSecrets_HasNoInitContainerNorSecretsVolume()
    {
        var program = PulumiProgram.Parse(GeneratedPrograms.Tracker);

        var queue = Assert.Single(ProgramQueries.Containers(program, ProgramNames.Containers("queue")));

        Assert.Empty(queue.Mounts);
        Assert.Null(ProgramQueries.Property(ProgramQueries.Resource(program, "queueTask"), "volumes"));
    }

    [Fact]
    public void Generate_ExecutionRole_ReadsOnlyTheTenantsSecrets()
    {
        var program = PulumiProgram.Parse(GeneratedPrograms.Tracker);

        var policy = ProgramQueries.Property(ProgramQueries.Resource(program, "executionReadsSecrets"), "policy.fn::toJSON.Statement.0");

        Assert.Equal(["secretsmanager:GetSecretValue"], ProgramQueries.List(((YamlMappingNode)policy!).Children[new YamlScalarNode("Action")]));
        Assert.Equal(["${dbPasswordSecret.arn}"], ProgramQueries.List(((YamlMappingNode)policy).Children[new YamlScalarNode("Resource")]));
    }
}
