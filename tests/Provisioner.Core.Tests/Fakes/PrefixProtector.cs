using System.Text;
using Provisioner.Core.Secrets;

namespace Provisioner.Core.Tests.Fakes;

/// <summary>
/// "Encrypts" by prefixing a marker and the context, so a test can tell protected bytes from plain ones, read them back,
/// and see a blob opened under another tenant's name refused (as the real protector does).
/// </summary>
internal sealed class PrefixProtector : ISecretProtector
{
    public byte[] Protect(byte[] plaintext, string context) => [.. Marker(context), .. plaintext];

    public byte[] Unprotect(byte[] ciphertext, string context) =>
        ciphertext.AsSpan().StartsWith(Marker(context))
            ? ciphertext[Marker(context).Length..]
            : throw new InvalidOperationException($"not protected by this protector for '{context}'");

    private static byte[] Marker(string context) => Encoding.ASCII.GetBytes($"protected[{context}]:");
}
