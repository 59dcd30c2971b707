using Provisioner.Aws.Program;
using Provisioner.Aws.Pulumi;
using Provisioner.Core.Secrets;
using Provisioner.Core.Stamps;

namespace Provisioner.Aws.Backend;

/// <summary>
/// The stack config the driver sets for a stamp: exactly the keys the generated program declares (a contract test keeps
/// them equal): the tenant's name and each template secret as a secret key (db_password → dbPassword), plus provider
/// config (<c>aws:region</c>). Everything else the template says is written into the program itself.
/// </summary>
internal static class AwsStackConfig
{
    public static IReadOnlyList<ConfigEntry> For(Stamp stamp, TenantSecrets secrets, AwsBackendOptions options)
    {
        var entries = new List<ConfigEntry> { new(ProgramNames.TenantConfig, stamp.Tenant) };
        entries.AddRange(stamp.Template.Secrets.Select(s => new ConfigEntry(SecretKey(s), secrets[s], Secret: true)));
        if (options.Region is { } region)
        {
            entries.Add(new ConfigEntry("aws:region", region));
        }

        return entries;
    }

    /// <summary><c>db_password</c> → <c>dbPassword</c>.</summary>
    public static string SecretKey(string secret) => ProgramNames.SecretKey(secret);
}
