using System.Text;

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

        var cipher = protector.Protect(plain);

        Assert.DoesNotContain("hunter2", Encoding.UTF8.GetString(cipher));
        Assert.Equal(plain, RegistryFactory.CreateProtector(_home).Unprotect(cipher));
    }

    [Fact]
    public void KeyFile_IsOwnerOnly()
    {
        RegistryFactory.CreateProtector(_home).Protect([1]);

        var mode = File.GetUnixFileMode(Path.Combine(_home, "secret.key"));

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, mode);
    }

    [Fact]
    public void Unprotect_Tampered_Throws()
    {
        var protector = RegistryFactory.CreateProtector(_home);
        var cipher = protector.Protect([1, 2, 3]);
        cipher[^1] ^= 0xFF;

        Assert.ThrowsAny<Exception>(() => protector.Unprotect(cipher));
    }
}
