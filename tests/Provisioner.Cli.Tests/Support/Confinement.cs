using Docker.DotNet;
using Docker.DotNet.Models;
using Provisioner.Core.Stamps;
using Provisioner.Core.Templates;

namespace Provisioner.Cli.Tests.Support;

/// <summary>
/// Inspects every container of a tenant (components and jobs) on the real engine against what its template declares:
/// all capabilities dropped and only declared ones added, read-only root, no-new-privileges, the pids limit, the user,
/// the declared tmpfs paths, and secrets on a tmpfs at /run/secrets, each file 0400 and owned by the user it runs as.
/// </summary>
public static class Confinement
{
    public static async Task AssertConfinedAsync(IDockerClient docker, IList<ContainerListResponse> containers, string templateRef)
    {
        var catalog = new DirectoryTemplateCatalog(RepoPaths.Templates, Provisioner.Data.StandardDataAdapters.Create().Rules);
        var template = catalog.Resolve(TemplateRef.Parse(templateRef));
        Assert.NotEmpty(containers);
        foreach (var listed in containers)
        {
            var inspect = await docker.Containers.InspectContainerAsync(listed.ID);
            var name = inspect.Name.TrimStart('/');
            var part = inspect.Config!.Labels[StampLabels.Component];
            var component = inspect.Config.Labels[StampLabels.Kind] == "job" ? template.Component(template.Jobs.Single(j => j.Name == part).Component) : template.Component(part);
            var declared = component.Security;
            var host = inspect.HostConfig!;

            Assert.True(host.CapDrop?.Contains("ALL") == true, $"{name}: CapDrop [{string.Join(", ", host.CapDrop ?? [])}] lacks ALL");
            Assert.True((host.CapAdd ?? []).All(declared.Capabilities.Contains), $"{name}: CapAdd [{string.Join(", ", host.CapAdd ?? [])}] beyond the declared [{string.Join(", ", declared.Capabilities)}]");
            Assert.True(host.ReadonlyRootfs, $"{name}: root file system is writable");
            Assert.False(host.Privileged, $"{name}: privileged");
            Assert.True(host.SecurityOpt?.Contains("no-new-privileges:true") == true, $"{name}: SecurityOpt [{string.Join(", ", host.SecurityOpt ?? [])}] lacks no-new-privileges:true");
            Assert.True(host.PidsLimit == declared.PidsLimit, $"{name}: PidsLimit {host.PidsLimit}, want {declared.PidsLimit}");
            Assert.True(inspect.Config.User == (declared.User ?? ""), $"{name}: User '{inspect.Config.User}', want '{declared.User}'");
            Assert.True(declared.User is not (null or "" or "0" or "root") && !declared.User.StartsWith("0:", StringComparison.Ordinal), $"{name}: the shipped templates run no component as root");
            Assert.All(declared.Tmpfs, path => Assert.True(host.Tmpfs?.ContainsKey(path) == true, $"{name}: no tmpfs at {path}"));
            Assert.True(host.NetworkMode is not ("host" or "none") && string.IsNullOrEmpty(host.PidMode) && host.IpcMode is not "host", $"{name}: a host namespace");
            Assert.Empty(host.Binds ?? []);
            Assert.Empty(host.Devices ?? []);

            if (component.Secrets.Count == 0)
            {
                continue;
            }

            Assert.True(host.Tmpfs?.ContainsKey(StampBuilder.SecretsDirectory) == true, $"{name}: secrets are not on a tmpfs");
            if (inspect.State?.Running == true)
            {
                var mounts = await Shell.RunAsync("docker", "exec", name, "cat", "/proc/mounts");
                Assert.Contains(mounts.Stdout.Split('\n'), l => l.StartsWith($"tmpfs {StampBuilder.SecretsDirectory} tmpfs ", StringComparison.Ordinal));
                var uid = (await Shell.RunAsync("docker", "exec", name, "id", "-u")).Stdout.Trim();
                foreach (var secret in component.Secrets)
                {
                    var stat = await Shell.RunAsync("docker", "exec", name, "stat", "-c", "%a %u", $"{StampBuilder.SecretsDirectory}/{secret}");
                    Assert.True(stat.Stdout.Trim() == $"400 {uid}", $"{name}: {secret} is '{stat.Stdout.Trim()}' (mode uid), want '400 {uid}'");
                }
            }
        }
    }
}
