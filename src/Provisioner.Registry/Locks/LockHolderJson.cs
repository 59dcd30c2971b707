using System.Text.Json.Serialization;

namespace Provisioner.Registry.Locks;

/// <summary>
/// The holder file's JSON, generated at build time: every command takes a lock, and reflection-based serialization
/// would cost each run its first-use setup (tens of milliseconds of a converged rerun).
/// </summary>
[JsonSerializable(typeof(LockHolder))]
internal sealed partial class LockHolderJson : JsonSerializerContext;
