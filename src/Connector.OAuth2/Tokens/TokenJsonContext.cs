using System.Text.Json.Serialization;

namespace Connector.OAuth2.Tokens;

/// <summary>Source-generated JSON for the assertion: no reflection on the token path.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(ClientSecretJwt.Header))]
[JsonSerializable(typeof(ClientSecretJwt.Payload))]
internal sealed partial class TokenJsonContext : JsonSerializerContext;
