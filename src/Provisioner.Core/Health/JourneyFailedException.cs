namespace Provisioner.Core.Health;

/// <summary>A journey step did not do what a customer expects.</summary>
public sealed class JourneyFailedException(string message) : Exception(message);
