using YamlDotNet.RepresentationModel;

namespace Provisioner.Aws.Validation;

/// <summary>The project file's own shape: name, <c>runtime: yaml</c>, known sections, config declarations, resource fields and options.</summary>
internal static class ProjectCheck
{
    private static readonly HashSet<string> TopLevel =
    [
        "name", "runtime", "description", "config", "variables", "resources", "outputs", "pulumi", "main", "stackConfigDir",
        "backend", "options", "plugins", "packages", "template", "configuration",
    ];

    private static readonly HashSet<string> ConfigTypes = ["string", "boolean", "integer", "array", "object"];

    private static readonly HashSet<string> ConfigFields = ["type", "default", "secret", "description", "items", "value"];

    private static readonly HashSet<string> ResourceFields = ["type", "properties", "options", "get", "defaultProvider", "name"];

    private static readonly HashSet<string> Options =
    [
        "additionalSecretOutputs", "aliases", "customTimeouts", "deleteBeforeReplace", "dependsOn", "ignoreChanges", "import",
        "parent", "protect", "provider", "providers", "version", "pluginDownloadURL", "replaceOnChanges", "retainOnDelete",
        "replaceWith", "deletedWith", "hideDiffs", "replacementTrigger", "envVarMappings",
    ];

    public static void Run(ValidationContext ctx)
    {
        var root = ctx.Program.Root;
        foreach (var key in root.Children.Keys.Cast<YamlScalarNode>().Where(k => !TopLevel.Contains(k.Value ?? "")))
        {
            ctx.Add(key, key.Value ?? "", $"unknown top-level key{Suggest.Closest(key.Value ?? "", TopLevel)}");
        }

        if (PulumiProgram.Scalar(root, "name") is not { Length: > 0 })
        {
            ctx.Add(root, "name", "the project needs a name");
        }

        if (PulumiProgram.Scalar(root, "runtime") != "yaml")
        {
            ctx.Add(root, "runtime", "must be 'yaml' for a Pulumi YAML program");
        }

        foreach (var config in ctx.Program.Config.Values)
        {
            CheckConfig(ctx, config);
        }

        foreach (var resource in ctx.Program.Resources.Values)
        {
            foreach (var key in resource.Node.Children.Keys.Cast<YamlScalarNode>().Where(k => !ResourceFields.Contains(k.Value ?? "")))
            {
                ctx.Add(key, $"{resource.Path}.{key.Value}", $"unknown resource field{Suggest.Closest(key.Value ?? "", ResourceFields)}");
            }

            if (resource.Properties is not null && resource.Node.Children.ContainsKey(new YamlScalarNode("get")))
            {
                ctx.Add(resource.Node, resource.Path, "'properties' and 'get' are mutually exclusive");
            }

            foreach (var key in resource.Options?.Children.Keys.Cast<YamlScalarNode>().Where(k => !Options.Contains(k.Value ?? "")) ?? [])
            {
                ctx.Add(key, $"{resource.Path}.options.{key.Value}", $"unknown resource option{Suggest.Closest(key.Value ?? "", Options)}");
            }
        }
    }

    private static void CheckConfig(ValidationContext ctx, ConfigDeclaration config)
    {
        var path = $"config.{config.Name}";
        if (config.Node is not YamlMappingNode map)
        {
            return;
        }

        foreach (var key in map.Children.Keys.Cast<YamlScalarNode>().Where(k => !ConfigFields.Contains(k.Value ?? "")))
        {
            ctx.Add(key, $"{path}.{key.Value}", $"unknown config field{Suggest.Closest(key.Value ?? "", ConfigFields)}");
        }

        if (config.Type is null && !config.HasDefault)
        {
            ctx.Add(map, path, "needs a type or a default");
        }
        else if (config.Type is { } type && !ConfigTypes.Contains(type))
        {
            ctx.Add(map, $"{path}.type", $"'{type}' is not a config type ({string.Join(", ", ConfigTypes)})");
        }

        if (config.Secret && config.Type is not (null or "string"))
        {
            ctx.Add(map, $"{path}.secret", "secret config must be a string");
        }
    }
}
