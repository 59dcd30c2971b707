namespace Provisioner.Core.Templates;

/// <summary>
/// Parses the <c>sizes:</c> block: per plan the requested <c>cpu</c> cores and <c>memory</c> (reserved), optionally
/// <c>cpuLimit</c> and <c>memoryLimit</c> (what it may burst to, at least the request; default the request), and <c>disk</c>.
/// </summary>
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

            size.OnlyKeys("cpu", "cpuLimit", "memory", "memoryLimit", "disk");
            var cpu = Cores(size.Child("cpu"), required: true);
            var cpuLimit = Cores(size.Child("cpuLimit"), required: false);
            var memory = Bytes(size.Child("memory"), minimum: 64L << 20, "64Mi");
            var memoryLimit = size.Child("memoryLimit").IsMissing ? null : Bytes(size.Child("memoryLimit"), minimum: 64L << 20, "64Mi");
            var disk = Bytes(size.Child("disk"), minimum: 100L << 20, "100Mi");
            var limitsValid = true;
            if (cpu is not null && cpuLimit is not null && cpuLimit < cpu)
            {
                size.Child("cpuLimit").Error($"must be at least the requested cpu ({cpu}): a tenant may burst above what it reserves, not below");
                limitsValid = false;
            }

            if (memory is not null && memoryLimit is not null && memoryLimit < memory)
            {
                size.Child("memoryLimit").Error(
                    $"must be at least the requested memory ({Quantity.FormatBytes(memory.Value)}): a tenant may burst above what it reserves, not below");
                limitsValid = false;
            }

            if (cpu is not null && memory is not null && disk is not null && limitsValid
                && (size.Child("cpuLimit").IsMissing || cpuLimit is not null) && (size.Child("memoryLimit").IsMissing || memoryLimit is not null))
            {
                result[name] = new SizeSpec(name, cpu.Value, memory.Value, disk.Value)
                {
                    CpuLimit = cpuLimit ?? cpu.Value,
                    MemoryLimitBytes = memoryLimit ?? memory.Value,
                };
            }
        }

        if (!sizes.IsMissing && result.Count == 0 && sizes.Node is YamlDotNet.RepresentationModel.YamlMappingNode { Children.Count: 0 })
        {
            sizes.Error("must declare at least one size");
        }

        return result;
    }

    private static double? Cores(YamlCursor cursor, bool required)
    {
        var cores = cursor.Number(required);
        if (cores is <= 0 or > 64)
        {
            cursor.Error("must be more than 0 and at most 64 cores");
            return null;
        }

        return cores;
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
