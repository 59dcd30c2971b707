namespace Provisioner.Core.Drift;

/// <summary>Progress lines of one tenant among several running at once, prefixed with its name; synchronous, so lines keep their order.</summary>
internal sealed class TenantProgress(string tenant, IProgress<string>? inner) : IProgress<string>
{
    public void Report(string value) => inner?.Report($"{tenant}: {value}");
}
