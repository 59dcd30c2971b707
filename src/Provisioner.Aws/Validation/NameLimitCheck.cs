using System.Text.RegularExpressions;
using Provisioner.Core.Tenants;
using YamlDotNet.RepresentationModel;

namespace Provisioner.Aws.Validation;

/// <summary>
/// Names stay within AWS limits for the longest tenant name allowed (<see cref="TenantName.MaxLength"/> characters):
/// each limited name is evaluated with <c>tenant</c> set to such a name, following variables and config defaults.
/// </summary>
internal static partial class NameLimitCheck
{
    /// <summary>The longest valid tenant name, as the name checks use it.</summary>
    public static string LongestTenant { get; } = "t" + new string('x', TenantName.MaxLength - 2) + "9";

    [GeneratedRegex("^[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?$")]
    private static partial Regex AlphanumericAndHyphens();

    public static void Run(ValidationContext ctx, string tenantConfigKey = "tenant")
    {
        foreach (var resource in ctx.Program.Resources.Values)
        {
            var type = ctx.ResourceType(resource);
            if (type is null || resource.Properties is not { } props)
            {
                continue;
            }

            foreach (var limit in NameLimit.All.Where(l => l.Type == type.Token))
            {
                if (!props.Children.TryGetValue(new YamlScalarNode(limit.Property), out var node) || node is not YamlScalarNode { Value: { } text })
                {
                    continue;
                }

                if (Evaluate(ctx.Program, text, tenantConfigKey, 0) is not { } value)
                {
                    continue; // depends on a value known only at run time
                }

                var path = $"{ctx.Describe(resource)}.properties.{limit.Property}";
                if (value.Length > limit.MaxLength)
                {
                    ctx.Add(node, path, $"'{value}' is {value.Length} characters for a {TenantName.MaxLength}-character tenant name; AWS allows {limit.MaxLength}");
                }

                if (limit.AlphanumericAndHyphens && !AlphanumericAndHyphens().IsMatch(value.TrimEnd('-')))
                {
                    ctx.Add(node, path, $"'{value}' may only hold letters, digits and '-', not starting or ending with '-'");
                }
            }
        }
    }

    /// <summary>The string with every reference replaced, or null when a reference is not a config key or text variable.</summary>
    public static string? Evaluate(PulumiProgram program, string text, string tenantConfigKey, int depth)
    {
        if (depth > 10)
        {
            return null;
        }

        var result = text;
        foreach (var reference in Expressions.References(text).Distinct())
        {
            string? value = null;
            if (reference == tenantConfigKey)
            {
                value = LongestTenant;
            }
            else if (program.Config.TryGetValue(reference, out var config) && config.Node is YamlMappingNode m && PulumiProgram.Scalar(m, "default") is { } d)
            {
                value = d;
            }
            else if (program.Variables.TryGetValue(reference, out var variable) && variable is YamlScalarNode { Value: { } v })
            {
                value = Evaluate(program, v, tenantConfigKey, depth + 1);
            }

            if (value is null)
            {
                return null;
            }

            result = result.Replace("${" + reference + "}", value, StringComparison.Ordinal);
        }

        return result;
    }
}
