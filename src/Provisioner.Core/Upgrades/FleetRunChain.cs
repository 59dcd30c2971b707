using System.Text.Json;
using Provisioner.Core.Tenants;

namespace Provisioner.Core.Upgrades;

/// <summary>
/// Which fleet run <c>--resume</c> continues: the newest fleet operation, if its process died. A resumed run journals the
/// run it resumes (<see cref="FleetRequest.Resumes"/>), so a chain of dead runs is followed back link by link; a fresh run
/// with the same request is not part of the chain.
/// </summary>
internal static class FleetRunChain
{
    /// <param name="fleetRuns">Fleet operations, newest first.</param>
    /// <returns>The request to continue (null: nothing to resume) and the dead runs' operation ids, newest first.</returns>
    public static (FleetRequest? Request, IReadOnlyList<long> Dead) Of(IReadOnlyList<OperationRecord> fleetRuns)
    {
        if (fleetRuns.FirstOrDefault() is not { Status: JournalStatus.Interrupted } last || Read(last) is not { } request)
        {
            return (null, []);
        }

        var dead = new List<long> { last.Id };
        for (var link = request.Resumes; link is { } id && !dead.Contains(id);)
        {
            var run = fleetRuns.FirstOrDefault(o => o.Id == id);
            if (run is null || run.Status != JournalStatus.Interrupted)
            {
                break;
            }

            dead.Add(id);
            link = Read(run)?.Resumes;
        }

        return (request with { Resumes = null }, dead);
    }

    private static FleetRequest? Read(OperationRecord run)
    {
        try
        {
            return Json.JsonDefaults.Read(run.Detail, new FleetRequest { To = "" }, FleetRequestJson.Default.FleetRequest, nameof(FleetRequest.To));
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
