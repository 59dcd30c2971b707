namespace Provisioner.Aws.Program;

/// <summary>A volume of a running component: an EFS access point of the tenant's file system, mounted at <see cref="Path"/>.</summary>
internal sealed record VolumeLayout(string Component, string Volume, string Path)
{
    /// <summary>The access point's logical name: <c>webUploads</c>.</summary>
    public string Resource => Component + char.ToUpperInvariant(Volume[0]) + Volume[1..] + "Access";

    /// <summary>The ECS task volume's name (never clashes with the secrets volume).</summary>
    public string TaskVolume => "vol-" + Volume;
}
