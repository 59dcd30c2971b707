using System.Text.Json.Serialization;

namespace Provisioner.Core.Stamps;

/// <summary>The hash's JSON, generated at build time (every command that builds a stamp hashes each container; reflection would cost each run its first-use setup).</summary>
[JsonSerializable(typeof(StampHashShape.Spec))]
internal sealed partial class StampHashJson : JsonSerializerContext;
