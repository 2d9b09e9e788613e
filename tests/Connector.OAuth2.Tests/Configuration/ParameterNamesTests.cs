using Connector.OAuth2.Configuration;

namespace Connector.OAuth2.Tests.Configuration;

public sealed class ParameterNamesTests
{
    [Theory]
    [InlineData("accessType", "access_type")]
    [InlineData("AccessType", "access_type")]
    [InlineData("includeGrantedScopes", "include_granted_scopes")]
    [InlineData("clientID", "client_id")]
    [InlineData("kebab-case", "kebab_case")]
    [InlineData("Client-Id", "client_id")]
    public void ToSnakeCase_WithCamelOrKebabKey_ReturnsSnakeCase(string key, string expected)
    {
        var name = ParameterNames.ToSnakeCase(key);

        Assert.Equal(expected, name);
    }

    [Theory]
    [InlineData("already_snake")]
    [InlineData("prompt")]
    [InlineData("access_type")]
    [InlineData("")]
    public void ToSnakeCase_WithKeyWithoutUpperCaseOrDashes_ReturnsItUnchanged(string key)
    {
        var name = ParameterNames.ToSnakeCase(key);

        Assert.Equal(key, name);
    }
}
