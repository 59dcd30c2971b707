namespace Provisioner.Core.Logging;

/// <summary>
/// The structured properties a tenant operation's log events carry, as <c>ILogger.BeginScope</c> states: <c>Tenant</c> and
/// <c>Backend</c> for the whole command, <c>Operation</c> (the journal id) once it exists, <c>Step</c> while a journaled step runs.
/// </summary>
internal static class LogScopes
{
    public const string Tenant = "Tenant";
    public const string Backend = "Backend";
    public const string Operation = "Operation";
    public const string Step = "Step";

    public static Dictionary<string, object> ForTenant(string tenant, Backends.BackendKind backend) => new() { [Tenant] = tenant, [Backend] = backend.Name };

    public static Dictionary<string, object> ForOperation(long operation) => new() { [Operation] = operation };

    public static Dictionary<string, object> ForStep(string step) => new() { [Step] = step };
}
