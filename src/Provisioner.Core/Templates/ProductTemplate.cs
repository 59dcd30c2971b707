using NuGet.Versioning;
using Provisioner.Core.Templates.Journeys;

namespace Provisioner.Core.Templates;

/// <summary>A validated, versioned product manifest (templates/&lt;product&gt;/&lt;version&gt;/template.yaml). Inert data.</summary>
public sealed record ProductTemplate(
    string Product,
    NuGetVersion Version,
    string Description,
    IReadOnlyDictionary<string, SizeSpec> Sizes,
    string DefaultSize,
    IReadOnlyList<string> Secrets,
    IReadOnlyList<ComponentSpec> Components,
    IReadOnlyList<JobSpec> Jobs,
    IReadOnlyDictionary<string, JourneySpec> Journeys,
    string SourcePath)
{
    public string Ref => $"{Product}@{Version.ToNormalizedString()}";

    public ComponentSpec Component(string name) =>
        Components.FirstOrDefault(c => c.Name == name)
        ?? throw new KeyNotFoundException($"{Ref} has no component '{name}'");

    /// <summary>The component whose port is the tenant's entry point (published), if any.</summary>
    public ComponentSpec? Entry => Components.FirstOrDefault(c => c.IsEntry);

    /// <summary>The components that hold data, with how each is backed up and restored.</summary>
    public IReadOnlyList<ComponentSpec> DataComponents => Components.Where(c => c.Data is not null).ToList();

    /// <summary>Every component's health checks, dependencies first: the order the health gate runs them in.</summary>
    public IReadOnlyList<HealthCheckSpec> AllChecks => Components.SelectMany(c => c.Health).ToList();
}
