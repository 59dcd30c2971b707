namespace Provisioner.Core.Cloning;

/// <summary>Whether <c>provision clone</c> masks the copied data.</summary>
public enum MaskChoice
{
    /// <summary>The default: the template's masks run when it declares any; a template without one is cloned as it is.</summary>
    IfDeclared,

    /// <summary><c>--mask</c>: the masks must run; a template that declares none is refused before anything is made.</summary>
    Required,

    /// <summary><c>--no-mask</c>: an exact copy, the template's masks skipped.</summary>
    Skip,
}
