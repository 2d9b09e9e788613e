using System.Text.Json.Nodes;

namespace Connector.Host.Tests.Infrastructure;

/// <summary>Connector configs written the way a Logto user fills in Logto's OAuth2 connector form.</summary>
public static class LogtoConfigs
{
    public const string GitHubSecret = "gh-secret-7f3a9c1e5b2d4f6a8c0e";

    /// <summary>GitHub through Logto's generic OAuth2 connector: form-encoded token answer, custom profile paths.</summary>
    public static string GitHub(string secret = GitHubSecret) => $$"""
        {
          "authorizationEndpoint": "https://github.com/login/oauth/authorize",
          "tokenEndpoint": "https://github.com/login/oauth/access_token",
          "userInfoEndpoint": "https://api.github.com/user",
          "clientId": "Iv1.8a61f9b3a7aba766",
          "clientSecret": "{{secret}}",
          "tokenEndpointAuthMethod": "client_secret_post",
          "clientSecretJwtSigningAlgorithm": "HS256",
          "tokenEndpointResponseType": "query-string",
          "responseType": "code",
          "grantType": "authorization_code",
          "scope": "read:user user:email",
          "profileMap": { "id": "id", "name": "name", "avatar": "avatar_url", "email": "email", "phone": "phone" },
          "customConfig": { "allowSignup": "false" }
        }
        """;

    /// <summary>A connector create body around a config.</summary>
    public static string Connector(string? id, string name, string config, string? extraFields = null)
    {
        var idField = id is null ? "" : $"\"id\": \"{id}\", ";
        var extra = extraFields is null ? "" : $", {extraFields}";
        return $$"""{ {{idField}}"name": "{{name}}", "config": {{config}}{{extra}} }""";
    }

    /// <summary>The GitHub config with some fields replaced (a null value removes the field).</summary>
    public static string GitHubWith(IReadOnlyDictionary<string, JsonNode?> changes)
    {
        var config = JsonNode.Parse(GitHub())!.AsObject();
        foreach (var (field, value) in changes)
        {
            if (value is null)
            {
                config.Remove(field);
            }
            else
            {
                config[field] = value.DeepClone();
            }
        }

        return config.ToJsonString();
    }
}
