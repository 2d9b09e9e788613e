using System.Text.Json;
using Connector.OAuth2.Configuration;
using Connector.OAuth2.Profiles;
using Connector.OAuth2.Results;

namespace Connector.OAuth2.Tests.Profiles;

public sealed class ProfileMapperTests
{
    private const string NestedProfile = """
        {"code":0,"data":{"user":{"id":4242,"nickname":"Nick","avatar":"https://example.com/a.png",
         "contact":{"email":"nick@example.com","phone":"+15550100"}}}}
        """;

    private static readonly ProfileMap NestedMap = new()
    {
        Id = "data.user.id",
        Name = "data.user.nickname",
        Avatar = "data.user.avatar",
        Email = "data.user.contact.email",
        Phone = "data.user.contact.phone",
    };

    private static readonly JsonSerializerOptions LogtoJson = new(JsonSerializerDefaults.Web);

    [Fact]
    public void Map_WithNestedPaths_ReadsEveryField()
    {
        var userInfo = Json(NestedProfile);

        var result = ProfileMapper.Map(NestedMap, userInfo);

        Assert.False(result.IsError, result.Error?.Message);
        Assert.Equal("4242", result.Value.Id);
        Assert.Equal("Nick", result.Value.Name);
        Assert.Equal("https://example.com/a.png", result.Value.Avatar);
        Assert.Equal("nick@example.com", result.Value.Email);
        Assert.Equal("+15550100", result.Value.Phone);
    }

    [Fact]
    public void Map_Always_KeepsTheFullUserInfoAsRaw()
    {
        var userInfo = Json(NestedProfile);

        var result = ProfileMapper.Map(NestedMap, userInfo);

        Assert.False(result.IsError, result.Error?.Message);
        Assert.True(JsonElement.DeepEquals(userInfo, result.Value.Raw));
        Assert.Equal(0, result.Value.Raw.GetProperty("code").GetInt32());
        Assert.Equal("+15550100", result.Value.Raw.GetProperty("data").GetProperty("user").GetProperty("contact").GetProperty("phone").GetString());
    }

    [Theory]
    [InlineData("emails.0.value", "first@example.com")]
    [InlineData("emails.1.value", "second@example.com")]
    [InlineData("tags.2", "c")]
    public void Map_WithNumericSegment_IndexesTheArray(string path, string expected)
    {
        var userInfo = Json("""
            {"id":"u-1","emails":[{"value":"first@example.com"},{"value":"second@example.com"}],"tags":["a","b","c"]}
            """);

        var result = ProfileMapper.Map(new ProfileMap { Email = path }, userInfo);

        Assert.False(result.IsError, result.Error?.Message);
        Assert.Equal(expected, result.Value.Email);
    }

    [Theory]
    [InlineData("emails.2.value")]
    [InlineData("emails.99.value")]
    [InlineData("emails.-1.value")]
    [InlineData("emails.first.value")]
    [InlineData("emails.0.value.deeper")]
    [InlineData("nothing.here")]
    public void Map_WithPathThatDoesNotResolve_LeavesTheFieldMissing(string path)
    {
        var userInfo = Json("""{"id":"u-1","emails":[{"value":"first@example.com"},{"value":"second@example.com"}]}""");

        var result = ProfileMapper.Map(new ProfileMap { Email = path }, userInfo);

        Assert.False(result.IsError, result.Error?.Message);
        Assert.Equal("u-1", result.Value.Id);
        Assert.Null(result.Value.Email);
    }

    [Theory]
    [InlineData("0", "0")]
    [InlineData("4242", "4242")]
    [InlineData("-7", "-7")]
    [InlineData("12345678901234567890123", "12345678901234567890123")]
    [InlineData("1.5", "1.5")]
    [InlineData("true", "true")]
    [InlineData("false", "false")]
    public void Map_WithNumberOrBoolean_ReturnsTheInvariantTextAsSent(string literal, string expected)
    {
        var userInfo = Json($$"""{"id":{{literal}},"name":{{literal}}}""");

        var result = ProfileMapper.Map(null, userInfo);

        Assert.False(result.IsError, result.Error?.Message);
        Assert.Equal(expected, result.Value.Id);
        Assert.Equal(expected, result.Value.Name);
    }

    [Fact]
    public void Map_WithIdZero_ReturnsTheIdZero()
    {
        // We differ from Logto here: 0 is a real id, not a missing one.
        var userInfo = Json("""{"id":0}""");

        var result = ProfileMapper.Map(null, userInfo);

        Assert.False(result.IsError, result.Error?.Message);
        Assert.Equal("0", result.Value.Id);
    }

    [Theory]
    [InlineData("""{"a":1}""")]
    [InlineData("[1,2]")]
    [InlineData("[]")]
    [InlineData("{}")]
    [InlineData("null")]
    [InlineData("\"\"")]
    public void Map_WithObjectArrayNullOrEmptyString_TreatsTheFieldAsMissing(string literal)
    {
        var userInfo = Json($$"""{"id":"u-1","name":{{literal}},"avatar":{{literal}},"email":{{literal}},"phone":{{literal}}}""");

        var result = ProfileMapper.Map(null, userInfo);

        Assert.False(result.IsError, result.Error?.Message);
        Assert.Null(result.Value.Name);
        Assert.Null(result.Value.Avatar);
        Assert.Null(result.Value.Email);
        Assert.Null(result.Value.Phone);
    }

