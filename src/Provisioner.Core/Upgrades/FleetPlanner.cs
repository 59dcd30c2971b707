using System.Globalization;
using NuGet.Versioning;
using Provisioner.Core.Backends;
using Provisioner.Core.Errors;
using Provisioner.Core.Templates;
using Provisioner.Core.Tenants;

namespace Provisioner.Core.Upgrades;

/// <summary>
/// Turns a <see cref="FleetRequest"/> and the registry's tenants into waves: the canary first, then waves of the
/// requested size, tenants in name order. Pure: the same inputs give the same plan (so a resumed run continues it). A
/// tenant whose maintenance window is closed at <c>now</c> waits (left out, not blocking) unless the request ignores windows;
/// a resumed run looks at the windows again when it resumes.
/// </summary>
internal static class FleetPlanner
{
    /// <param name="tenants">The registry's tenants.</param>
    /// <param name="request">What was asked for.</param>
    /// <param name="steps">What an upgrade does on each backend that can upgrade (its steps, as the plan shows them); tenants on others are left out, blocking.</param>
    /// <param name="now">The time maintenance windows are judged at.</param>
    public static FleetPlan Plan(
        IReadOnlyList<TenantRecord> tenants, FleetRequest request, IReadOnlyDictionary<BackendKind, IReadOnlyList<string>> steps, DateTimeOffset now)
    {
        var upgradable = steps.Keys.ToList();
        var selected = Select(tenants, request);
        var (product, to) = Target(selected, request);
        var fromFilter = request.From is null ? null : ParseVersion(request.From, "--from");
        var eligible = new List<PlannedUpgrade>();
        var excluded = new List<ExcludedTenant>();
        foreach (var t in selected.OrderBy(t => t.Name, StringComparer.Ordinal))
        {
            var exclusion = Exclusion(t, product, to, fromFilter, request, upgradable);
            if (exclusion is null && !request.IgnoreWindows && WindowWait.Of(t, now) is { } wait)
            {
                excluded.Add(wait);
            }
            else if (exclusion is null)
            {
                eligible.Add(new PlannedUpgrade(t.Name, t.Version, to.ToNormalizedString()));
            }
            else
            {
                excluded.Add(new ExcludedTenant(t.Name, t.Version, exclusion.Value.Reason, exclusion.Value.Blocking) { Status = t.Status });
            }
        }

        var canary = Canary(eligible, excluded, request.Canary, to);
        var rest = eligible.Where(e => !canary.Contains(e)).ToList();
        var waves = new List<FleetWave>();
        if (canary.Count > 0)
        {
            waves.Add(new FleetWave(0, canary));
        }

        var size = WaveSize.Resolve(request.WaveSize, eligible.Count);
        for (var i = 0; i < rest.Count; i += size)
        {
            waves.Add(new FleetWave(waves.Count(w => w.Number > 0) + 1, rest.Skip(i).Take(size).ToList()));
        }

        var backends = selected.Where(t => eligible.Exists(e => e.Tenant == t.Name)).Select(t => t.Backend).Distinct().OrderBy(b => b.Name, StringComparer.Ordinal).ToList();
        var shown = backends.Count == 1 ? steps[backends[0]] : backends.SelectMany(b => steps[b].Select(s => $"on {b}: {s}")).ToList();
        return new FleetPlan(product, to.ToNormalizedString(), waves, excluded, shown);
    }

    private static (string Product, NuGetVersion To) Target(IReadOnlyList<TenantRecord> tenants, FleetRequest request)
    {
        if (request.To.Contains('@', StringComparison.Ordinal))
        {
            var reference = TemplateRef.Parse(request.To);
            return (reference.Product, reference.Version ?? throw new BadInputException($"--to {request.To} names no version", "use e.g. --to crm@1.1.0"));
        }

        var version = ParseVersion(request.To, "--to");
        var products = tenants.Select(t => t.Product).Distinct().ToList();
        return products.Count switch
        {
            0 => throw new BadInputException("there are no tenants to upgrade", "create one with `provision tenant NAME`"),
            1 => (products[0], version),
            _ => throw new BadInputException(
                $"tenants run several products ({string.Join(", ", products)}); --to {request.To} is ambiguous", $"name the product: --to {products[0]}@{request.To}"),
        };
    }

