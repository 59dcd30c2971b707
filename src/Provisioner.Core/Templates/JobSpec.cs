using NuGet.Versioning;

namespace Provisioner.Core.Templates;

/// <summary>
/// A one-off step run to completion with a component's image, environment, secrets and volumes. Jobs of a phase run in
/// the order the template lists them; a job runs again only when its spec changes (a new version) or its last run failed.
/// </summary>
public sealed record JobSpec(string Name, string Component, IReadOnlyList<string> Command, JobPhase Phase)
{
    /// <summary>
    /// The product versions whose app keeps working on the schema this job leaves (<c>compatibleWith:</c>, an
    /// expand-only migration). An upgrade from one of them may run it while that version keeps serving and switch to the
    /// new version without stopping the old one first (a quiet upgrade). Empty: a breaking step (stop, back up, migrate).
    /// </summary>
    public IReadOnlyList<NuGetVersion> CompatibleWith { get; init; } = [];
}
