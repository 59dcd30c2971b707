using Microsoft.Extensions.Logging;
using Provisioner.Core.Backends;
using Provisioner.Core.Errors;
using Provisioner.Core.Health;
using Provisioner.Core.Logging;
using Provisioner.Core.Secrets;
using Provisioner.Core.Templates;
using Provisioner.Core.Tenants;

namespace Provisioner.Core.Rotation;

/// <summary>
/// <c>provision rotate TENANT [SECRET]</c>: a new password for each rotatable secret, with no failed customer request.
/// Per secret, each a journaled step, in this order: (1) the new value is saved as pending in the registry (encrypted,
/// beside the current one); (2) the role's password is set in the database (open connections keep working, new ones need
/// it); (3) the file is replaced in every component that uses it (apps read it per new connection and retry a refused
/// login, see docs/templates.md); (4) the new value becomes current and the pending one goes, in one save; (5) the new
/// password must log in over TCP and the old one must be refused. A rerun after a crash at any point finds the pending
/// value and finishes with it (steps 2-3 are idempotent), so the registry and the database never stay apart. Then the
/// tenant's health checks and journeys must pass. Under the tenant's lock.
/// </summary>
internal sealed class SecretRotator(
    ITenantRegistry registry,
    ILockManager locks,
    ITemplateCatalog templates,
    ITenantBackend backend,
    IPasswordChanger? changer,
    ISecretProtector protector,
    HealthGate health,
    TimeProvider time,
    ILogger<SecretRotator> log)
{
    public const string JournalKind = "rotate";

    public async Task<RotationResult> RotateAsync(string name, string? secret, IProgress<string>? progress, CancellationToken ct)
    {
        TenantName.Validate(name);
        var start = time.GetTimestamp();
        using var held = locks.Acquire($"tenant {name}", JournalKind);
        using var scope = log.BeginScope(LogScopes.ForTenant(name, backend.Kind));
        var tenant = await registry.RequireAsync(name, ct);
        Refuse(tenant);
        var changes = changer ?? throw new BadInputException(
            $"rotate is not supported on {tenant.Backend.Name} yet ({name} runs there): only tenants on the docker backend can rotate their secrets", "see README (Secret rotation)");
        var template = templates.Resolve(TemplateRef.Parse(tenant.TemplateRef));
        var selected = RotatableSecrets.Select(template, secret);
        await registry.Journal.MarkInterruptedAsync(name, ct);
        var operation = await registry.Journal.BeginAsync(name, JournalKind, string.Join(", ", selected.Select(s => s.Secret)), ct);
        try
        {
            var rotated = new List<RotatedSecret>();
            foreach (var one in selected)
            {
                (tenant, var done) = await RotateOneAsync(tenant, one, changes, operation, progress, ct);
                rotated.Add(done);
            }

            progress?.Report($"running {name}'s health checks");
            var checks = template.AllChecks;
            var endpoint = tenant.Endpoint is null ? null : new Uri(tenant.Endpoint);
            var report = await registry.Journal.RunStepAsync(operation, "health", $"{checks.Count} check(s)",
                () => health.WaitHealthyAsync(new ProbeTarget(name, template, endpoint, backend), checks, ct), ct);
            if (!report.Passed)
            {
                throw new ProvisionerException($"{name} is unhealthy after the rotation: {report.Failure}", ExitCodes.Unhealthy,
                    $"the new password is in place (old one refused); `provision status {name}` shows what fails");
            }

            await registry.Journal.EndAsync(operation, JournalStatus.Succeeded, null, ct);
            log.LogInformation("Rotated {Secrets} of {Tenant}", string.Join(", ", rotated.Select(r => r.Secret)), name);
            return new RotationResult(name, rotated, checks.Count, time.GetElapsedTime(start));
        }
        catch (Exception e)
        {
            await registry.Journal.EndAsync(operation, JournalStatus.Failed, e is OperationCanceledException ? "cancelled" : e.Message, CancellationToken.None);
            throw;
        }
    }

    private async Task<(TenantRecord Tenant, RotatedSecret Rotated)> RotateOneAsync(
        TenantRecord tenant, RotatableSecret one, IPasswordChanger changes, long operation, IProgress<string>? progress, CancellationToken ct)
    {
        var name = tenant.Name;
        var pendingKey = PendingSecret.Key(one.Secret);
        var secrets = TenantSecrets.Open(protector, tenant.EncryptedSecrets, name);
        var old = secrets.Find(one.Secret) ?? throw new ProvisionerException($"{name} has no value for {one.Secret} in the registry", hint: $"`provision tenant {name}` generates it");
        var next = secrets.Find(pendingKey);
        var resumed = next is not null;
        if (next is null)
        {
            next = SecretGenerator.New();
            progress?.Report($"{one.Secret}: new value saved as pending");
            tenant = await registry.Journal.RunStepAsync(operation, "pending", one.Secret, () => SaveAsync(tenant, secrets.With(pendingKey, next), ct), ct);
        }
        else
        {
            progress?.Report($"{one.Secret}: finishing the rotation an earlier run began (its pending value)");
        }

        progress?.Report($"{one.Secret}: set the password of role {one.Role} in {one.Component}");
        await registry.Journal.RunStepAsync(operation, "set-password", $"{one.Secret}: role {one.Role} in {one.Component}", () => changes.SetPasswordAsync(name, one, next, ct), ct);
        foreach (var component in one.Consumers)
        {
            progress?.Report($"{one.Secret}: deliver to {component}");
            await registry.Journal.RunStepAsync(operation, "deliver", $"{one.Secret} to {component}", () => changes.DeliverAsync(name, component, one.Secret, next, ct), ct);
        }

        tenant = await registry.Journal.RunStepAsync(operation, "commit", one.Secret, () => SaveAsync(tenant, secrets.With(one.Secret, next).Without(pendingKey), ct), ct);
        progress?.Report($"{one.Secret}: verify over TCP (new password accepted, old refused)");
        await registry.Journal.RunStepAsync(operation, "verify", one.Secret, async () =>
        {
            if (!await changes.AuthenticatesAsync(name, one, next, ct))
            {
                throw new ProvisionerException($"{name}: the new {one.Secret} does not log {one.Role} in after the rotation");
            }

            if (old != next && await changes.AuthenticatesAsync(name, one, old, ct))
            {
                throw new ProvisionerException($"{name}: the old {one.Secret} still logs {one.Role} in after the rotation");
            }
        }, ct);
        return (tenant, new RotatedSecret(one.Secret, one.Role, one.Consumers, resumed));
    }

    private async Task<TenantRecord> SaveAsync(TenantRecord tenant, TenantSecrets secrets, CancellationToken ct)
    {
        var saved = tenant with { EncryptedSecrets = secrets.Seal(protector, tenant.Name), UpdatedAt = time.GetUtcNow() };
        await registry.SaveAsync(saved, ct);
        return saved;
    }

    /// <summary>Only a tenant whose components run and that no other operation is changing.</summary>
    private static void Refuse(TenantRecord tenant)
    {
        if (tenant.Status is TenantStatus.Destroyed or TenantStatus.Suspended)
        {
            throw new BadInputException($"{tenant.Name} is {tenant.Status}: nothing runs whose password could be rotated", $"`provision {(tenant.Status == TenantStatus.Suspended ? "resume" : "tenant")} {tenant.Name}` brings it back first");
        }

        if (tenant.Status is TenantStatus.Upgrading or TenantStatus.RollingBack or TenantStatus.NeedsAttention or TenantStatus.Restoring or TenantStatus.Provisioning)
        {
            throw new ProvisionerException($"{tenant.Name} is {tenant.Status}; rotating now could cut into that operation", ExitCodes.Locked,
                $"settle it first (`provision status {tenant.Name}`), then rotate");
        }
    }
}