    private static IReadOnlyList<TenantRecord> Select(IReadOnlyList<TenantRecord> tenants, FleetRequest request)
    {
        if (request.All == request.Tenants.Count > 0)
        {
            throw new BadInputException(
                request.All ? "--all cannot be combined with tenant names" : "name the tenants to upgrade",
                "use `provision upgrade NAME --to VERSION`, `--tenants a,b` or `--all`");
        }

        if (request.All)
        {
            return tenants;
        }

        var byName = tenants.ToDictionary(t => t.Name, StringComparer.Ordinal);
        var unknown = request.Tenants.Where(n => !byName.ContainsKey(n)).ToList();
        return unknown.Count == 0
            ? request.Tenants.Distinct().Select(n => byName[n]).ToList()
            : throw new BadInputException($"no tenant named {string.Join(", ", unknown)}", "`provision list` shows the tenants");
    }

    /// <summary>Why a tenant is left out, and whether that makes the upgrade incomplete (it was targeted but cannot move).</summary>
    private static (string Reason, bool Blocking)? Exclusion(
        TenantRecord t, string product, NuGetVersion to, NuGetVersion? from, FleetRequest request, IReadOnlyCollection<BackendKind> upgradable)
    {
        var version = NuGetVersion.TryParse(t.Version, out var v) ? v : null;
        var interrupted = t.Status is TenantStatus.Upgrading or TenantStatus.RollingBack;
        var named = !request.All;
        return t switch
        {
            _ when t.Product != product => ($"runs {t.Product}, not {product}", named),
            _ when !upgradable.Contains(t.Backend) => ($"runs on {t.Backend}, which this `provision upgrade` cannot upgrade (it can: {string.Join(", ", upgradable)})", true),
            _ when t.Status == TenantStatus.Destroyed => ("destroyed", named),
            _ when t.Status == TenantStatus.Suspended => ($"suspended (skipped; `provision resume {t.Name}` first to upgrade it)", named),
            _ when t.Status == TenantStatus.NeedsAttention => ($"needs attention (retry with `provision upgrade {t.Name} --resume`): {t.LastError}", true),
            _ when t.Status is TenantStatus.Failed or TenantStatus.Provisioning => ($"is {t.Status}; converge it first with `provision tenant {t.Name}`", true),
            _ when version == to && !interrupted => ($"already on {to.ToNormalizedString()}", false),
            _ when from is not null && version != from && !interrupted => ($"on {t.Version}, not --from {from.ToNormalizedString()}", false),
            _ when request.All && !request.IncludePinned && t.PinnedVersion is not null => ($"pinned to {t.PinnedVersion} (--include-pinned to upgrade it)", false),
            _ when version > to && !interrupted => ($"on {t.Version}, newer than {to.ToNormalizedString()} (downgrades are not supported)", true),
            _ => null,
        };
    }

    private static List<PlannedUpgrade> Canary(IReadOnlyList<PlannedUpgrade> eligible, IReadOnlyList<ExcludedTenant> excluded, string canary, NuGetVersion to)
    {
        if (int.TryParse(canary, NumberStyles.None, CultureInfo.InvariantCulture, out var count))
        {
            return eligible.Take(count).ToList();
        }

        var names = canary.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        // A named canary already on the target (e.g. a resumed run, whose canary passed) is simply not needed again. One left
        // out for another reason (pinned, --from, failed, ...) is an error: going on would send the first wave without a canary.
        var done = excluded.Where(x => NuGetVersion.TryParse(x.Version, out var v) && v == to).Select(x => x.Tenant).ToHashSet(StringComparer.Ordinal);
        var missing = names.Where(n => eligible.All(e => e.Tenant != n) && !done.Contains(n)).ToList();
        if (missing.Count == 0)
        {
            return eligible.Where(e => names.Contains(e.Tenant)).ToList();
        }

        var why = string.Join("; ", missing.Select(n => excluded.FirstOrDefault(x => x.Tenant == n) is { } x ? $"{n} {x.Reason}" : $"{n} is not targeted"));
        throw new BadInputException(
            $"canary {string.Join(", ", missing)} cannot be the canary of this upgrade ({why})", "pick a canary from the plan (`--dry-run` shows it) or use --canary N");
    }

    private static NuGetVersion ParseVersion(string text, string option) =>
        NuGetVersion.TryParseStrict(text, out var v) ? v : throw new BadInputException($"{option} '{text}' is not a semantic version", $"use e.g. {option} 1.1.0");
}
