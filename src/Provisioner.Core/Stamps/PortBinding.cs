namespace Provisioner.Core.Stamps;

/// <summary>A container port published on the host, on loopback only by default.</summary>
public sealed record PortBinding(int ContainerPort, string HostIp, int HostPort);
