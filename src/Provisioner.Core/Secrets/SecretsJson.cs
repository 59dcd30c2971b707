using System.Text.Json.Serialization;

namespace Provisioner.Core.Secrets;

/// <summary>The secrets' JSON (name to value), generated at build time: every provision opens and seals them, and
/// reflection-based serialization would cost each run its first-use setup. Same bytes as the default serializer.</summary>
[JsonSerializable(typeof(Dictionary<string, string>))]
internal sealed partial class SecretsJson : JsonSerializerContext;
