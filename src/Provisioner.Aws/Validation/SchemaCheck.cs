using YamlDotNet.RepresentationModel;

namespace Provisioner.Aws.Validation;

/// <summary>
/// Every resource type exists in the provider schema; every property, nested blocks and list elements included, is an
/// input of its type; required inputs are present; literal values have the declared shape (object, list, bool, number).
/// </summary>
internal static class SchemaCheck
{
    public static void Run(ValidationContext ctx)
    {
        foreach (var resource in ctx.Program.Resources.Values)
        {
            if (resource.Type.Length == 0)
            {
                ctx.Add(resource.Node, resource.Path, "has no type");
                continue;
            }

            if (resource.Type.StartsWith("pulumi:", StringComparison.Ordinal))
            {
                continue; // providers and stack references carry provider config, not resource inputs
            }

            var type = ctx.ResourceType(resource);
            if (type is null)
            {
                ctx.Add(resource.Node, $"{resource.Path}.type", $"unknown resource type '{resource.Type}' (not in pulumi-aws {ctx.Schema.Version}){Suggest.Closest(resource.Type, ctx.Schema.ResourceTokens)}");
                continue;
            }

            if (type.Deprecated)
            {
                ctx.Add(resource.Node, $"{resource.Path}.type", $"'{type.Token}' is deprecated in pulumi-aws {ctx.Schema.Version}");
            }

            var properties = resource.Properties;
            if (properties is null)
            {
                ReportMissing(ctx, resource.Node, $"{ctx.Describe(resource)}.properties", type.Inputs, []);
                continue;
            }

            CheckObject(ctx, properties, $"{ctx.Describe(resource)}.properties", type.Inputs);
        }
    }

    private static void CheckObject(ValidationContext ctx, YamlMappingNode map, string path, ObjectSchema schema)
    {
        var present = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (keyNode, value) in map.Children)
        {
            var key = ((YamlScalarNode)keyNode).Value ?? "";
            present.Add(key);
            if (!schema.Properties.TryGetValue(key, out var property))
            {
                ctx.Add(keyNode, $"{path}.{key}", $"unknown property '{key}' of {schema.Token}{Suggest.Closest(key, schema.Properties.Keys)}");
                continue;
            }

            CheckValue(ctx, value, $"{path}.{key}", property);
        }

        ReportMissing(ctx, map, path, schema, present);
    }

    /// <summary>A lone <c>${key}</c> of a typed config key keeps that type: it must fit the input (integer into number, string into string).</summary>
    private static void CheckConfigType(ValidationContext ctx, YamlNode value, string path, PropertySchema property)
    {
        if (value is not YamlScalarNode { Value: { } text }
            || !ctx.Program.Config.TryGetValue(Expressions.References(text).Single(), out var config)
            || config.Type is not { } type)
        {
            return;
        }

        var fits = (type, property.Type) switch
        {
            ("string", "string") or ("integer", "number") or ("boolean", "boolean") => true,
            (_, "array") or (_, "object") or (_, "map") => type is "array" or "object",
            _ => false,
        };
        if (!fits)
        {
            ctx.Add(value, path, $"config '{config.Name}' is {type}, the input is {property.Type}{(type == "integer" && property.Type == "string" ? " (wrap it in fn::toJSON)" : "")}");
        }
    }

    private static void ReportMissing(ValidationContext ctx, YamlNode node, string path, ObjectSchema schema, HashSet<string> present)
    {
        foreach (var missing in schema.Required.Where(r => !present.Contains(r)).Order(StringComparer.Ordinal))
        {
            ctx.Add(node, $"{path}.{missing}", $"missing required property '{missing}' of {schema.Token}");
        }
    }

    private static void CheckValue(ValidationContext ctx, YamlNode value, string path, PropertySchema property)
    {
        if (Expressions.IsDynamic(value))
        {
            CheckConfigType(ctx, value, path, property);
            return; // otherwise the value's shape is known only when the program runs
        }

        switch (property.Type)
        {
            case "object" when property.Ref is { } reference:
                if (value is not YamlMappingNode obj)
                {
                    ctx.Add(value, path, $"expected an object ({reference})");
                }
                else if (ctx.Schema.Type(reference) is { } nested)
                {
                    CheckObject(ctx, obj, path, nested);
                }

                break;
            case "array":
                if (value is not YamlSequenceNode list)
                {
                    ctx.Add(value, path, "expected a list");
                }
                else if (property.Items is { } items)
                {
                    for (var i = 0; i < list.Children.Count; i++)
                    {
                        CheckValue(ctx, list.Children[i], $"{path}[{i}]", items);
                    }
                }

                break;
            case "map":
                if (value is not YamlMappingNode)
                {
                    ctx.Add(value, path, "expected a map of strings");
                }

                break;
            case "boolean" when value is YamlScalarNode { Value: { } b } && !b.Contains("${", StringComparison.Ordinal) && b is not ("true" or "false"):
                ctx.Add(value, path, $"expected true or false, got '{b}'");
                break;
            case "number" when value is YamlScalarNode { Value: { } n } && !n.Contains("${", StringComparison.Ordinal) && !double.TryParse(n, System.Globalization.CultureInfo.InvariantCulture, out _):
                ctx.Add(value, path, $"expected a number, got '{n}'");
                break;
            case "string" or "number" or "boolean" when value is YamlMappingNode or YamlSequenceNode:
                ctx.Add(value, path, $"expected a {property.Type}, got a {(value is YamlMappingNode ? "mapping" : "list")}");
                break;
        }
    }
}
