using System.Text.Json;
using Connector.OAuth2.Configuration;
using Connector.OAuth2.Profiles;

namespace Connector.OAuth2.Tests.Profiles;

public sealed class ProfileExpressionTests
{
    private static readonly JsonElement Discord = JsonSerializer.Deserialize<JsonElement>("""
        {"id":"1180000000000000001","username":"avery","global_name":null,"avatar":"a_1b2c3d","verified":true,
         "https://slack.com/team_id":"T0FAKE","profile":{"a.b":"dotted"},"count":0}
        """);

    [Theory]
    [InlineData("global_name|username", "avery")]
    [InlineData("username|global_name", "avery")]
    [InlineData("missing|also.missing|id", "1180000000000000001")]
    [InlineData("[\"https://slack.com/team_id\"]", "T0FAKE")]
    [InlineData("profile.[\"a.b\"]", "dotted")]
    [InlineData("profile[\"a.b\"]", "dotted")]
    [InlineData("https://cdn.discordapp.com/avatars/{id}/{avatar}.png", "https://cdn.discordapp.com/avatars/1180000000000000001/a_1b2c3d.png")]
    [InlineData("https://cdn.example/{missing}.png|https://cdn.example/{username}.png", "https://cdn.example/avery.png")]
    [InlineData("count", "0")]
    public void Resolve_ReadsFallbacksQuotedKeysAndTemplates(string expression, string expected) =>
        Assert.Equal(expected, ProfileMapper.Resolve(Discord, expression));

    [Theory]
    [InlineData("global_name|missing")]
    [InlineData("https://cdn.discordapp.com/avatars/{id}/{missing}.png")]
    [InlineData("[\"https://slack.com/other\"]")]
    public void Resolve_WhenEveryAlternativeIsMissing_ReturnsNull(string expression) =>
        Assert.Null(ProfileMapper.Resolve(Discord, expression));

    [Fact]
    public void Template_EscapesValuesSoTheyCannotChangeTheUrl()
    {
        var json = JsonSerializer.Deserialize<JsonElement>("""{"id":"../../admin?x=1"}""");

        Assert.Equal("https://cdn.example/u/..%2F..%2Fadmin%3Fx%3D1.png", ProfileMapper.Resolve(json, "https://cdn.example/u/{id}.png"));
    }

    [Fact]
    public void Template_ThatIsNotAUrl_KeepsValuesAsWritten()
    {
        var json = JsonSerializer.Deserialize<JsonElement>("""{"user":{"name":{"firstName":"José","lastName":"O'Brien / Ng"}}}""");

        Assert.Equal("José O'Brien / Ng", ProfileMapper.Resolve(json, "{user.name.firstName} {user.name.lastName}"));
        Assert.Equal("José", ProfileMapper.Resolve(json, "{user.name.firstName} {user.name.middleName}|user.name.firstName"));
    }

    [Fact]
    public void Map_WithEmailVerifiedEntry_ReadsTheProvidersFlag()
    {
        var map = new ProfileMap { Name = "global_name|username", Avatar = "https://cdn.discordapp.com/avatars/{id}/{avatar}.png", EmailVerified = "verified" };

        var profile = ProfileMapper.Map(map, Discord).Value!;

        Assert.Equal("avery", profile.Name);
        Assert.EndsWith("/a_1b2c3d.png", profile.Avatar, StringComparison.Ordinal);
        Assert.True(profile.EmailVerified);
    }

    [Theory]
    [InlineData("""{"id":"1","email_verified":false}""", false)]
    [InlineData("""{"id":"1","email_verified":true}""", true)]
    [InlineData("""{"id":"1","email_verified":"yes"}""", null)]
    [InlineData("""{"id":"1"}""", null)]
    public void Map_WithoutEmailVerifiedEntry_ReadsEmailVerifiedOrLeavesItUnknown(string json, bool? expected) =>
        Assert.Equal(expected, ProfileMapper.Map(null, JsonSerializer.Deserialize<JsonElement>(json)).Value!.EmailVerified);

    [Theory]
    [InlineData("a|")]
    [InlineData("https://x/{id")]
    [InlineData("[\"unterminated")]
    [InlineData("a..b")]
    [InlineData("https://x/{}.png")]
    public void Validator_RejectsMalformedExpressions(string expression)
    {
        var config = new OAuth2ConnectorConfig
        {
            AuthorizationEndpoint = "https://p.example/a", TokenEndpoint = "https://p.example/t", UserInfoEndpoint = "https://p.example/u",
            ClientId = "c", ClientSecret = "s", ProfileMap = new ProfileMap { Avatar = expression },
        };

        var errors = new OAuth2ConnectorConfigValidator(false).Validate(config).Errors;

        var error = Assert.Single(errors);
        Assert.Equal("profileMap.avatar", error.PropertyName);
        Assert.Equal(ValidationCodes.InvalidPath, error.ErrorCode);
    }
}
