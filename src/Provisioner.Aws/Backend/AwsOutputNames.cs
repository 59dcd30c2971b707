namespace Provisioner.Aws.Backend;

/// <summary>The stack outputs of the generated program that the backend reads (maps are JSON objects keyed by component).</summary>
internal static class AwsOutputNames
{
    public const string Endpoint = "endpoint";
    public const string Product = "product";
    public const string Version = "version";
    public const string Size = "size";
    public const string Entry = "entry";
    public const string Region = "region";
    public const string LogGroup = "logGroup";
    public const string Cluster = "cluster";
    public const string ClusterArn = "clusterArn";
    public const string PrivateSubnets = "privateSubnets";
    public const string TasksSecurityGroup = "tasksSecurityGroup";
    public const string Images = "images";
    public const string Services = "services";
    public const string DesiredCounts = "desiredCounts";
    public const string OneOffTasks = "oneOffTasks";
    public const string JobCommands = "jobCommands";
    public const string Databases = "databases";
    public const string DatabaseEndpoints = "databaseEndpoints";
    public const string FinalSnapshots = "finalSnapshots";
    public const string FileSystem = "fileSystem";
}
