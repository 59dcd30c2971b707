using Provisioner.Core.Capacity;
using Provisioner.Core.Audit;
using Provisioner.Core.Checks;
using Provisioner.Core.Errors;
using Provisioner.Core.Secrets;
using Provisioner.Core.Tenants;
using Provisioner.Registry.Secrets;
using Provisioner.Registry.Transfer;

namespace Provisioner.Registry;

/// <summary>
/// One registry, whichever store holds it (the SQLite file in a home, or a PostgreSQL database shared by a team): its
/// tenants and journal, locks, secret protection, capacity history and counts, and moving it to another store
/// (<see cref="ExportAsync"/>, <see cref="ImportAsync"/>). Made by <see cref="RegistryFactory.Open"/>.
/// </summary>
public sealed class RegistryStores : IDisposable
{
    private readonly IRegistryImportTarget _importTarget;
    private readonly Func<string>? _verifyTeamKey;
    private readonly IDisposable? _resources;
    private readonly TimeProvider _time;

    internal RegistryStores(
        string store, string description, ITenantRegistry registry, ILockManager locks, ISecretProtector protector, ICapacityHistory history,
        ITenantCounts counts, ICheckHistory checks, IRegistryImportTarget importTarget, string keyFile, TimeProvider time, Func<string>? verifyTeamKey = null, IDisposable? resources = null)
    {
        Store = store;
        Description = description;
        Registry = registry;
        Locks = locks;
        Protector = protector;
        History = history;
        Counts = counts;
        Checks = checks;
        KeyFile = keyFile;
        _importTarget = importTarget;
        _time = time;
        _verifyTeamKey = verifyTeamKey;
        _resources = resources;
    }

    /// <summary><c>sqlite</c> or <c>postgres</c>.</summary>
    public string Store { get; }

    /// <summary>Where it is, for people: <c>SQLite at ~/.provisioner/registry.db</c>, <c>PostgreSQL at db.internal:5432/provision</c> (never a password).</summary>
    public string Description { get; }

    public ITenantRegistry Registry { get; }

    public ILockManager Locks { get; }

    public ISecretProtector Protector { get; }

    public ICapacityHistory History { get; }

    public ITenantCounts Counts { get; }

    /// <summary>Results of <c>provision check</c>, the newest per tenant (not carried by export and import).</summary>
    public ICheckHistory Checks { get; }

    /// <summary>Every mutating command: who, what, when, outcome (<c>provision history</c>).</summary>
    public required IAuditLog Audit { get; init; }

    /// <summary>The fleet's freeze (<c>provision freeze</c>), shared by every operator of this registry.</summary>
    public required Core.Maintenance.IFleetFreezeStore Freeze { get; init; }

    /// <summary>The key file secrets are encrypted with (in the home; for a shared registry, a copy of the team's key).</summary>
    public string KeyFile { get; }

    /// <summary>Writes the whole registry as JSON lines: tenants with their pins and still-encrypted secrets, the journal, capacity history. The key is never written.</summary>
    public Task<RegistryTransferCounts> ExportAsync(TextWriter output, CancellationToken cancellationToken = default) =>
        new RegistryExporter(Registry, History, Store, SecretKeyId.OfFile(KeyFile), _time).ExportAsync(output, cancellationToken);

    /// <summary>
    /// Reads an export (all of it is checked first) and writes it in one transaction. Tenants this registry already has are
    /// refused unless <paramref name="replace"/>; the secrets must be encrypted with this home's key (the export names it).
    /// </summary>
    public async Task<RegistryTransferCounts> ImportAsync(TextReader input, string source, bool replace = false, CancellationToken cancellationToken = default)
    {
        var dump = await RegistryImportReader.ReadAsync(input, source, cancellationToken);
        if (dump.HasSecrets && dump.Header.KeyId is { } exported)
        {
            var mine = SecretKeyId.OfFile(KeyFile);
            if (mine != exported)
            {
                throw new BadInputException(
                    mine is null
                        ? $"{source} holds secrets encrypted with key {exported}, and {KeyFile} does not exist; nothing was imported"
                        : $"{source} holds secrets encrypted with key {exported}, not with {KeyFile} (key {mine}); nothing was imported",
                    "copy the secret.key of the home the export was made from to " + KeyFile);
            }

            _verifyTeamKey?.Invoke();
        }

        return await _importTarget.ImportAsync(dump, replace, cancellationToken);
    }

    /// <summary>
    /// Replaces the secret key with a new random one and re-encrypts every tenant's secrets with it (SQLite registries).
    /// Resumable: a rerun after a kill finishes the rotation begun. The old key is gone afterwards.
    /// </summary>
    public Task<KeyRotationResult> RotateKeyAsync(IProgress<string>? progress = null, CancellationToken cancellationToken = default) =>
        SecretKeyRotation.For(this).RunAsync(progress, cancellationToken);

    public void Dispose() => _resources?.Dispose();
}
