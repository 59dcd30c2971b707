using Provisioner.Core.Backends;
using Provisioner.Core.Errors;

namespace Provisioner.Composition;

/// <summary>The backends this library can place tenants on, by kind, and the default for new tenants.</summary>
internal sealed class BackendSet(IReadOnlyDictionary<BackendKind, Func<ITenantBackend>> create, BackendKind @default)
{
    public BackendKind Default => @default;

    public IReadOnlyCollection<BackendKind> Kinds => create.Keys.ToList();

    public BackendKind Parse(string name) =>
        create.Keys.FirstOrDefault(k => k.Name == name) is { Name: not null } kind
            ? kind
            : throw new BadInputException($"unknown backend '{name}'", $"use one of: {string.Join(", ", create.Keys)}");

    public ITenantBackend Create(BackendKind kind) =>
        create.TryGetValue(kind, out var make) ? make() : throw new ProvisionerException($"no backend of kind {kind} is configured");
}
