using Provisioner.Aws.Backend;
using static Provisioner.Aws.Program.ProgramNames;
using static Provisioner.Aws.Program.YamlNodes;

namespace Provisioner.Aws.Program;

/// <summary>
/// The running components' volumes (an <c>archive</c> data path among them): one encrypted EFS file system per tenant,
/// kept when the stack is destroyed (as its data), mount targets in the private subnets reachable only from the
/// tenant's tasks, and one access point per volume (<c>/&lt;component&gt;/&lt;volume&gt;</c>), which every file
/// operation goes through as the configured owner.
/// </summary>
internal static class FileSection
{
    public const string FileSystemType = "aws:efs/fileSystem:FileSystem";

    public const string MountTargetType = "aws:efs/mountTarget:MountTarget";

    public const string AccessPointType = "aws:efs/accessPoint:AccessPoint";

    public static readonly string[] MountTargets = ["filesA", "filesB"];

    public static void Add(ProgramBuilder p, TenantLayout layout, AwsBackendOptions options)
    {
        if (layout.Volumes.Count == 0)
        {
            return;
        }

        p.Resource(FileSystem, FileSystemType, Map(
            ("creationToken", Str(AwsName("files"))),
            ("encrypted", Bool(true)),
            ("performanceMode", Str("generalPurpose")),
            ("throughputMode", Str("bursting")),
            ("tags", Str(Ref(Tags)))),
            Map(("retainOnDelete", Bool(true))));
        for (var i = 0; i < MountTargets.Length; i++)
        {
            p.Resource(MountTargets[i], MountTargetType, Map(
                ("fileSystemId", Str(Ref(FileSystem, "id"))),
                ("subnetId", Str(Ref(NetworkSection.PrivateSubnets[i], "id"))),
                ("securityGroups", Flow(Ref(SecuritySection.FilesGroup, "id")))));
        }

        foreach (var volume in layout.Volumes)
        {
            p.Resource(volume.Resource, AccessPointType, Map(
                ("fileSystemId", Str(Ref(FileSystem, "id"))),
                ("posixUser", Map(("uid", Num(options.VolumeUid)), ("gid", Num(options.VolumeGid)))),
                ("rootDirectory", Map(
                    ("path", Str($"/{volume.Component}/{volume.Volume}")),
                    ("creationInfo", Map(("ownerUid", Num(options.VolumeUid)), ("ownerGid", Num(options.VolumeGid)), ("permissions", Str("0750")))))),
                ("tags", Str(Ref(Tags)))));
        }
    }
}
