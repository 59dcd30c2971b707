using Provisioner.Aws.Program;
using Provisioner.Aws.Tests.Support;
using Provisioner.Aws.Validation;
using static Provisioner.Aws.Tests.Support.ProgramQueries;

namespace Provisioner.Aws.Tests.Program;

/// <summary>How the template's parts land in the program (tracker: web + worker from one image, a queue, a database, uploads).</summary>
public sealed class ProgramMappingTests
{
    private static readonly PulumiProgram Tracker = PulumiProgram.Parse(GeneratedPrograms.Tracker);

    private static readonly PulumiProgram Notes = PulumiProgram.Parse(GeneratedPrograms.Notes);

    private static ContainerView Container(PulumiProgram program, string component) =>
        Containers(program, ProgramNames.Containers(component)).Single(c => c.Name == component);

    [Fact]
    public void Generate_Worker_GetsNoLoadBalancerNoPortNoName()
    {
        var worker = Resource(Tracker, "workerService");

        Assert.Null(Property(worker, "loadBalancers"));
        Assert.Null(Property(worker, "serviceRegistries"));
        Assert.Null(Property(worker, "healthCheckGracePeriodSeconds"));
        Assert.Null(Container(Tracker, "worker").Port);
        Assert.False(Tracker.Resources.ContainsKey("workerDiscovery"));
    }

    [Fact]
    public void Generate_Entry_BehindTheLoadBalancer_HealthCheckedOnItsFirstHttpCheck()
    {
        var web = Resource(Tracker, "webService");
        var targets = Resource(Tracker, ProgramNames.TargetGroup);

        Assert.Equal("web", Text(Property(web, "loadBalancers.0.containerName")));
        Assert.Equal("8080", Text(Property(web, "loadBalancers.0.containerPort")));
        Assert.Equal("/readyz", Text(Property(targets, "healthCheck.path")));
        Assert.Equal("200", Text(Property(targets, "healthCheck.matcher")));
        Assert.Equal("8080", Text(Property(targets, "port")));
        Assert.Equal(8080, Container(Tracker, "web").Port);
    }

    [Fact]
    public void Generate_DbHost_IsTheRdsAddress_AndTheDatabaseRunsNoContainer()
    {
        Assert.Equal("${dbDatabase.address}", Container(Tracker, "web").Env["TRACKER_DB_HOST"]);
        Assert.Equal("${dbDatabase.address}", Container(Tracker, "worker").Env["TRACKER_DB_HOST"]);
        Assert.Equal("${dbDatabase.address}", Container(Notes, "app").Env["NOTES_DB_HOST"]);
        Assert.False(Tracker.Resources.ContainsKey("dbService"));
        Assert.False(Tracker.Resources.ContainsKey("dbTask"));
        var db = Resource(Tracker, "dbDatabase");
        Assert.Equal("aws:rds/instance:Instance", db.Type);
        Assert.Equal(("postgres", "15", "tracker", "tracker"), (Text(Property(db, "engine")), Text(Property(db, "engineVersion")), Text(Property(db, "dbName")), Text(Property(db, "username"))));
        Assert.Equal("${dbPassword}", Text(Property(db, "password")));
        Assert.Equal("false", Text(Property(db, "publiclyAccessible")));
        Assert.Equal(["${dbSg.id}"], List(Property(db, "vpcSecurityGroupIds")));
        Assert.Equal("${tasksSg.id}", Text(Property(Resource(Tracker, "dbFromTasks"), "referencedSecurityGroupId")));
    }

    [Fact]
    public void Generate_QueueHost_IsItsCloudMapName_InTheTenantsPrivateNamespace()
    {
        Assert.Equal("queue.${dns.name}", Container(Tracker, "web").Env["TRACKER_REDIS_HOST"]);
        Assert.Equal("6379", Container(Tracker, "web").Env["TRACKER_REDIS_PORT"]);
        Assert.Equal("${prefix}.internal", Text(Property(Resource(Tracker, "dns"), "name")));
        Assert.Equal("${vpc.id}", Text(Property(Resource(Tracker, "dns"), "vpc")));
        Assert.Equal("queue", Text(Property(Resource(Tracker, "queueDiscovery"), "name")));
        Assert.Equal("${queueDiscovery.arn}", Text(Property(Resource(Tracker, "queueService"), "serviceRegistries.registryArn")));
        Assert.Equal("6379", Text(Property(Resource(Tracker, "tasksFromTasks6379"), "fromPort")));
    }

    [Fact]
    public void Generate_TenantUrlAndSecretPath_AreTheLoadBalancerUrlAndTheFile()
    {
        var web = Container(Tracker, "web");

        Assert.Equal("http://${alb.dnsName}", web.Env["TRACKER_PUBLIC_URL"]);
        Assert.Equal("/run/secrets/db_password", web.Env["TRACKER_DB_PASSWORD_FILE"]);
    }

    [Fact]
    public void Generate_Command_IsTheWholeCommandLine_OrTheImagesOwn()
    {
        var worker = Container(Tracker, "worker");
        var web = Container(Tracker, "web");
        var app = Container(Notes, "app");

        Assert.Equal(["/app/tracker"], worker.EntryPoint!);
        Assert.Equal(["worker"], worker.Command!);
        Assert.Equal(["/app/tracker"], web.EntryPoint!);
        Assert.Equal(["web"], web.Command!);
        Assert.Null(app.EntryPoint);
        Assert.Null(app.Command);
    }

