using Microsoft.Extensions.Logging;
using Provisioner.Core.Errors;
using Provisioner.Core.Templates;

namespace Provisioner.Core.Capacity;

/// <summary>
/// <c>provision capacity</c>: reads the inventory, calculates per-host and fleet numbers, makes the verdict, stores a
/// snapshot per host and estimates from the history when each host fills.
/// </summary>
internal sealed class CapacityService(
    ICapacityInventory inventory,
    ICapacityHistory history,
    ITemplateCatalog templates,
    CapacityOptions options,
    string? defaultTemplate,
    TimeProvider time,
    ILogger<CapacityService> log)
{
    public async Task<CapacityResult> RunAsync(CapacityQuery query, CancellationToken ct)
    {
        if (query.Count is < 1 or > 10_000)
        {
            throw new BadInputException($"--count must be from 1 to 10000 (got {query.Count})");
        }

        var template = templates.Resolve(query.Template is null ? templates.DefaultRef(defaultTemplate) : TemplateRef.Parse(query.Template));
        if (query.Size is { } asked && !template.Sizes.ContainsKey(asked))
        {
            throw new BadInputException($"{template.Ref} has no size '{asked}'", $"sizes of {template.Ref}: {string.Join(", ", template.Sizes.Keys)}");
        }

        var inv = await inventory.ReadAsync(query.MeasureUsage, ct);
        var report = CapacityCalculator.Calculate(inv, template, options, time.GetUtcNow());
        var verdict = query.Size is null ? null : VerdictPlanner.Decide(report, query.Size, query.Count, query.Customer);
        var facts = inv.Hosts.ToDictionary(h => h.Name, StringComparer.Ordinal);
        await history.AppendAsync(
            report.Hosts.Select(h => new CapacitySnapshot(report.At, h.Name, inv.Source, h.Tenants, facts[h.Name], h.Reserved, h.Used)).ToList(), ct);
        var past = await history.ListAsync(report.At - FillForecast.Window, ct);
        var forecast = FillForecast.Estimate(report, past);
        log.LogInformation(
            "Capacity from {Source}: {Hosts} host(s), {Tenants} tenant(s); verdict {Verdict}",
            inv.Source, report.Hosts.Count, report.Tenants, verdict is null ? "none" : verdict.Fits ? "yes" : "no");
        return new CapacityResult(report, verdict, forecast, past);
    }
}
