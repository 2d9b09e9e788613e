using System.Net;
using Connector.Host.Tests.Console;

namespace Connector.Host.Tests.TokenVault;

/// <summary>The console's user page says, per identity, whether the vault keeps the provider's tokens, and never shows one.</summary>
public sealed class VaultConsoleTests
{
    [Fact]
    public async Task TheUserPage_SaysTheTokensAreStored_WithoutShowingAny_AndSaysNotStoredOnceStorageIsOff()
    {
        await using var world = await VaultWorld.WithUserAsync();
        var (host, admin, userId) = (world.Host, world.Admin, world.UserId);
        var visitor = await ConsoleVisitor.SignedInAsync(host);

        var stored = await visitor.GetAsync($"/console/users/{userId}");
        using var patched = await admin.PatchAsync($"/api/connectors/{VaultWorld.ConnectorId}",
            Infrastructure.HttpJson.Body("""{"enableTokenStorage":false}""", "application/merge-patch+json"), VaultWorld.Ct);
        var erased = await visitor.GetAsync($"/console/users/{userId}");

        Assert.Equal(HttpStatusCode.OK, stored.Status);
        Assert.Equal("Stored, encrypted (the token vault)", stored.Document.QuerySelector("article.identity dd.tokens")!.TextContent.Trim());
        Assert.DoesNotContain(VaultWorld.AccessToken, stored.Document.DocumentElement.OuterHtml, StringComparison.Ordinal);
        Assert.DoesNotContain(VaultWorld.RefreshToken, stored.Document.DocumentElement.OuterHtml, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, patched.StatusCode);
        Assert.Equal("Not stored", erased.Document.QuerySelector("article.identity dd.tokens")!.TextContent.Trim());
    }
}
