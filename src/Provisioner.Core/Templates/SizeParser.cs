namespace Provisioner.Core.Templates;

/// <summary>Parses the <c>sizes:</c> block: cpu cores, memory and disk quantities per plan.</summary>
internal static class SizeParser
{
    public static IReadOnlyDictionary<string, SizeSpec> Parse(YamlCursor sizes)
    {
        var result = new Dictionary<string, SizeSpec>(StringComparer.Ordinal);
        foreach (var (name, size) in sizes.Entries(required: true))
        {
            if (!TemplateParser.NamePattern().IsMatch(name))
            {
                size.Error("size names must be lowercase letters, digits and '-'");
            }

            size.OnlyKeys("cpu", "memory", "disk");
            var cpu = size.Child("cpu").Number(required: true);
            if (cpu is <= 0 or > 64)
            {
                size.Child("cpu").Error("must be more than 0 and at most 64 cores");
            }

            var memory = Bytes(size.Child("memory"), minimum: 64L << 20, "64Mi");
            var disk = Bytes(size.Child("disk"), minimum: 100L << 20, "100Mi");
            if (cpu is > 0 and <= 64 && memory is not null && disk is not null)
            {
                result[name] = new SizeSpec(name, cpu.Value, memory.Value, disk.Value);
            }
        }

        if (!sizes.IsMissing && result.Count == 0 && sizes.Node is YamlDotNet.RepresentationModel.YamlMappingNode { Children.Count: 0 })
        {
            sizes.Error("must declare at least one size");
        }

        return result;
    }

    private static long? Bytes(YamlCursor cursor, long minimum, string minimumText)
    {
        var text = cursor.String(required: true);
        if (text is null)
        {
            return null;
        }

        if (!Quantity.TryParseBytes(text, out var bytes))
        {
            cursor.Error($"'{text}' is not a quantity (e.g. 512Mi, 2Gi)");
            return null;
        }

        if (bytes < minimum)
        {
            cursor.Error($"must be at least {minimumText}");
            return null;
        }

        return bytes;
    }
}
