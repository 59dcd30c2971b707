namespace Provisioner.Core.Templates;

/// <summary>A command run inside the component exits 0 and, when <see cref="Expect"/> is given, prints it (a substring of standard output).</summary>
public sealed record ExecCheckSpec(string Component, IReadOnlyList<string> Command, string? Expect) : HealthCheckSpec(Component)
{
    public override string Name => $"{Component}:exec {string.Join(' ', Command)}";
}
