using YamlDotNet.RepresentationModel;

namespace Provisioner.Aws.Validation;

/// <summary>
/// Every <c>${...}</c> resolves: to a declared config key (or provider config such as <c>aws:region</c>), a variable, a
/// resource (and then to one of its outputs), or a <c>pulumi.*</c> built-in. Invoked functions and their arguments exist.
/// </summary>
internal static class ReferenceCheck
{
    private static readonly HashSet<string> PulumiBuiltins = ["cwd", "organization", "project", "stack"];

    public static void Run(ValidationContext ctx)
    {
        var p = ctx.Program;
        foreach (var (name, node) in p.Variables)
        {
            CheckNode(ctx, node, $"variables.{name}");
            CheckInvokes(ctx, node, $"variables.{name}");
        }

        foreach (var resource in p.Resources.Values)
        {
            if (resource.Properties is { } props)
            {
                CheckNode(ctx, props, $"{ctx.Describe(resource)}.properties");
                CheckInvokes(ctx, props, $"{ctx.Describe(resource)}.properties");
            }

            if (resource.Options is { } options)
            {
                CheckNode(ctx, options, $"{resource.Path}.options");
                CheckDependsOn(ctx, resource, options);
            }
        }

        foreach (var (name, node) in p.Outputs)
        {
            CheckNode(ctx, node, $"outputs.{name}");
        }
    }

    private static void CheckNode(ValidationContext ctx, YamlNode node, string path)
    {
        foreach (var (at, scalar) in Expressions.Scalars(node, path))
        {
            var text = scalar.Value ?? "";
            if (text.Replace("$${", "", StringComparison.Ordinal).Split("${").Length - 1 != Expressions.References(text).Count())
            {
                ctx.Add(scalar, at, $"unterminated interpolation in '{text}'");
            }

            foreach (var reference in Expressions.References(text))
            {
                if (Problem(ctx, reference) is { } problem)
                {
                    ctx.Add(scalar, at, $"${{{reference}}}: {problem}");
                }
            }
        }
    }

    private static string? Problem(ValidationContext ctx, string reference)
    {
        var p = ctx.Program;
        var root = Expressions.Root(reference);
        var property = Expressions.FirstProperty(reference);
        if (root.Length == 0)
        {
            return "empty reference";
        }

        if (root == "pulumi")
        {
            return property is not null && PulumiBuiltins.Contains(property) ? null : $"unknown built-in (pulumi.{string.Join(", pulumi.", PulumiBuiltins)})";
        }

        if (root.Contains(':', StringComparison.Ordinal))
        {
            return ctx.Schema.ProviderConfig.Contains(root) || p.Config.ContainsKey(root) ? null : $"'{root}' is not a declared config key or a provider config key";
        }

        if (p.Config.ContainsKey(root) || p.Variables.ContainsKey(root))
        {
            return p.Variables.TryGetValue(root, out var v) && property is not null && InvokeResults(ctx, v) is { } results && !results.Contains(property)
                ? $"the function called by variable '{root}' returns no '{property}'{Suggest.Closest(property, results)}"
                : null;
        }

        if (p.Resources.TryGetValue(root, out var resource))
        {
            return property is not null && ctx.ResourceType(resource) is { } type && !type.Outputs.Contains(property)
                ? $"resource '{root}' ({type.Token}) has no output '{property}'{Suggest.Closest(property, type.Outputs)}"
                : null;
        }

        return $"'{root}' is not a declared config key, variable or resource{Suggest.Closest(root, p.Config.Keys.Concat(p.Variables.Keys).Concat(p.Resources.Keys))}";
    }

    /// <summary>The result fields of a variable that is a plain <c>fn::invoke</c> (no <c>return:</c>), else null.</summary>
    private static IReadOnlySet<string>? InvokeResults(ValidationContext ctx, YamlNode variable) =>
        variable is YamlMappingNode m && Expressions.FunctionName(m) is { } fn && fn.Equals("fn::invoke", StringComparison.OrdinalIgnoreCase)
        && m.Children.Values.First() is YamlMappingNode call && PulumiProgram.Scalar(call, "return") is null
        && PulumiProgram.Scalar(call, "function") is { } function && ctx.Schema.Function(function) is { } schema
            ? schema.Results
            : null;

    private static void CheckInvokes(ValidationContext ctx, YamlNode node, string path)
    {
        if (node is YamlMappingNode map)
        {
            if (Expressions.FunctionName(map) is { } fn && fn.Equals("fn::invoke", StringComparison.OrdinalIgnoreCase) && map.Children.Values.First() is YamlMappingNode call)
            {
                CheckInvoke(ctx, call, $"{path}.{fn}");
            }

            foreach (var (k, v) in map.Children)
            {
                CheckInvokes(ctx, v, $"{path}.{((YamlScalarNode)k).Value}");
            }
        }
        else if (node is YamlSequenceNode seq)
        {
            for (var i = 0; i < seq.Children.Count; i++)
            {
                CheckInvokes(ctx, seq.Children[i], $"{path}[{i}]");
            }
        }
    }

    private static void CheckInvoke(ValidationContext ctx, YamlMappingNode call, string path)
    {
        var function = PulumiProgram.Scalar(call, "function");
        if (function is null || ctx.Schema.Function(function) is not { } schema)
        {
            ctx.Add(call, $"{path}.function", $"unknown function '{function}'");
            return;
        }

        if (PulumiProgram.Scalar(call, "return") is { } ret && !schema.Results.Contains(ret))
        {
            ctx.Add(call, $"{path}.return", $"{schema.Token} returns no '{ret}'{Suggest.Closest(ret, schema.Results)}");
        }

        if (call.Children.TryGetValue(new YamlScalarNode("arguments"), out var args) && args is YamlMappingNode argMap)
        {
            foreach (var key in argMap.Children.Keys.Cast<YamlScalarNode>().Where(k => !schema.Arguments.Properties.ContainsKey(k.Value ?? "")))
            {
                ctx.Add(key, $"{path}.arguments.{key.Value}", $"unknown argument '{key.Value}' of {schema.Token}{Suggest.Closest(key.Value ?? "", schema.Arguments.Properties.Keys)}");
            }
        }
    }

    private static void CheckDependsOn(ValidationContext ctx, ResourceDeclaration resource, YamlMappingNode options)
    {
        if (!options.Children.TryGetValue(new YamlScalarNode("dependsOn"), out var deps))
        {
            return;
        }

        if (deps is not YamlSequenceNode list)
        {
            ctx.Add(deps, $"{resource.Path}.options.dependsOn", "expected a list of ${resource}");
            return;
        }

        foreach (var item in list.Children)
        {
            var text = (item as YamlScalarNode)?.Value ?? "";
            var refs = Expressions.References(text).ToList();
            if (refs.Count != 1 || !Expressions.IsDynamic(item) || !ctx.Program.Resources.ContainsKey(refs[0]))
            {
                ctx.Add(item, $"{resource.Path}.options.dependsOn", $"'{text}' is not ${{<resource>}} of a declared resource");
            }
        }
    }
}
