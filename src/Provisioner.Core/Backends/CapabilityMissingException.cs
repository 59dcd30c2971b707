using Provisioner.Core.Errors;

namespace Provisioner.Core.Backends;

/// <summary>A backend was asked for something it cannot do (it does not implement the capability interface).</summary>
public sealed class CapabilityMissingException(BackendKind backend, string what)
    : ProvisionerException($"the {backend} backend cannot {what}", hint: "use a backend that can, or a template that does not need it");