    [Theory]
    [InlineData("""{"name":"No Id"}""")]
    [InlineData("""{"id":""}""")]
    [InlineData("""{"id":"   "}""")]
    [InlineData("""{"id":null}""")]
    [InlineData("""{"id":{"value":42}}""")]
    [InlineData("""{"id":[42]}""")]
    public void Map_WithMissingEmptyOrNonScalarId_ReturnsProfileIdMissing(string json)
    {
        var userInfo = Json(json);

        var result = ProfileMapper.Map(null, userInfo);

        Assert.True(result.IsError);
        Assert.Equal(ConnectorErrorCodes.ProfileIdMissing, result.Error.Code);
        Assert.Equal("profile_id_missing", result.Error.Code);
    }

    [Fact]
    public void Map_WithMappedIdPathMissing_ReturnsProfileIdMissingNamingThePath()
    {
        var userInfo = Json("""{"id":"top-level-id","data":{"user":{}}}""");

        var result = ProfileMapper.Map(new ProfileMap { Id = "data.user.id" }, userInfo);

        Assert.True(result.IsError);
        Assert.Equal("profile_id_missing", result.Error.Code);
        Assert.Contains("data.user.id", result.Error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Map_WithoutProfileMap_MapsEachKeyToItself()
    {
        var userInfo = Json("""
            {"id":"u-1","name":"Ann","avatar":"https://example.com/ann.png","email":"ann@example.com","phone":"+15550101","login":"ann"}
            """);

        var result = ProfileMapper.Map(null, userInfo);

        Assert.False(result.IsError, result.Error?.Message);
        Assert.Equal("u-1", result.Value.Id);
        Assert.Equal("Ann", result.Value.Name);
        Assert.Equal("https://example.com/ann.png", result.Value.Avatar);
        Assert.Equal("ann@example.com", result.Value.Email);
        Assert.Equal("+15550101", result.Value.Phone);
    }

    [Fact]
    public void Map_WithPartialProfileMap_MapsTheUnlistedKeysToThemselves()
    {
        var userInfo = Json("""{"sub":"s-9","id":"not-this","name":"Ann","display_name":"Ann D.","email":"ann@example.com"}""");

        var result = ProfileMapper.Map(new ProfileMap { Id = "sub", Name = "display_name", Avatar = "" }, userInfo);

        Assert.False(result.IsError, result.Error?.Message);
        Assert.Equal("s-9", result.Value.Id);
        Assert.Equal("Ann D.", result.Value.Name);
        Assert.Equal("ann@example.com", result.Value.Email);
        Assert.Null(result.Value.Avatar);
    }

    [Fact]
    public void Map_WithGitHubUserInfo_MapsIdNameAvatarAndNullEmail()
    {
        var (userInfo, map) = LoadProvider("github");

        var result = ProfileMapper.Map(map, userInfo);

        Assert.False(result.IsError, result.Error?.Message);
        Assert.Equal("58001234", result.Value.Id);
        Assert.Equal("Octo Example", result.Value.Name);
        Assert.Equal("https://avatars.githubusercontent.com/u/58001234?v=4", result.Value.Avatar);
        Assert.Null(result.Value.Email);
        Assert.Null(result.Value.Phone);
        Assert.Equal("octo-example", result.Value.Raw.GetProperty("login").GetString());
    }

    [Theory]
    [InlineData("discord", "1180000000000000001", "Avery Example")]
    [InlineData("dropbox", "dbid:AAFAKEaccountId000000000000000000000", "Avery Example")]
    [InlineData("facebook", "10000000000000001", "Avery Example")]
    [InlineData("github", "58001234", "Octo Example")]
    [InlineData("gitlab", "4242424", "Avery Example")]
    [InlineData("google", "109876543210987654321", "Avery Example")]
    [InlineData("huggingface", "6650f0a1b2c3d4e5f6a7b8c9", "Avery Example")]
    [InlineData("linkedin", "aB3dEfGhIj", "Avery Example")]
    [InlineData("microsoft", "5f1c2b9a-0e3d-4c6b-9a7e-2d4f8b1c0a11", "Avery Example")]
    [InlineData("slack", "U0FAKE0001", "Avery Example")]
    [InlineData("spotify", "fakeuser0001", "Avery Example")]
    [InlineData("twitch", "987654321", "AveryExample")]
    public void Map_WithRecordedProviderUserInfo_MapsItsIdAndName(string provider, string id, string name)
    {
        var (userInfo, map) = LoadProvider(provider);

        var result = ProfileMapper.Map(map, userInfo);

        Assert.False(result.IsError, result.Error?.Message);
        Assert.Equal(id, result.Value.Id);
        Assert.Equal(name, result.Value.Name);
    }

    [Fact]
    public void ToString_DoesNotRevealTheProfile()
    {
        var result = ProfileMapper.Map(NestedMap, Json(NestedProfile));

        var text = result.Value!.ToString();

        Assert.DoesNotContain("nick@example.com", text, StringComparison.Ordinal);
        Assert.DoesNotContain("4242", text, StringComparison.Ordinal);
    }

    private static JsonElement Json(string json) => JsonSerializer.Deserialize<JsonElement>(json);

    private static (JsonElement UserInfo, ProfileMap Map) LoadProvider(string name)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Fixtures", "providers", name + ".json");
        var recording = Json(File.ReadAllText(path));
        var map = recording.GetProperty("profileMap").Deserialize<ProfileMap>(LogtoJson)!;
        return (recording.GetProperty("userInfoResponse"), map);
    }
}
