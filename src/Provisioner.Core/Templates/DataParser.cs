namespace Provisioner.Core.Templates;

/// <summary>Parses a component's <c>data:</c> against the data kinds the composition root has adapters for.</summary>
internal static class DataParser
{
    public static DataSpec? Parse(YamlCursor data, IReadOnlyDictionary<string, string> volumes, TemplateRules rules)
    {
        if (data.IsMissing)
        {
            return null;
        }

        var kindName = data.Child("kind").String(required: true);
        if (kindName is null)
        {
            return null;
        }

        var kind = rules.DataKind(kindName);
        if (kind is null)
        {
            data.Child("kind").Error(rules.DataKinds.Count == 0
                ? $"'{kindName}' is not a data kind (none are registered)"
                : $"'{kindName}' is not a data kind (known: {string.Join(", ", rules.DataKinds.Select(k => k.Name))})");
            return null;
        }

        data.OnlyKeys(["kind", .. kind.Required.Order(), .. kind.Optional.Order(), "mask"]);
        var settings = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var key in kind.Required.Concat(kind.Optional))
        {
            if (data.Child(key).String(required: kind.Required.Contains(key)) is { } value)
            {
                settings[key] = value;
            }
        }

        if (kind.PathSetting is { } pathKey && settings.TryGetValue(pathKey, out var path) && !volumes.Values.Contains(path))
        {
            data.Child(pathKey).Error(volumes.Count == 0
                ? $"'{path}' is not a volume of this component (it declares none)"
                : $"'{path}' is not a volume of this component (its volumes: {string.Join(", ", volumes.Values)})");
        }

        return new DataSpec(kind.Name, settings) { Mask = ParseMask(data.Child("mask"), kind) };
    }

    /// <summary>
    /// <c>mask: { sql: "..." }</c> or <c>mask: { command: [...] }</c> (exactly one), on a kind that answers queries (it runs on the
    /// clone's staged copy).
    /// </summary>
    private static MaskSpec? ParseMask(YamlCursor mask, DataKindRules kind)
    {
        if (mask.IsMissing)
        {
            return null;
        }

        if (mask.Node is not YamlDotNet.RepresentationModel.YamlMappingNode)
        {
            mask.Error("must be a mapping: mask: { sql: \"update ... set ...\" } or mask: { command: [\"/usr/local/bin/mask\"] }");
            return null;
        }

        mask.OnlyKeys("sql", "command");
        var hasSql = !mask.Child("sql").IsMissing;
        var hasCommand = !mask.Child("command").IsMissing;
        if (hasSql == hasCommand)
        {
            mask.Error(hasSql ? "give sql or command, not both" : "needs sql: \"...\" or command: [...]");
            return null;
        }

        var key = hasSql ? "sql" : "command";
        if (!kind.Queryable)
        {
            mask.Child(key).Error($"a {key} mask runs on a copy of the data, which must be of a kind that answers queries ('{kind.Name}' does not)");
            return null;
        }

        if (hasCommand)
        {
            var command = mask.Child("command").StringList();
            if (mask.Child("command").Node is not YamlDotNet.RepresentationModel.YamlSequenceNode)
            {
                return null;   // StringList said it must be a list
            }

            if (command.Count == 0 || command.Any(string.IsNullOrWhiteSpace))
            {
                mask.Child("command").Error("must be a list of words, the first the program: command: [\"psql\", \"-f\", \"/mask.sql\"]");
                return null;
            }

            return new MaskSpec(null, command);
        }

        var sql = mask.Child("sql").String(required: true);
        if (sql is null)
        {
            return null;
        }

        if (string.IsNullOrWhiteSpace(sql))
        {
            mask.Child("sql").Error("must be SQL, not blank");
            return null;
        }

        return new MaskSpec(sql.Trim());
    }
}
