using Provisioner.Aws.Pulumi;
using Provisioner.Core.Reconcile;

namespace Provisioner.Aws.Backend;

/// <summary>Pulumi resource steps as the journal and progress lines show changes: <c>create aws:ec2/vpc:Vpc vpc (pulumi create)</c>.</summary>
internal static class PulumiChanges
{
    public static PlannedChange From(EngineEvent e)
    {
        var kind = e.Op switch
        {
            "create" => ChangeKind.Create,
            "delete" or "discard" or "delete-replaced" => ChangeKind.Remove,
            _ => ChangeKind.Replace,
        };
        var reason = e.Op == "update" ? "updated in place" : $"pulumi {e.Op}";
        return new PlannedChange(kind, ResourceType.Of(e.Type ?? "resource"), e.Name ?? e.Urn ?? "?", reason);
    }
}
