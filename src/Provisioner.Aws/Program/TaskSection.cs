using System.Globalization;
using Provisioner.Aws.Backend;
using Provisioner.Core.Templates;
using YamlDotNet.RepresentationModel;
using static Provisioner.Aws.Program.ProgramNames;
using static Provisioner.Aws.Program.YamlNodes;

namespace Provisioner.Aws.Program;

/// <summary>
/// Fargate task definitions: one per service (its image, command, environment, port, volumes, secret files) and one
/// one-off definition per component that jobs, exec checks or database clients run in (the same container, started
/// through <see cref="OneOffTask.Script"/>). A database's one-off task is a client: the database component's image with
/// PGHOST, PGUSER and PGDATABASE set and the password's file path. Old revisions are kept (running tasks keep using them).
/// </summary>
internal static class TaskSection
{
    public static void Add(ProgramBuilder p, TenantLayout layout)
    {
        var values = new AwsValues(layout);
        foreach (var service in layout.Services)
        {
            var c = service.Component;
            var command = c.Command?.Select(a => values.Expand(a, c.Name)).ToList();
            var main = ContainerDefinitions.Main(
                c.Name, service.Image, command is null ? null : [command[0]], command?.Skip(1).ToList(), c.Port,
                Env(c, values), Mounts(layout, c.Name), c.Secrets.Count > 0, OneOffTask.ServiceLogPrefix);
            p.Variable(Containers(c.Name), ContainerDefinitions.List(service.Image, main, c.Secrets, OneOffTask.ServiceLogPrefix));
            Definition(p, Task(c.Name), AwsName(c.Name), service.Task, Containers(c.Name), Volumes(layout, c));
            if (layout.OneOff.Contains(c.Name))
            {
                var oneOff = ContainerDefinitions.Main(
                    c.Name, service.Image, OneOffTask.EntryPoint, [OneOffTask.Script, .. DefaultCommand(layout.Template, c.Name, values)], null,
                    Env(c, values), Mounts(layout, c.Name), c.Secrets.Count > 0, OneOffTask.LogPrefix);
                p.Variable(OneOffContainers(c.Name), ContainerDefinitions.List(service.Image, oneOff, c.Secrets, OneOffTask.LogPrefix));
                Definition(p, OneOff(c.Name), AwsName($"{c.Name}-run"), service.Task, OneOffContainers(c.Name), Volumes(layout, c));
            }
        }

        foreach (var db in layout.Databases)
        {
            var inv = CultureInfo.InvariantCulture;
            (string, string)[] env =
            [
                ("PGHOST", Ref(Database(db.Name), "address")), ("PGPORT", DatabaseLayout.Port.ToString(inv)), ("PGUSER", db.User),
                ("PGDATABASE", db.Database), (OneOffTask.PasswordFileVariable, $"{Core.Stamps.StampBuilder.SecretsDirectory}/{db.PasswordSecret}"),
            ];
            var client = ContainerDefinitions.Main(
                db.Name, db.Image, OneOffTask.EntryPoint, [OneOffTask.Script, .. DefaultCommand(layout.Template, db.Name, values)], null,
                env, [], hasSecrets: true, OneOffTask.LogPrefix);
            p.Variable(OneOffContainers(db.Name), ContainerDefinitions.List(db.Image, client, [db.PasswordSecret], OneOffTask.LogPrefix));
            Definition(p, OneOff(db.Name), AwsName($"{db.Name}-run"), new FargateTask(256, 512), OneOffContainers(db.Name), SecretsVolume());
        }
    }

    private static IEnumerable<(string, string)> Env(ComponentSpec c, AwsValues values) =>
        c.Env.Select(e => (e.Key, values.Expand(e.Value, c.Name)));

    private static IEnumerable<(string, string)> Mounts(TenantLayout layout, string component) =>
        layout.Volumes.Where(v => v.Component == component).Select(v => (v.TaskVolume, v.Path));

    /// <summary>The one-off task's default command: its component's first job (the driver overrides it per run), else <c>true</c>.</summary>
    private static IReadOnlyList<string> DefaultCommand(ProductTemplate template, string component, AwsValues values) =>
        template.Jobs.FirstOrDefault(j => j.Component == component)?.Command.Select(a => values.Expand(a, component)).ToList() ?? ["true"];

    private static List<YamlNode> SecretsVolume() => [Map(("name", Str(ContainerDefinitions.SecretsVolume)))];

    private static List<YamlNode> Volumes(TenantLayout layout, ComponentSpec c)
    {
        var volumes = c.Secrets.Count > 0 ? SecretsVolume() : [];
        volumes.AddRange(layout.Volumes.Where(v => v.Component == c.Name).Select(v => (YamlNode)Map(
            ("name", Str(v.TaskVolume)),
            ("efsVolumeConfiguration", Map(
                ("fileSystemId", Str(Ref(FileSystem, "id"))),
                ("transitEncryption", Str("ENABLED")),
                ("authorizationConfig", Map(("accessPointId", Str(Ref(v.Resource, "id"))), ("iam", Str("DISABLED")))))))));
        return volumes;
    }

    private static void Definition(ProgramBuilder p, string name, string family, FargateTask size, string containers, List<YamlNode> volumes) =>
        p.Resource(name, "aws:ecs/taskDefinition:TaskDefinition", Map(
            ("family", Str(family)),
            ("cpu", Str(size.CpuUnits.ToString(CultureInfo.InvariantCulture))),
            ("memory", Str(size.MemoryMiB.ToString(CultureInfo.InvariantCulture))),
            ("networkMode", Str("awsvpc")),
            ("requiresCompatibilities", Flow("FARGATE")),
            ("executionRoleArn", Str(Ref(ExecutionRole, "arn"))),
            ("runtimePlatform", Map(("operatingSystemFamily", Str("LINUX")), ("cpuArchitecture", Str("X86_64")))),
            ("containerDefinitions", Str(Ref(containers))),
            ("volumes", volumes.Count > 0 ? Seq(volumes) : null),
            ("skipDestroy", Bool(true)),
            ("tags", Str(Ref(Tags)))));
}
