using System.Text.Json;
using Connector.OAuth2.Configuration;
using Connector.OAuth2.Profiles;
using Connector.OAuth2.Tests.Support;

namespace Connector.OAuth2.Tests.Profiles;

/// <summary>
/// A form_post callback's <c>user</c> (Sign in with Apple's first-authorization name) reaches the profile map under
/// <c>user</c>: with the usual fallbacks and templates, in the raw profile, and nowhere when it was not posted.
/// </summary>
public sealed class PostedUserTests : IDisposable
{
    private const string AppleUser = """{"name":{"firstName":"Ada","lastName":"Lovelace"},"email":"ada@privaterelay.appleid.com"}""";

    private readonly FakeProvider _provider = new();
    private readonly Engine _engine = new();

    [Fact]
    public async Task PostedUser_IsMappedUnderUser()
    {
        _provider.SignsIn("""{"sub":"001234.apple"}""");
        var config = Map(new ProfileMap { Id = "sub", Name = "name|user.name.firstName", Email = "email|user.email" });

        var profile = await SignInAsync(config, Posted(AppleUser));

        Assert.Equal("Ada", profile.Name);
        Assert.Equal("ada@privaterelay.appleid.com", profile.Email);
        Assert.Equal("Lovelace", profile.Raw.GetProperty("user").GetProperty("name").GetProperty("lastName").GetString());
        Assert.Equal("001234.apple", profile.Raw.GetProperty("sub").GetString());
    }

    [Fact]
    public async Task PostedUser_FillsATemplate()
    {
        _provider.SignsIn("""{"sub":"001234.apple"}""");
        var config = Map(new ProfileMap { Id = "sub", Name = "{user.name.firstName} {user.name.lastName}" });

        var profile = await SignInAsync(config, Posted(AppleUser));

        Assert.Equal("Ada Lovelace", profile.Name);
    }

    [Fact]
    public async Task WithoutPostedUser_TheProfileHasNoNameFromIt()
    {
        _provider.SignsIn("""{"sub":"001234.apple"}""");
        var config = Map(new ProfileMap { Id = "sub", Name = "user.name.firstName" });

        var profile = await SignInAsync(config, user: null);

        Assert.Null(profile.Name);
        Assert.False(profile.Raw.TryGetProperty("user", out _));
    }

    [Fact]
    public async Task PostedUser_ReplacesAUserMemberOfTheProvidersAnswer()
    {
        _provider.SignsIn("""{"sub":"1","user":{"name":{"firstName":"From userinfo"}}}""");
        var config = Map(new ProfileMap { Id = "sub", Name = "user.name.firstName" });

        var profile = await SignInAsync(config, Posted("""{"name":{"firstName":"Posted"}}"""));

        Assert.Equal("Posted", profile.Name);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("""["an","array"]""")]
    [InlineData("\"a string\"")]
    [InlineData("""{"name":""")]
    [InlineData("""{"a":{"b":{"c":{"d":{"e":{"f":{"g":{"h":{"i":1}}}}}}}}}""")]
    public void TryParse_RefusesWhatIsNotABoundedJsonObject(string posted)
    {
        Assert.False(PostedUser.TryParse(posted, out _));
    }

    [Fact]
    public void TryParse_RefusesAnOversizedField()
    {
        var posted = $$$"""{"name":{"firstName":"{{{new string('a', PostedUser.MaxLength)}}}"}}""";

        Assert.False(PostedUser.TryParse(posted, out _));
        Assert.True(PostedUser.TryParse(AppleUser, out var user));
        Assert.Equal(JsonValueKind.Object, user.ValueKind);
    }

    public void Dispose()
    {
        _engine.Dispose();
        _provider.Dispose();
    }

    private OAuth2ConnectorConfig Map(ProfileMap map) => Configs.For(_provider) with { ResponseMode = ResponseModes.FormPost, ProfileMap = map };

    private static JsonElement Posted(string json) => PostedUser.TryParse(json, out var user) ? user : throw new ArgumentException(json);

    private async Task<UserProfile> SignInAsync(OAuth2ConnectorConfig config, JsonElement? user)
    {
        var exchange = Configs.Exchange() with { PostedUser = user };
        var result = await _engine.Connector.CompleteSignInAsync(config, exchange, Configs.Calls(), TestContext.Current.CancellationToken);
        Assert.False(result.IsError, result.Error?.Message);
        return result.Value.Profile;
    }
}