    [Fact]
    public void Generate_Images_FromTheConfiguredRegistry_OrAsTheTemplateSays()
    {
        var bare = PulumiProgram.Parse(GeneratedPrograms.For("tracker@2.0.0", options: new Aws.Backend.AwsBackendOptions()).Text);

        Assert.Equal("111.dkr.ecr.eu-west-1.amazonaws.com/tracker-app:2.0.0", Container(Tracker, "worker").Image);
        Assert.Equal("111.dkr.ecr.eu-west-1.amazonaws.com/provisioner/redis:7", Container(Tracker, "queue").Image);
        Assert.Equal("tracker-app:2.0.0", Container(bare, "web").Image);
    }

    [Fact]
    public void Generate_Uploads_AreAnEfsAccessPointMountedAtTheDataPath_OnlyInWeb()
    {
        var access = Resource(Tracker, "webUploadsAccess");
        var task = Resource(Tracker, "webTask");

        Assert.Equal("/web/uploads", Text(Property(access, "rootDirectory.path")));
        Assert.Equal("10001", Text(Property(access, "posixUser.uid")));
        Assert.Contains("vol-uploads:/srv/uploads", Container(Tracker, "web").Mounts);
        Assert.Equal("${webUploadsAccess.id}", Text(Property(task, "volumes.1.efsVolumeConfiguration.authorizationConfig.accessPointId")));
        Assert.Equal("ENABLED", Text(Property(task, "volumes.1.efsVolumeConfiguration.transitEncryption")));
        Assert.DoesNotContain(Container(Tracker, "worker").Mounts, m => m.StartsWith("vol-", StringComparison.Ordinal));
        Assert.Equal("true", Text(Option(Resource(Tracker, "files"), "retainOnDelete")));
        Assert.Contains("${filesA}", List(Option(Resource(Tracker, "webService"), "dependsOn")));
        Assert.False(Notes.Resources.ContainsKey("files"));
    }

    [Fact]
    public void Generate_BeforeJob_IsAOneOffTaskOfItsComponent_WithItsCommand()
    {
        var run = Containers(Tracker, ProgramNames.OneOffContainers("web")).Single(c => c.Name == "web");

        Assert.Equal([OneOffTask.Script, "/app/tracker", "migrate"], run.Command);
        Assert.Equal(Container(Tracker, "web").Env, run.Env);
        Assert.Null(run.Port);
        Assert.Equal("${webRun.arn}", Text(((YamlDotNet.RepresentationModel.YamlMappingNode)Tracker.Outputs["oneOffTasks"]).Children[new YamlDotNet.RepresentationModel.YamlScalarNode("web")]));
        Assert.Equal(["/app/tracker", "migrate"], List(((YamlDotNet.RepresentationModel.YamlMappingNode)Tracker.Outputs["jobCommands"]).Children[new YamlDotNet.RepresentationModel.YamlScalarNode("migrate")]));
    }

    [Fact]
    public void Generate_DatabaseClient_IsTheDatabaseImageWithPgVariablesAndThePasswordsFile()
    {
        var client = Containers(Tracker, ProgramNames.OneOffContainers("db")).Single(c => c.Name == "db");

        Assert.Equal("111.dkr.ecr.eu-west-1.amazonaws.com/provisioner/postgres:15", client.Image);
        Assert.Equal("${dbDatabase.address}", client.Env["PGHOST"]);
        Assert.Equal(("tracker", "tracker"), (client.Env["PGUSER"], client.Env["PGDATABASE"]));
        Assert.Equal("/run/secrets/db_password", client.Env[OneOffTask.PasswordFileVariable]);
    }

    [Theory]
    [InlineData("notes@1.1.0", "small", "app", "256", "512")]
    [InlineData("tracker@2.0.0", "small", "web", "256", "512")]
    [InlineData("tracker@2.0.0", "large", "web", "1024", "2048")]
    [InlineData("tracker@2.0.0", "large", "queue", "256", "512")]
    public void Generate_TaskSize_TheSmallestFargateTaskHoldingTheComponentsShare(string reference, string size, string component, string cpu, string memory)
    {
        var task = Resource(PulumiProgram.Parse(GeneratedPrograms.For(reference, size).Text), ProgramNames.Task(component));

        Assert.Equal((cpu, memory), (Text(Property(task, "cpu")), Text(Property(task, "memory"))));
    }

    [Fact]
    public void Generate_SameInputs_SameText()
    {
        Assert.Equal(GeneratedPrograms.Tracker, GeneratedPrograms.Tracker);
    }

    [Fact]
    public void Generate_EachProduct_NamesNoOtherProduct()
    {
        Assert.DoesNotContain("notes", GeneratedPrograms.Tracker, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("tracker", GeneratedPrograms.Notes, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Sources_TheAwsProject_NamesNoSampleProduct()
    {
        var sources = Directory.EnumerateFiles(Path.Combine(RepoPaths.Root, "src", "Provisioner.Aws"), "*", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal));

        Assert.All(sources, f =>
        {
            var text = File.ReadAllText(f);
            Assert.False(text.Contains("notes", StringComparison.OrdinalIgnoreCase) || text.Contains("tracker", StringComparison.OrdinalIgnoreCase), f);
        });
    }
}
