using Provisioner.Docker.Backend;

namespace Provisioner.Docker.Tests.Unit;

/// <summary>Reading from the engine's process list (as <c>ps</c> prints it) whether a container still waits for its secrets.</summary>
public class SecretDeliveryTests
{
    [Fact]
    public void IsWaiting_TheWaitItself_True() =>
        Assert.True(SecretDelivery.IsWaiting(
            string.Join(' ', SecretDelivery.WaitingEntrypoint(["/usr/local/bin/pg-entrypoint"], []))));

    [Theory]
    [InlineData("/sbin/docker-init -- /bin/sh -c until [ -e \"$0\" ]; do sleep 0.05; done; exec \"$@\" /run/secrets/.ready /app/notes")]
    [InlineData("/app/notes")]
    [InlineData("postgres -D /var/lib/postgresql/data/pgdata")]
    [InlineData("sleep 0.05")]
    public void IsWaiting_InitOrEntrypointOrItsSleep_False(string commandLine) =>
        Assert.False(SecretDelivery.IsWaiting(commandLine));
}
