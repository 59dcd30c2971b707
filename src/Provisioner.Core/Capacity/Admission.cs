namespace Provisioner.Core.Capacity;

/// <summary>
/// A capacity check's answer to a provision: the <see cref="Host"/> the tenant goes to, and the <see cref="Hold"/> that keeps
/// other checks waiting until the tenant is recorded (null when nothing had to be checked).
/// </summary>
public sealed record Admission(IDisposable? Hold, string Host);
