using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Web;
using Connector.Host.Tests.Presets;
using Connector.Host.Tests.SignIn;

namespace Connector.Host.Tests.Providers;

/// <summary>
/// Issue 6's acceptance, and issue 17's for the presets since: each provider, created from its preset, signs a user in through the host's
/// real browser flow while WireMock replays the recorded token and userinfo answers; the stored rows are then read
/// field by field.
/// </summary>
public sealed class ProviderSignInTests : IAsyncLifetime
{
    private const string GitHubEmails = """[{"email":"octo@example.com","primary":true,"verified":true,"visibility":"private"}]""";
    private readonly List<RecordedProvider> _providers = [];
    private SignInHost _host = null!;

    /// <summary>preset, subject (a string exactly as sent), name, avatar, email, email verified, phone.</summary>
    public static TheoryData<string, string, string, string?, string?, bool?, string?> Expected => new()
    {
        { "discord", "1180000000000000001", "Avery Example", "https://cdn.discordapp.com/avatars/1180000000000000001/a1b2c3d4e5f60718293a4b5c6d7e8f90.png", "avery.example@example.com", true, null },
        { "dropbox", "dbid:AAFAKEaccountId000000000000000000000", "Avery Example", "https://dl-web.dropbox.com/account_photo/get/dbaphid%3AFAKE000000000?size=128x128&vers=1700000000000", "avery.example@example.com", true, null },
        { "facebook", "10000000000000001", "Avery Example", "https://platform-lookaside.fbsbx.com/platform/profilepic/?asid=10000000000000001&height=50&width=50&ext=1700000000&hash=FakeHash", "avery.example@example.com", null, null },
        { "github", "58001234", "Octo Example", "https://avatars.githubusercontent.com/u/58001234?v=4", "octo@example.com", true, null },
        { "gitlab", "4242424", "Avery Example", "https://secure.gravatar.com/avatar/0000000000000000000000000000000000000000000000000000000000000000?s=80&d=identicon", "avery.example@example.com", null, null },
        { "google", "109876543210987654321", "Avery Example", "https://lh3.googleusercontent.com/a/FAKE-picture-id=s96-c", "avery.example@example.com", true, null },
        { "huggingface", "6650f0a1b2c3d4e5f6a7b8c9", "Avery Example", "https://cdn-avatars.huggingface.co/v1/production/uploads/6650f0a1b2c3d4e5f6a7b8c9/fake-avatar.png", "avery.example@example.com", true, null },
        { "linkedin", "aB3dEfGhIj", "Avery Example", "https://media.licdn.com/dms/image/v2/FAKE0000/profile-displayphoto-shrink_100_100/0/1700000000000?e=1767225600&v=beta&t=fakefakefake", "avery.example@example.com", true, null },
        { "microsoft", "5f1c2b9a-0e3d-4c6b-9a7e-2d4f8b1c0a11", "Avery Example", null, "avery.example@example.com", null, "+1 425 555 0100" },
        { "slack", "U0FAKE0001", "Avery Example", "https://secure.gravatar.com/avatar/00000000000000000000000000000000.jpg?s=512", "avery.example@example.com", true, null },
        { "spotify", "fakeuser0001", "Avery Example", "https://i.scdn.co/image/ab6775700000ee85fake000000000000000000", "avery.example@example.com", null, null },
        { "twitch", "987654321", "AveryExample", "https://static-cdn.jtvnw.net/jtv_user_pictures/fake-0000-profile_image-300x300.png", "avery.example@example.com", null, null },
        { "x", "2244994945", "Avery Example", "https://pbs.twimg.com/profile_images/1700000000000000000/FakeAvatar_normal.jpg", null, null, null },
        { "okta", "00uFAKE0000000000001", "Avery Example", null, "avery.example@example.com", true, null },
        { "auth0", "auth0|6650f0a1b2c3d4e5f6a7b8c9", "Avery Example", "https://s.gravatar.com/avatar/00000000000000000000000000000000?s=480&r=pg&d=https%3A%2F%2Fcdn.auth0.com%2Favatars%2Fae.png", "avery.example@example.com", true, null },
        { "keycloak", "3f9a1c2e-8b7d-4e6f-9a0b-1c2d3e4f5a6b", "Avery Example", null, "avery.example@example.com", true, null },
        { "entra-id", "7a1e0c55-3b2d-4f6e-8a9b-0c1d2e3f4a5b", "Avery Example", null, "avery@contoso.onmicrosoft.com", null, null },
    };

