namespace Provisioner.Cli.Tests.Support;

/// <summary>Environments for the capacity tests, which (unlike the rest) run against the real limits of this machine.</summary>
public static class CapacityEnv
{
    public const long Mi = 1L << 20;
    public const long Gi = 1L << 30;

    /// <summary>What each size of notes@1.1.0 asks (templates/notes/1.1.0/template.yaml), disk as in <see cref="SmallDisks"/>.</summary>
    public static readonly (double Cpu, long Memory, long Disk) Small = (0.5, 512 * Mi, 100 * Mi);

    public static readonly (double Cpu, long Memory, long Disk) Medium = (1, Gi, 100 * Mi);

    public static readonly (double Cpu, long Memory, long Disk) Large = (2, 2 * Gi, 100 * Mi);

    /// <summary>Only this test's tenants count, with the given CPU overcommit and reserve: deterministic while others share the engine.</summary>
    public static Dictionary<string, string> Real(double overcommit = 1.0, string reserve = "10%", string? templates = null)
    {
        var env = new Dictionary<string, string>
        {
            ["PROVISIONER_CAPACITY_SCOPE"] = "registry",
            ["PROVISIONER_CPU_OVERCOMMIT"] = overcommit.ToString(System.Globalization.CultureInfo.InvariantCulture),
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
    public static TemplateVariant SmallDisks() => new([
        ("small:  { cpu: 0.5, memory: 512Mi, disk: 2Gi }", "small:  { cpu: 0.5, memory: 512Mi, disk: 100Mi }"),
        ("medium: { cpu: 1,   memory: 1Gi,   disk: 5Gi }", "medium: { cpu: 1,   memory: 1Gi,   disk: 100Mi }"),
        ("large:  { cpu: 2,   memory: 2Gi,   disk: 20Gi }", "large:  { cpu: 2,   memory: 2Gi,   disk: 100Mi }"),
    ]);
}
