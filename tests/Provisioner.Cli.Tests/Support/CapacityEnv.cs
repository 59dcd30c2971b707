using System.Globalization;
using System.Text.RegularExpressions;
using Provisioner.Core.Templates;

namespace Provisioner.Cli.Tests.Support;

/// <summary>Environments for the capacity tests, which (unlike the rest) run against the real limits of this machine.</summary>
public static partial class CapacityEnv
{
    private const string DiskOfTests = "100Mi";

    /// <summary>What each size of notes@1.1.0 requests, read from templates/notes/1.1.0/template.yaml; disk as in <see cref="SmallDisks"/>.</summary>
    public static (double Cpu, long Memory, long Disk) Small => Requests("small");

    public static (double Cpu, long Memory, long Disk) Medium => Requests("medium");

    public static (double Cpu, long Memory, long Disk) Large => Requests("large");

    /// <summary>Only this test's tenants count, with the given CPU overcommit and reserve: deterministic while others share the engine.</summary>
    public static Dictionary<string, string> Real(double overcommit = 1.0, string reserve = "10%", string? templates = null)
    {
        var env = new Dictionary<string, string>
        {
            ["PROVISIONER_CAPACITY_SCOPE"] = "registry",
            ["PROVISIONER_CPU_OVERCOMMIT"] = overcommit.ToString(CultureInfo.InvariantCulture),
            ["PROVISIONER_CAPACITY_RESERVE"] = reserve,
        };
        if (templates is not null)
        {
            env["PROVISIONER_TEMPLATES"] = templates;
        }

        return env;
    }

    /// <summary>
    /// notes@1.1.0 with every size's disk set to 100 MiB (the least a size may ask), so the free disk of the machine running
    /// the tests does not decide a verdict; CPU and memory stay the real sizes'.
    /// </summary>
    public static TemplateVariant SmallDisks() =>
        new(SizeLines().Select(l => (l.Line, DiskPattern().Replace(l.Line, $"disk: {DiskOfTests}"))).ToList());

    private static (double Cpu, long Memory, long Disk) Requests(string size)
    {
        var fields = SizeLines().Single(l => l.Name == size).Fields;
        Assert.True(Quantity.TryParseBytes(fields["memory"], out var memory), $"size {size}: memory '{fields["memory"]}'");
        Assert.True(Quantity.TryParseBytes(DiskOfTests, out var disk));
        return (double.Parse(fields["cpu"], CultureInfo.InvariantCulture), memory, disk);
    }

    /// <summary>The memory a size of a product's version requests, read from its template.yaml.</summary>
    public static long MemoryRequest(string product, string version, string size)
    {
        var memory = SizeLines(product, version).Single(l => l.Name == size).Fields["memory"];
        Assert.True(Quantity.TryParseBytes(memory, out var bytes), $"{product}@{version} size {size}: memory '{memory}'");
        return bytes;
    }

    /// <summary>The lines of the sizes block of a template (notes@1.1.0 unless named), each with its name and its fields (flat form: <c>{ cpu: 0.1, ... }</c>).</summary>
    private static List<(string Line, string Name, Dictionary<string, string> Fields)> SizeLines(string product = "notes", string version = "1.1.0")
    {
        var text = File.ReadAllText(Path.Combine(RepoPaths.Templates, product, version, "template.yaml"));
        return SizeLine().Matches(text)
            .Select(m => (m.Value, m.Groups["name"].Value, m.Groups["fields"].Value.Split(',')
                .Select(f => f.Split(':', 2)).ToDictionary(f => f[0].Trim(), f => f[1].Trim(), StringComparer.Ordinal)))
            .ToList();
    }

    [GeneratedRegex(@"^  (?<name>[a-z]+):\s*\{(?<fields>\s*cpu:[^}]*)\}", RegexOptions.Multiline)]
    private static partial Regex SizeLine();

    [GeneratedRegex(@"disk:\s*\S+?(?=\s*[,}])")]
    private static partial Regex DiskPattern();
}
