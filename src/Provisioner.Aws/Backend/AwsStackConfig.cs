using System.Globalization;
using Provisioner.Aws.Pulumi;
using Provisioner.Core.Secrets;
using Provisioner.Core.Stamps;
using Provisioner.Core.Templates;

namespace Provisioner.Aws.Backend;

/// <summary>
/// The stack config the driver sets for a stamp: exactly the keys infra/aws/Pulumi.yaml declares (a contract test
/// keeps them equal), plus provider config (<c>aws:region</c>). Template secrets become secret keys (db_password → dbPassword).
/// </summary>
public static class AwsStackConfig
{
    public static IReadOnlyList<ConfigEntry> For(
        Stamp stamp, TenantSecrets secrets, AwsBackendOptions options, string image, string migrateImage, int appCount)
    {
        var template = stamp.Template;
        var entry = template.Entry
            ?? throw new Core.Errors.BadInputException($"{template.Ref} has no component with a port; the AWS stamp needs one behind its load balancer");
        var size = FargateSize.For(stamp.Size);
        var db = template.Components.FirstOrDefault(c => c.Health.Any(h => h is SqlCheckSpec));
        var entries = new List<ConfigEntry>
        {
            new("tenant", stamp.Tenant),
            new("product", template.Product),
            new("version", template.Version.ToNormalizedString()),
            new("size", stamp.Size.Name),
            new("image", image),
            new("migrateImage", migrateImage),
            new("appPort", entry.Port!.Value.ToString(CultureInfo.InvariantCulture)),
            new("appCount", appCount.ToString(CultureInfo.InvariantCulture)),
            new("taskCpu", size.CpuUnits.ToString(CultureInfo.InvariantCulture)),
            new("taskMemory", size.MemoryMiB.ToString(CultureInfo.InvariantCulture)),
            new("dbInstanceClass", size.DbInstanceClass),
            new("dbStorageGb", size.DbStorageGb.ToString(CultureInfo.InvariantCulture)),
            new("dbName", db?.Env.GetValueOrDefault("POSTGRES_DB") ?? template.Product),
            new("dbUser", db?.Env.GetValueOrDefault("POSTGRES_USER") ?? template.Product),
            new("readinessPath", entry.Health.OfType<HttpCheckSpec>().FirstOrDefault()?.Path ?? "/"),
        };
        entries.AddRange(template.Secrets.Select(s => new ConfigEntry(SecretKey(s), secrets[s], Secret: true)));
        if (options.Region is { } region)
        {
            entries.Add(new ConfigEntry("aws:region", region));
        }

        return entries;
    }

    /// <summary>The template's image for <paramref name="component"/>, prefixed with the configured registry.</summary>
    public static string Image(ProductTemplate template, string component, AwsBackendOptions options) =>
        options.ImageRegistry is { Length: > 0 } registry ? $"{registry.TrimEnd('/')}/{template.Component(component).Image}" : template.Component(component).Image;

    /// <summary><c>db_password</c> → <c>dbPassword</c>.</summary>
    public static string SecretKey(string secret)
    {
        var parts = secret.Split(['_', '-'], StringSplitOptions.RemoveEmptyEntries);
        return parts[0] + string.Concat(parts.Skip(1).Select(p => char.ToUpperInvariant(p[0]) + p[1..]));
    }
}
