using System.Text;
using Provisioner.Core.Secrets;

namespace Provisioner.Core.Tests.Fakes;

/// <summary>"Encrypts" by prefixing a marker, so a test can tell protected bytes from plain ones and read them back.</summary>
internal sealed class PrefixProtector : ISecretProtector
{
    private static readonly byte[] Marker = Encoding.ASCII.GetBytes("protected:");

    public byte[] Protect(byte[] plaintext) => [.. Marker, .. plaintext];

    public byte[] Unprotect(byte[] ciphertext) =>
        ciphertext.AsSpan().StartsWith(Marker) ? ciphertext[Marker.Length..] : throw new InvalidOperationException("not protected by this protector");
}
