namespace Provisioner.Core.Rotation;

/// <summary>
/// Where a rotation keeps its new value until it is done: beside the current one, in the same encrypted secrets of the
/// tenant's registry row, under a name no template secret can have (template secret names are identifiers). Written
/// before the database changes, removed in the same save that makes it current, so a rerun always knows the value to finish with.
/// </summary>
internal static class PendingSecret
{
    public static string Key(string secret) => $"{secret}#pending";
}
