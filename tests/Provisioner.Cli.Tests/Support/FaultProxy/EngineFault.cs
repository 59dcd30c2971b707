namespace Provisioner.Cli.Tests.Support.FaultProxy;

/// <summary>What the proxy does to one engine call.</summary>
public enum EngineFault
{
    /// <summary>Passed on untouched.</summary>
    None,

    /// <summary>Answered <c>500</c> by the proxy; the engine never sees the call.</summary>
    Error500,

    /// <summary>The connection is reset before the call reaches the engine.</summary>
    Reset,

    /// <summary>Passed on after a pause of 0.1–1.5 s.</summary>
    Delay,

    /// <summary>Passed on; the engine's answer is cut off partway and the connection reset (the call did run).</summary>
    Truncate,
}
