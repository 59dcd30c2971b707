using Provisioner.Core.Errors;

namespace Provisioner.Core.Templates;

/// <summary>A template failed to parse or validate; carries every problem found, not just the first.</summary>
public sealed class TemplateInvalidException(IReadOnlyList<TemplateError> errors)
    : ProvisionerException(
        errors.Count == 1
            ? $"invalid template: {errors[0]}"
            : $"invalid template ({errors.Count} problems): " + string.Join("; ", errors),
        ExitCodes.BadInput,
        "fix the template file and run again; `provision templates` lists the valid ones")
{
    public IReadOnlyList<TemplateError> Errors { get; } = errors;
}
