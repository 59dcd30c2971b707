using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace Provisioner.Aws.Validation;

/// <summary>
/// Secrets enter the program only as config declared <c>secret: true</c> or through <c>fn::secret</c>: every input the
/// schema marks secret gets one of those, and config keys named like secrets are declared secret.
/// </summary>
internal static partial class SecretCheck
{
    [GeneratedRegex("(?i)(password|passwd|secret|token|apikey|api_key|privatekey|private_key|credential)")]
    private static partial Regex SecretLikeName();

    public static void Run(ValidationContext ctx)
    {
        foreach (var config in ctx.Program.Config.Values)
        {
            if (SecretLikeName().IsMatch(config.Name) && !config.Secret)
            {
                ctx.Add(config.Node, $"config.{config.Name}", "looks like a secret but is not declared 'secret: true'");
            }

            if (config.Secret && config.HasDefault)
            {
                ctx.Add(config.Node, $"config.{config.Name}", "a secret must not have a default value in the program");
            }
        }

        foreach (var resource in ctx.Program.Resources.Values)
        {
            if (ctx.ResourceType(resource) is not { } type || resource.Properties is not { } props)
            {
                continue;
            }

            foreach (var (keyNode, value) in props.Children)
            {
                var key = ((YamlScalarNode)keyNode).Value ?? "";
                if (type.Inputs.Properties.TryGetValue(key, out var property) && property.Secret && !IsSecretSource(ctx, value))
                {
                    ctx.Add(value, $"{ctx.Describe(resource)}.properties.{key}", "is a secret input: give it ${<config declared secret: true>} or fn::secret, never a literal or plain value");
                }
            }
        }
    }

    private static bool IsSecretSource(ValidationContext ctx, YamlNode value) => value switch
    {
        YamlMappingNode m => Expressions.FunctionName(m) is { } fn && fn.Equals("fn::secret", StringComparison.OrdinalIgnoreCase),
        YamlScalarNode { Value: { } text } when Expressions.IsDynamic(value) =>
            ctx.Program.Config.TryGetValue(Expressions.Root(Expressions.References(text).Single()), out var c) && c.Secret,
        _ => false,
    };
}
