namespace Provisioner.Core.Errors;

/// <summary>Process exit codes shared by every command (DESIGN.md §5).</summary>
public static class ExitCodes
{
    public const int Ok = 0;
    public const int Failed = 1;
    public const int BadInput = 2;
    public const int Locked = 3;
    public const int CapacityNo = 4;
    public const int Unhealthy = 5;

    /// <summary><c>provision drift</c>: the engine differs from what the registry and the stamps say.</summary>
    public const int Drift = 6;
}