    public static TheoryData<string> All => [.. PresetFiles.Ids];

    public async ValueTask InitializeAsync() => _host = await SignInHost.StartAsync();

    public ValueTask DisposeAsync()
    {
        _providers.ForEach(provider => provider.Dispose());
        return _host.DisposeAsync();
    }

    [Theory]
    [MemberData(nameof(Expected))]
    public async Task SignIn_ThroughThePresetWithRecordedAnswers_StoresTheProfileFieldByField(
        string preset, string subject, string name, string? avatar, string? email, bool? emailVerified, string? phone)
    {
        var provider = await ReplayingAsync(preset);
        using var browser = _host.NewBrowser();

        using var callback = await browser.SignInAsync(preset);
        using var account = await browser.GetAsync(callback.Headers.Location?.OriginalString ?? "/account");

        Assert.Equal(HttpStatusCode.Redirect, callback.StatusCode);
        Assert.Equal("/account", callback.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, account.StatusCode);
        var html = await account.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Contains(name, html, StringComparison.Ordinal);
        Assert.Contains($"Signed in with {provider.PresetName}", html, StringComparison.Ordinal);
        var (user, identity) = await _host.SingleUserWithIdentityAsync();
        Assert.Equal(new StoredUser(name, avatar, email, emailVerified, phone), user);
        Assert.Equal(preset, identity.ConnectorId);
        Assert.Equal(subject, identity.Subject);
        Assert.Equal(JsonValueKind.String, identity.Profile["id"]!.GetValueKind()); // never a number, even for GitHub's 58001234
        Assert.Equal(subject, identity.Profile["id"]!.GetValue<string>());
        Assert.Equal(name, Text(identity.Profile, "name"));
        Assert.Equal(avatar, Text(identity.Profile, "avatar"));
        Assert.Equal(email, Text(identity.Profile, "email"));
        Assert.Equal(phone, Text(identity.Profile, "phone"));
        Assert.Equal(emailVerified, identity.Profile["emailVerified"]?.GetValue<bool>());
        Assert.True(provider.IsStoredRawProfile(identity.RawProfile), $"{preset}: raw_profile is not the recorded answers");
        Assert.Equal(["success"], await _host.AuditOutcomesAsync());
    }

