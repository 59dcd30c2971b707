using System.Reflection;
using System.Text;

namespace Provisioner.Cli.Tests.PublicApi;

/// <summary>
/// The library's public surface is approved: every public type and member of the packages, as text, must equal
/// <c>public-api.approved.txt</c>. A change to the surface is then always deliberate: rerun with
/// <c>PROVISIONER_APPROVE_API=1</c> to write the new surface, and review the diff.
/// </summary>
public sealed class PublicApiTests
{
    private static readonly string[] Assemblies =
        ["Provisioner", "Provisioner.Core", "Provisioner.Docker", "Provisioner.Aws", "Provisioner.Registry", "Provisioner.Data"];

    private static string Approved => Path.Combine(Support.RepoPaths.Root, "tests", "Provisioner.Cli.Tests", "PublicApi", "public-api.approved.txt");

    [Fact]
    public void PublicSurface_EqualsTheApprovedOne()
    {
        var actual = Surface();
        if (Environment.GetEnvironmentVariable("PROVISIONER_APPROVE_API") == "1")
        {
            File.WriteAllText(Approved, actual);
        }

        var approved = File.Exists(Approved) ? File.ReadAllText(Approved) : "";
        var added = actual.Split('\n').Except(approved.Split('\n')).ToList();
        var removed = approved.Split('\n').Except(actual.Split('\n')).ToList();
        Assert.True(added.Count == 0 && removed.Count == 0,
            $"the public API changed; if that is meant, rerun with PROVISIONER_APPROVE_API=1 and review the diff.\nadded:\n  {string.Join("\n  ", added)}\nremoved:\n  {string.Join("\n  ", removed)}");
    }

    [Fact]
    public void Services_AreNotPublic()
    {
        var exported = Assemblies.SelectMany(a => Assembly.Load(a).GetExportedTypes()).Select(t => t.Name).ToHashSet();

        Assert.Contains("ProvisionerBuilder", exported);
        Assert.Contains("IProvisioner", exported);
        foreach (var service in new[] { "TenantProvisioner", "TenantUpgrader", "FleetUpgrader", "DockerBackend", "HealthGate", "StampBuilder", "ReconcilePlanner", "RegistryFactory" })
        {
            Assert.DoesNotContain(service, exported);
        }
    }

    private static string Surface()
    {
        var text = new StringBuilder();
        foreach (var name in Assemblies)
        {
            foreach (var type in Assembly.Load(name).GetExportedTypes().OrderBy(t => t.FullName, StringComparer.Ordinal))
            {
                text.Append(name).Append(": ").Append(Kind(type)).Append(' ').Append(type.FullName).Append('\n');
                var members = type.GetMembers(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly)
                    .Where(m => m is not MethodInfo { IsSpecialName: true })
                    .Select(m => "    " + m.MemberType + " " + m)
                    .Order(StringComparer.Ordinal);
                foreach (var member in members)
                {
                    text.Append(member).Append('\n');
                }
            }
        }

        return text.ToString();
    }

    private static string Kind(Type t) =>
        t.IsInterface ? "interface" : t.IsEnum ? "enum" : t.IsValueType ? "struct" : t.IsAbstract && t.IsSealed ? "static class" : "class";
}
