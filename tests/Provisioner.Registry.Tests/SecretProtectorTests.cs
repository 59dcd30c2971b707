using System.Security.Cryptography;
using System.Text;
using Provisioner.Core.Errors;
using Provisioner.Registry.Secrets;

namespace Provisioner.Registry.Tests;

[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class SecretProtectorTests : IDisposable
{
    private readonly string _home = Directory.CreateTempSubdirectory("secrets-").FullName;

    public void Dispose() => Directory.Delete(_home, recursive: true);

    [Fact]
    public void Protect_ThenUnprotect_RoundTripsAndHidesPlaintext()
    {
        var protector = RegistryFactory.CreateProtector(_home);
        var plain = Encoding.UTF8.GetBytes("{\"db_password\":\"hunter2hunter2\"}");

        var cipher = protector.Protect(plain, "acme");

        Assert.DoesNotContain("hunter2", Encoding.UTF8.GetString(cipher));
        Assert.Equal(plain, RegistryFactory.CreateProtector(_home).Unprotect(cipher, "acme"));
    }

    [Fact]
    public void Unprotect_BlobOfAnotherTenant_RefusedNamingTheTenant()
    {
        var protector = RegistryFactory.CreateProtector(_home);
        var acmes = protector.Protect(Encoding.UTF8.GetBytes("{\"db_password\":\"acme-only\"}"), "acme");

        var e = Assert.Throws<ProvisionerException>(() => protector.Unprotect(acmes, "globex"));

        Assert.Equal("the stored secrets do not open as tenant 'globex's: they belong to another tenant or were altered", e.Message);
    }

    [Fact]
    public void Unprotect_Version1BlobWithoutContext_StillOpens()
    {
        var protector = RegistryFactory.CreateProtector(_home);
        protector.Protect([0], "x"); // makes the key
        var key = Convert.FromBase64String(File.ReadAllText(Path.Combine(_home, "secret.key")));
        var plain = Encoding.UTF8.GetBytes("{\"db_password\":\"from-round-one\"}");
        var v1 = new byte[29 + plain.Length];
        v1[0] = 1;
        RandomNumberGenerator.Fill(v1.AsSpan(1, 12));
        using (var aes = new AesGcm(key, 16))
        {
            aes.Encrypt(v1.AsSpan(1, 12), plain, v1.AsSpan(29), v1.AsSpan(13, 16));
        }

        Assert.Equal(plain, protector.Unprotect(v1, "acme"));
    }

    [Fact]
    public void KeyFile_IsOwnerOnly_AndMayLiveOutsideTheHome()
    {
        var outside = Directory.CreateTempSubdirectory("key-outside-").FullName;
        try
        {
            var keyFile = Path.Combine(outside, "keys", "provision.key");
            using var stores = RegistryFactory.Open(_home, null, TimeProvider.System, keyFile: keyFile);
            stores.Protector.Protect([1], "acme");

            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(keyFile));
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(Path.GetDirectoryName(keyFile)!));
            Assert.False(File.Exists(Path.Combine(_home, "secret.key")));
        }
        finally
        {
            Directory.Delete(outside, recursive: true);
        }
    }

    [Fact]
    public void Unprotect_Tampered_Throws()
    {
        var protector = RegistryFactory.CreateProtector(_home);
        var cipher = protector.Protect([1, 2, 3], "acme");
        cipher[^1] ^= 0xFF;

        Assert.ThrowsAny<Exception>(() => protector.Unprotect(cipher, "acme"));
    }
}
