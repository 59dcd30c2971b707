namespace Provisioner.Aws.Validation;

/// <summary>An invoke (<c>aws:getAvailabilityZones</c>): its arguments and result fields.</summary>
internal sealed record FunctionSchema(string Token, ObjectSchema Arguments, IReadOnlySet<string> Results);
