using System.Text.RegularExpressions;
using static Provisioner.Aws.Program.ProgramNames;
using static Provisioner.Aws.Program.YamlNodes;

namespace Provisioner.Aws.Program;

/// <summary>
/// Each postgres component as an RDS PostgreSQL instance: encrypted, not public, in the private subnets, reachable only
/// from the tenant's tasks, its password the component's secret, a final snapshot on destroy. The engine's major
/// version is the image tag's (<c>postgres:15</c> → 15) when it has one.
/// </summary>
internal static partial class DatabaseSection
{
    public const string SubnetGroup = "dbSubnets";

    [GeneratedRegex(@":(?<major>[0-9]+)(\.[0-9]+)?([^/]*)$")]
    private static partial Regex Tag();

    public static void Add(ProgramBuilder p, TenantLayout layout)
    {
        if (layout.Databases.Count == 0)
        {
            return;
        }

        p.Resource(SubnetGroup, "aws:rds/subnetGroup:SubnetGroup", Map(
            ("name", Str(AwsName("db"))), ("subnetIds", NetworkSection.PrivateIds()), ("tags", Str(Ref(Tags)))));
        foreach (var db in layout.Databases)
        {
            var major = Tag().Match(db.Component.Image) is { Success: true } m ? m.Groups["major"].Value : null;
            p.Resource(Database(db.Name), "aws:rds/instance:Instance", Map(
                ("identifier", Str(AwsName(db.Name))),
                ("engine", Str("postgres")),
                ("engineVersion", major is null ? null : Str(major)),
                ("instanceClass", Str(layout.Tenant.DbInstanceClass)),
                ("allocatedStorage", Num(layout.Tenant.DbStorageGb)),
                ("storageType", Str("gp3")),
                ("storageEncrypted", Bool(true)),
                ("publiclyAccessible", Bool(false)),
                ("port", Num(DatabaseLayout.Port)),
                ("dbName", Str(db.Database)),
                ("username", Str(db.User)),
                ("password", Str(Ref(SecretKey(db.PasswordSecret)))),
                ("dbSubnetGroupName", Str(Ref(SubnetGroup, "name"))),
                ("vpcSecurityGroupIds", Flow(Ref(SecuritySection.DbGroup, "id"))),
                ("backupRetentionPeriod", Num(7)),
                ("copyTagsToSnapshot", Bool(true)),
                ("deletionProtection", Bool(false)),
                ("skipFinalSnapshot", Bool(false)),
                ("finalSnapshotIdentifier", Str(AwsName($"{db.Name}-final"))),
                ("applyImmediately", Bool(true)),
                ("tags", Str(Ref(Tags)))),
                Map(("customTimeouts", Map(("create", Str("40m")), ("update", Str("80m")), ("delete", Str("40m"))))));
        }
    }
}
