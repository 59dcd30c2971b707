using Provisioner.Aws.Program;
using Provisioner.Aws.Tests.Support;
using Provisioner.Aws.Validation;
using Provisioner.Core.Templates;

namespace Provisioner.Aws.Tests.Program;

/// <summary>AWS names stay within their limits for the longest tenant name and the longest component names a template may have.</summary>
public sealed class NameLimitTests(SchemaFixture fixture) : IClassFixture<SchemaFixture>
{
    [Fact]
    public void Generate_LongestTenantAndComponentNames_NoNameOverItsLimit()
    {
        var yaml = File.ReadAllText(Path.Combine(RepoPaths.Templates, "tracker", "2.0.0", "template.yaml"))
            .Replace("  queue:\n", "  messagequeue:\n", StringComparison.Ordinal)
            .Replace("${queue.", "${messagequeue.", StringComparison.Ordinal)
            .Replace("  web:\n", "  storefront12:\n", StringComparison.Ordinal)
            .Replace("component: web", "component: storefront12", StringComparison.Ordinal)
            .Replace("  db:\n", "  postgresdb12:\n", StringComparison.Ordinal)
            .Replace("${db.", "${postgresdb12.", StringComparison.Ordinal)
            .Replace("[db, queue]", "[postgresdb12, messagequeue]", StringComparison.Ordinal)
            .Replace("uploads: /srv/uploads", "attachments1: /srv/uploads", StringComparison.Ordinal);
        var template = TemplateParser.Parse("template.yaml", yaml, Provisioner.Data.StandardDataAdapters.Create().Rules, "2.0.0");
        Assert.Contains(template.Components, c => c.Name == "storefront12");

        var program = AwsProgramGenerator.Generate(template, template.Sizes["small"], AwsFakes.Options).Text;
        var errors = fixture.Validate(program);

        Assert.DoesNotContain(errors, e => e.Message.Contains("characters for a", StringComparison.Ordinal) || e.Message.Contains("may only hold", StringComparison.Ordinal));
        Assert.All(errors, e => Assert.StartsWith("unknown resource type", e.Message));
        Assert.Contains("identifier: ${prefix}-postgresdb12", program, StringComparison.Ordinal);
    }

    [Fact]
    public void Generate_TargetGroupAndLoadBalancer_FixedShortNames()
    {
        var program = PulumiProgram.Parse(GeneratedPrograms.Tracker);

        Assert.Equal("${prefix}-tg", ProgramQueries.Text(ProgramQueries.Property(ProgramQueries.Resource(program, ProgramNames.TargetGroup), "name")));
        Assert.Equal("${prefix}-alb", ProgramQueries.Text(ProgramQueries.Property(ProgramQueries.Resource(program, ProgramNames.LoadBalancer), "name")));
    }
}