    [Theory]
    [MemberData(nameof(All))]
    public async Task SignIn_ThroughThePreset_CallsTokenAndUserInfoAsTheProviderExpects(string preset)
    {
        var provider = await ReplayingAsync(preset);
        using var browser = _host.NewBrowser();

        using var callback = await browser.SignInAsync(preset);

        Assert.Equal(HttpStatusCode.Redirect, callback.StatusCode);
        var form = provider.SingleRequest(provider.TokenEndpoint).Form();
        Assert.Equal(FakeProvider.Code, form.GetValueOrDefault("code"));
        Assert.Equal($"http://localhost/callback/{preset}", form.GetValueOrDefault("redirect_uri"));
        if (provider.Preset["config"]!["tokenEndpointAuthMethod"]!.GetValue<string>() == "client_secret_basic")
        {
            var basic = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{RecordedProvider.ClientId}:{RecordedProvider.ClientSecret}"));
            Assert.Equal("Basic " + basic, provider.SingleRequest(provider.TokenEndpoint).Header("Authorization"));
            Assert.False(form.ContainsKey("client_secret"));
        }
        else
        {
            Assert.Equal(RecordedProvider.ClientId, form.GetValueOrDefault("client_id"));
            Assert.Equal(RecordedProvider.ClientSecret, form.GetValueOrDefault("client_secret"));
        }

        if (provider.IdTokenRules is not null)
        {
            Assert.False(string.IsNullOrEmpty(provider.LastNonce), $"{preset}: no nonce on the authorization request");
        }

        var userInfo = provider.SingleRequest(provider.UserInfoEndpoint);
        Assert.Equal(provider.UserInfoMethod, userInfo.RequestMessage!.Method);
        Assert.Equal("Bearer " + provider.AccessToken, userInfo.Header("Authorization"));
        Assert.False(string.IsNullOrWhiteSpace(userInfo.Header("User-Agent")), $"{preset}: no User-Agent");
        foreach (var (header, value) in provider.UserInfoHeaders.Where(h => h.Name != "User-Agent"))
        {
            Assert.Equal(value, userInfo.Header(header)); // Twitch: Client-Id = our client id
        }

        var query = HttpUtility.ParseQueryString(provider.UserInfoEndpoint.Query);
        var sent = HttpUtility.ParseQueryString(userInfo.RequestMessage.RawQuery ?? "");
        foreach (var key in query.AllKeys.OfType<string>())
        {
            Assert.Equal(query[key], sent[key]); // Facebook: ?fields=id,name,email,picture survives
        }

        if (provider.UserInfoMethod == "POST")
        {
            Assert.True(string.IsNullOrEmpty(userInfo.RequestMessage.Body), $"{preset}: POST userinfo carried a body");
            Assert.Null(userInfo.Header("Content-Type")); // Dropbox rejects a form Content-Type
        }
    }

    [Fact]
    public async Task GitHub_SignInThroughPreset_StoresIdNameAvatarAndLookedUpVerifiedEmail()
    {
        var provider = await ReplayingAsync("github", """
            [{"email":"old@example.com","primary":false,"verified":true,"visibility":null},
             {"email":"stranger@example.com","primary":false,"verified":false,"visibility":null},
             {"email":"octo@example.com","primary":true,"verified":true,"visibility":"private"}]
            """);
        using var browser = _host.NewBrowser();

        using var callback = await browser.SignInAsync("github");

        Assert.Equal(HttpStatusCode.Redirect, callback.StatusCode);
        var (user, identity) = await _host.SingleUserWithIdentityAsync();
        Assert.Equal(new StoredUser("Octo Example", "https://avatars.githubusercontent.com/u/58001234?v=4", "octo@example.com", true, null), user);
        Assert.Equal("58001234", identity.Subject);
        Assert.Equal(JsonValueKind.Number, identity.RawProfile["id"]!.GetValueKind());
        Assert.Null(identity.RawProfile["email"]); // the profile's email is null: the address came from the lookup
        Assert.Equal("octo@example.com", Text(identity.Profile, "email"));
        Assert.True(identity.Profile["emailVerified"]!.GetValue<bool>());
        var lookup = provider.SingleRequest(provider.EmailLookupEndpoint!);
        Assert.Equal("GET", lookup.RequestMessage!.Method);
        Assert.Equal("Bearer " + provider.AccessToken, lookup.Header("Authorization"));
        Assert.False(string.IsNullOrWhiteSpace(lookup.Header("User-Agent")), "no User-Agent on the lookup");
    }

    private async Task<RecordedProvider> ReplayingAsync(string preset, string emails = GitHubEmails)
    {
        var provider = RecordedProvider.Load(preset, _host.Upstream);
        _providers.Add(provider);
        await provider.CreateConnectorAsync(_host.Admin);
        provider.RedirectsBackWithACode();
        provider.AnswersToken();
        provider.AnswersUserInfo();
        if (provider.EmailLookupEndpoint is not null)
        {
            provider.AnswersEmails(emails);
        }

        return provider;
    }

    private static string? Text(JsonObject profile, string field) =>
        profile[field] is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;
}
