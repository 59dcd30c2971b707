namespace Provisioner.Core.Templates;

/// <summary>A plan sales can sell: the whole tenant's CPU (cores), memory and disk (bytes).</summary>
public sealed record SizeSpec(string Name, double Cpu, long MemoryBytes, long DiskBytes);
